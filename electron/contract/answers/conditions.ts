import type { Answers, Condition } from '../procedure';
import { daysBetween, isRealDate, vietnamToday } from './dates';

/** Looks an answer up by question id (top level, or a group item first — see procedure.ts). */
export type AnswerLookup = (questionId: string) => unknown;

export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isEmptyAnswer);
  return false;
}

export function ownValue(record: unknown, key: string): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

export function evaluateCondition(condition: Condition, lookup: AnswerLookup, today: string): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, lookup, today));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, lookup, today));
  if ('not' in condition) return !evaluateCondition(condition.not, lookup, today);
  const value = lookup(condition.question);
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return (condition.in as unknown[]).includes(value);
  if ('moreThanDaysAgo' in condition) {
    return typeof value === 'string' && isRealDate(value) && daysBetween(value, today) > condition.moreThanDaysAgo;
  }
  return !isEmptyAnswer(value);
}

/**
 * Whether a question is shown (or a document/fee applies) for these answers. `today` (YYYY-MM-DD,
 * Vietnam time) matters only for `moreThanDaysAgo`; it defaults to the clock's Vietnam date.
 */
export function isShown(condition: Condition | undefined, answers: Answers, today: string = vietnamToday()): boolean {
  if (!condition) return true;
  return evaluateCondition(condition, (id) => ownValue(answers, id), today);
}

/** Lookup inside item of a group: the group's own questions answer from the item, the rest from the top. */
export function itemLookup(groupQuestionIds: ReadonlySet<string>, item: unknown, answers: unknown): AnswerLookup {
  return (id) => (groupQuestionIds.has(id) ? ownValue(item, id) : ownValue(answers, id));
}
