import { computeFees } from '../../../electron/contract/answers/index';
import type { Answers, ProcedureDefinition } from '../../../electron/contract/procedure';

/** The fees at the counter for these answers (the shared rules: conditions, per-unit parts). */
export function feeQuote(definition: ProcedureDefinition, answers: Answers) {
  return computeFees(definition, answers, 'in_person');
}
