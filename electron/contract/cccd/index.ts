/**
 * The citizen ID card's QR code (issue: identity input): pure TypeScript, so the renderer (camera,
 * keyboard-wedge) and the main side (HID readers, CLI) read a card with the same code.
 */
export { cccdFieldNames, cccdFieldLabels, type CccdData, type CccdFieldName } from './fields';
export { cccdError, type CccdParseError } from './problems';
export { parseCccdQr, formatCccdQr, type CccdParseResult, type CccdParseOptions } from './parseCccdQr';
export { planCccdFill, acceptedFill, type CccdFillItem, type CccdFillTarget } from './fillPlan';
export { cccdScannedSchema, hidReaderSchema } from './events';
