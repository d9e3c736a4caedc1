/** Official papers as PDF: the receipt, the filled application form, and the worker that renders them. */
export { renderApplicationForm, renderApplicationFormDocument, formatAnswer, resolveAnswer, type ApplicationFormOptions } from './applicationForm';
export { documentResources, loadFontBytes, type DocumentResources, type FontBytes } from './fonts';
export { runDocumentJob, unitCodesIn, type DocumentJob } from './jobs';
export { formatFee, lookupTextFor, renderReceipt, renderReceiptDocument, type ReceiptData, type RenderedDocument } from './receipt';
export { closeSharedDocumentWorker, DocumentWorker, renderInWorker } from './worker';
