import { computeFees } from '../../../electron/contract/answers/index';
import type { Answers, ProcedureDefinition } from '../../../electron/contract/procedure';

/** The fees at the counter for these answers (the shared rules: conditions, per-unit parts). */
export function feeQuote(definition: ProcedureDefinition, answers: Answers) {
  return computeFees(definition, answers, 'in_person');
}

/**
 * An estimate of the result date: `workingDays` after today, skipping Saturdays and Sundays. The
 * app's calendar (holidays too) gives the real date on the receipt.
 */
export function estimatedResultDate(workingDays: number, from: Date = new Date()): Date {
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  let left = workingDays;
  while (left > 0) {
    date.setDate(date.getDate() + 1);
    const day = date.getDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return date;
}
