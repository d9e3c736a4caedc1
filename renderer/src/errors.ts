import { ContractError, expandMessage, type FieldError } from '../../electron/contract/index';
import type { TFunction } from 'i18next';
import type { Language } from './i18n';

/** The text of a failed call in the reader's language; never a stack or an exception name. */
export function errorText(error: unknown, lang: Language, t: TFunction): string {
  if (error instanceof ContractError) return lang === 'en' ? error.message_en : error.message_vi;
  return t('errors.unexpected');
}

/** The bad fields of a VALIDATION_FAILED error, or null for any other error. */
export function validationErrorsOf(error: unknown): FieldError[] | null {
  if (!(error instanceof ContractError) || error.code !== 'VALIDATION_FAILED') return null;
  const list = error.details.errors;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is FieldError =>
      typeof e === 'object' && e !== null && typeof (e as FieldError).path === 'string' && typeof (e as FieldError).message_vi === 'string' && typeof (e as FieldError).message_en === 'string',
  );
}

const i18nPrefix = 't:';

/** A client-side validation text that stands for one of our i18n keys (see `i18nMessage`). */
export function i18nMessage(key: string, values: Record<string, string | number> = {}): string {
  return `${i18nPrefix}${key}|${JSON.stringify(values)}`;
}

/**
 * Expands a validation text for display: `msg:key` from the contract's bilingual messages,
 * `t:key|{…}` from ours, anything else as it is. Expanding at render time keeps the errors right
 * when the language changes while they are on screen.
 */
export function validationText(text: string, lang: Language, t: TFunction): string {
  if (!text.startsWith(i18nPrefix)) return expandMessage(text, lang);
  const bar = text.indexOf('|');
  const key = text.slice(i18nPrefix.length, bar === -1 ? undefined : bar);
  let values: Record<string, unknown> = {};
  if (bar !== -1) {
    try {
      values = JSON.parse(text.slice(bar + 1)) as Record<string, unknown>;
    } catch {
      values = {};
    }
  }
  return (t as unknown as (key: string, values: Record<string, unknown>) => string)(key, values);
}
