import { formatDateVi } from '../../../electron/contract/answers/dates';
import type { LeafQuestion } from '../../../electron/contract/procedure';

/** An answer as a person reads it in the confirmation: dates dd/mm/yyyy, options by label, address detail. */
export function displayValue(question: LeafQuestion, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (question.type === 'address') {
    const detail = (value as Record<string, unknown>).detail;
    return typeof detail === 'string' ? detail : '';
  }
  if ((question.type === 'radio' || question.type === 'select') && typeof value === 'string') {
    return question.options.find((o) => o.value === value)?.label ?? value;
  }
  if (question.type === 'date' && typeof value === 'string') return formatDateVi(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
