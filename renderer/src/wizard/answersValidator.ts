import type { FieldError } from '../../../electron/contract/errors';
import { evaluateCondition, itemLookup, ownValue, type AnswerLookup } from '../../../electron/contract/answers/conditions';
import { normalizeAnswers, validateAnswers as validateShared, vietnamToday } from '../../../electron/contract/answers/index';
import type { Answers, Condition, ProcedureDefinition, Question } from '../../../electron/contract/procedure';
import { unitsLookup } from './units';

export { isShown } from '../../../electron/contract/answers/index';

/**
 * The shared answer validator (electron/contract/answers/), the one the app runs on save and
 * submit, with the units this window has fetched: the screen and the app judge answers alike.
 */
export function validateAnswers(definition: ProcedureDefinition, answers: Answers): FieldError[] {
  // Judged as the app stores them (NFC, trimmed), exactly as the app will judge them.
  return validateShared(definition, normalizeAnswers(definition, answers), { units: unitsLookup, today: vietnamToday() });
}

/** How conditions read answers: at the top level, or inside one item of a group (its own questions first). */
export function lookupFor(answers: Answers, group?: { question: Extract<Question, { type: 'group' }>; index: number }): AnswerLookup {
  if (!group) return (id) => ownValue(answers, id);
  const items = ownValue(answers, group.question.id);
  const item = Array.isArray(items) ? (items as unknown[])[group.index] : undefined;
  return itemLookup(new Set(group.question.questions.map((q) => q.id)), item, answers);
}

export function holds(condition: Condition | undefined, lookup: AnswerLookup): boolean {
  return condition === undefined || evaluateCondition(condition, lookup, vietnamToday());
}

/** Optional questions say so; one required only in some cases (`requiredIf`) does when that does not hold. */
export function isOptional(question: { required: boolean; requiredIf?: Condition | undefined }, lookup: AnswerLookup): boolean {
  return question.requiredIf ? !holds(question.requiredIf, lookup) : !question.required;
}
