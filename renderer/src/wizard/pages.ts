import type { Answers, LeafQuestion, ProcedureDefinition, Question } from '../../../electron/contract/procedure';
import { itemPath } from './answerPaths';
import type { FieldError } from '../../../electron/contract/errors';
import { holds, isOptional, lookupFor, validateAnswers } from './answersValidator';

/** The kiosk page after a group's items that asks for one more. */
export const moreSuffix = '.them';

export type GroupQuestion = Extract<Question, { type: 'group' }>;

/** One answer to ask: a top-level question, or one question of one item of a group. */
export interface AskedQuestion {
  path: string;
  question: LeafQuestion;
  stepIndex: number;
  group?: { question: GroupQuestion; index: number };
  /** Marked "(không bắt buộc)". */
  optional: boolean;
}

/** The kiosk's pages: one question each, or "add another item?" after a group's items. */
export type KioskPage = ({ kind: 'question' } & AskedQuestion) | { kind: 'more'; path: string; group: GroupQuestion; count: number; stepIndex: number };

export function groupItems(answers: Answers, group: GroupQuestion): Answers[] {
  const value = answers[group.id];
  return Array.isArray(value) ? (value as Answers[]) : [];
}

/** How many items of a group are asked: the ones answered, at least `minItems`, at most `maxItems`. */
export function groupCount(answers: Answers, group: GroupQuestion): number {
  return Math.min(group.maxItems, Math.max(group.minItems, groupItems(answers, group).length));
}

/** The answers with every group padded to the items asked, so an item not started yet is checked too. */
export function withAskedItems(definition: ProcedureDefinition, answers: Answers): Answers {
  let out = answers;
  for (const q of definition.steps.flatMap((s) => s.questions)) {
    if (q.type !== 'group') continue;
    const items = groupItems(answers, q);
    const count = groupCount(answers, q);
    if (items.length < count && holds(q.showIf, lookupFor(answers))) {
      out = { ...out, [q.id]: [...items, ...Array.from({ length: count - items.length }, () => ({}))] };
    }
  }
  return out;
}

/** The questions of a step that apply to these answers, in order, groups expanded item by item. */
export function stepQuestions(definition: ProcedureDefinition, stepIndex: number, answers: Answers): AskedQuestion[] {
  const step = definition.steps[stepIndex];
  if (!step) return [];
  const top = lookupFor(answers);
  const out: AskedQuestion[] = [];
  for (const question of step.questions) {
    if (!holds(question.showIf, top)) continue;
    if (question.type !== 'group') {
      out.push({ path: question.id, question, stepIndex, optional: isOptional(question, top) });
      continue;
    }
    for (let index = 0; index < groupCount(answers, question); index++) {
      const group = { question, index };
      const scope = lookupFor(answers, group);
      for (const sub of question.questions) {
        if (holds(sub.showIf, scope)) out.push({ path: itemPath(question.id, index, sub.id), question: sub, stepIndex, group, optional: isOptional(sub, scope) });
      }
    }
  }
  return out;
}

export function kioskPages(definition: ProcedureDefinition, answers: Answers): KioskPage[] {
  const pages: KioskPage[] = [];
  definition.steps.forEach((step, stepIndex) => {
    const asked = stepQuestions(definition, stepIndex, answers);
    for (const question of step.questions) {
      if (question.type !== 'group') {
        const q = asked.find((a) => a.path === question.id);
        if (q) pages.push({ kind: 'question', ...q });
        continue;
      }
      if (!holds(question.showIf, lookupFor(answers))) continue;
      for (const q of asked.filter((a) => a.group?.question === question)) pages.push({ kind: 'question', ...q });
      const count = groupCount(answers, question);
      if (count < question.maxItems) pages.push({ kind: 'more', path: `${question.id}${moreSuffix}`, group: question, count, stepIndex });
    }
  });
  return pages;
}

/** Every question asked, in order (the review's list and the counter's task list). */
export function allQuestions(definition: ProcedureDefinition, answers: Answers): AskedQuestion[] {
  return definition.steps.flatMap((_, stepIndex) => stepQuestions(definition, stepIndex, answers));
}

/** The shared validator over the answers as asked (items of a group not started yet count as empty). */
export function checkAnswers(definition: ProcedureDefinition, answers: Answers): FieldError[] {
  return validateAnswers(definition, withAskedItems(definition, answers));
}
