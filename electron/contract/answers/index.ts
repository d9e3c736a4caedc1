/**
 * Answer rules shared by the renderer and the main process: pure TypeScript (zod and contract only),
 * so the screen and the app judge a resident's answers with the same code.
 */
export type { UnitsLookup } from './units';
export { validateAnswers, type ValidationContext } from './validate';
export { normalizeAnswers, normalizeText } from './normalize';
export { isShown, isEmptyAnswer, evaluateCondition, type AnswerLookup } from './conditions';
export { missingDocuments, isDocumentRequired } from './documents';
export { computeFees, tieredCost, type FeeLine, type FeeQuote } from './fees';
export { formatDateVi, isRealDate, daysBetween, vietnamToday } from './dates';
export { cccdPlaceCodes, cccdProblem } from './cccd';
