import type { CccdFillTarget } from '../../../electron/contract/cccd/index';
import type { Answers, ProcedureDefinition } from '../../../electron/contract/procedure';
import { stepQuestions } from '../wizard/pages';

/**
 * The questions one card fills: those of the step (as asked, conditions applied) that the
 * definition marks with `cccdField`. One step asks about one person; inside a group, one item —
 * `groupIndex`, or the first item asked — so a card never fills two people at once.
 */
export function cccdTargets(definition: ProcedureDefinition, stepIndex: number, answers: Answers, groupIndex?: number): CccdFillTarget[] {
  const asked = stepQuestions(definition, stepIndex, answers).filter((q) => q.question.cccdField !== undefined);
  const firstGrouped = asked.find((q) => q.group !== undefined);
  const item = groupIndex ?? firstGrouped?.group?.index;
  return asked.filter((q) => q.group === undefined || q.group.index === item).map((q) => ({ path: q.path, question: q.question }));
}
