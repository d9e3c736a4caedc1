import type { FieldError } from '../../../electron/contract/errors';
import type { Answers, ProcedureDefinition } from '../../../electron/contract/procedure';
import { getAt, isEmptyAnswer, pathOwns } from './answerPaths';
import { stepQuestions } from './pages';

export type StepStatus = 'done' | 'inProgress' | 'notStarted';

/** GOV.UK task list status of a step: done when nothing in it is wrong or missing. */
export function stepStatus(definition: ProcedureDefinition, stepIndex: number, answers: Answers, errors: readonly FieldError[]): StepStatus {
  const asked = stepQuestions(definition, stepIndex, answers);
  const hasError = asked.some((q) => errors.some((e) => pathOwns(q.path, e.path)));
  if (!hasError) return 'done';
  return asked.some((q) => !isEmptyAnswer(getAt(answers, q.path))) ? 'inProgress' : 'notStarted';
}
