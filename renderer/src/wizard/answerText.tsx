import { useTranslation } from 'react-i18next';
import type { LeafQuestion } from '../../../electron/contract/procedure';
import { displayDate } from './fields/dateParts';
import { useUnitName } from './units';

function AddressText({ value }: { value: { provinceCode?: string; communeCode?: string; detail?: string } }) {
  const units = useUnitName(value.provinceCode ?? '', value.communeCode ?? '');
  const parts = [value.detail?.trim(), units].filter((p): p is string => Boolean(p));
  return <>{parts.join(', ')}</>;
}

/** An answer as the review shows it: dates dd/mm/yyyy, choices by their label, addresses by name. */
export function AnswerText({ question, value }: { question: LeafQuestion; value: unknown }) {
  const { t } = useTranslation();
  if (question.type === 'file') return <>{t('review.fileAtCounter')}</>;
  if (value === undefined || value === null || value === '') return <span className="summary-list__empty">{t('review.notAnswered')}</span>;
  switch (question.type) {
    case 'date':
      return <>{displayDate(value)}</>;
    case 'radio':
    case 'select':
      return <>{question.options.find((o) => o.value === value)?.label ?? String(value)}</>;
    case 'checkbox':
      return <>{value === true ? t('wizard.yes') : t('wizard.no')}</>;
    case 'address':
      return typeof value === 'object' ? <AddressText value={value as Record<string, string>} /> : <>{String(value)}</>;
    default:
      return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
  }
}
