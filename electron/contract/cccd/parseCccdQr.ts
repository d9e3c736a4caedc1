import { cccdProblem } from '../answers/cccd';
import { isRealDate, vietnamToday } from '../answers/dates';
import { foldForSearch } from '../text';
import type { CccdData } from './fields';
import { cccdError, type CccdParseError } from './problems';

export type CccdParseResult = { ok: true; value: CccdData } | { ok: false; error: CccdParseError };

export interface CccdParseOptions {
  /** Today in Vietnam (`YYYY-MM-DD`); dates after it are refused. Defaults to the clock. */
  today?: string;
}

/** Longer than any real card's text (≈ 7 fields, address ≤ 300): refuse before doing work. */
const maxTextLength = 2000;
const maxNameLength = 100;
const maxAddressLength = 300;
/** Zero-width characters and BOM that readers and pasted text carry. */
const invisible = /[\u200B-\u200D\u2060\uFEFF]/g;
/** Letters (any script, with their marks), spaces, and the punctuation names may carry. */
const namePattern = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

function clean(field: string | undefined): string {
  return (field ?? '').normalize('NFC').replace(invisible, '').replace(/\s+/g, ' ').trim();
}

/** `DDMMYYYY` (or `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`) → `YYYY-MM-DD` when it names a real day. */
function cardDate(text: string): string | null {
  const m = /^(\d{2})[/.-]?(\d{2})[/.-]?(\d{4})$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isRealDate(iso) ? iso : null;
}

function cardSex(text: string): 'male' | 'female' | null {
  const folded = foldForSearch(text);
  if (folded === 'nam' || folded === 'male' || folded === 'm') return 'male';
  if (folded === 'nu' || folded === 'female' || folded === 'f') return 'female';
  return null;
}

/**
 * Some readers and older card batches leave the old-number column out entirely
 * (`CCCD|Name|DDMMYYYY|…`): recognised by a name where the number should be and a date after it.
 */
function withOldNumberColumn(parts: string[]): string[] {
  const second = parts[1] ?? '';
  if (second !== '' && !/^\d+$/.test(second) && cardDate(parts[2] ?? '') !== null) return [parts[0] ?? '', '', ...parts.slice(1)];
  return parts;
}

type Step<T> = { ok: true; value: T } | { ok: false; error: CccdParseError };
const fail = (field: CccdParseError['field'], problem: CccdParseError['problem']): { ok: false; error: CccdParseError } => ({ ok: false, error: cccdError(field, problem) });

function idNumberOf(text: string, today: string): Step<string> {
  const value = text.replace(/[\s.-]/g, '');
  if (value === '') return fail('idNumber', 'missing');
  const problem = cccdProblem(value, today);
  if (problem) return fail('idNumber', problem.kind);
  return { ok: true, value };
}

function oldIdNumberOf(text: string): Step<string | null> {
  const value = text.replace(/[\s.-]/g, '');
  if (value === '') return { ok: true, value: null };
  if (!/^\d+$/.test(value)) return fail('oldIdNumber', 'not-digits');
  if (value.length !== 9 && value.length !== 12) return fail('oldIdNumber', 'length');
  return { ok: true, value };
}

function fullNameOf(text: string): Step<string> {
  if (text === '') return fail('fullName', 'missing');
  if (text.length > maxNameLength) return fail('fullName', 'too-long');
  // Kept as given: a card printed in ASCII capitals stays so; a person may correct it on screen.
  if (!namePattern.test(text)) return fail('fullName', 'bad-name');
  return { ok: true, value: text };
}

function dateOf(field: 'dateOfBirth' | 'issueDate', text: string, today: string): Step<string> {
  if (text === '') return fail(field, 'missing');
  const iso = cardDate(text);
  if (iso === null) return fail(field, 'bad-date');
  if (iso > today) return fail(field, 'future-date');
  return { ok: true, value: iso };
}

/** The ID number's 4th digit: even male / odd female, century = 19 + ⌊d/2⌋ (Circular 07/2016). */
function consistency(idNumber: string, sex: 'male' | 'female', dateOfBirth: string): CccdParseError | null {
  const digit = Number(idNumber[3]);
  if ((digit % 2 === 0 ? 'male' : 'female') !== sex) return cccdError('sex', 'sex-mismatch');
  const year = (19 + Math.floor(digit / 2)) * 100 + Number(idNumber.slice(4, 6));
  if (String(year) !== dateOfBirth.slice(0, 4)) return cccdError('dateOfBirth', 'year-mismatch');
  return null;
}

/**
 * Parses the text of a citizen ID card's QR code. Defensive about what readers send (trailing
 * CR/LF, NFD, BOM, missing trailing fields, extra fields, no old-number column) and strict about
 * what the card must say (12-digit structure, pre-2025 place code, real past dates, sex and birth
 * year consistent with the number). Never throws: the first problem comes back naming its field.
 */
export function parseCccdQr(input: unknown, options: CccdParseOptions = {}): CccdParseResult {
  if (typeof input !== 'string') return fail('text', 'empty');
  if (input.length > maxTextLength) return fail('text', 'too-long');
  const text = input.normalize('NFC').replace(invisible, '').replace(/[\r\n]+$/, '').trim();
  if (text === '') return fail('text', 'empty');
  if (!text.includes('|')) return fail('text', 'not-a-cccd-qr');
  const today = options.today ?? vietnamToday();
  const parts = withOldNumberColumn(text.split('|').map(clean));

  const idNumber = idNumberOf(parts[0] ?? '', today);
  if (!idNumber.ok) return idNumber;
  const oldIdNumber = oldIdNumberOf(parts[1] ?? '');
  if (!oldIdNumber.ok) return oldIdNumber;
  const fullName = fullNameOf(parts[2] ?? '');
  if (!fullName.ok) return fullName;
  const dateOfBirth = dateOf('dateOfBirth', parts[3] ?? '', today);
  if (!dateOfBirth.ok) return dateOfBirth;
  const sexText = parts[4] ?? '';
  if (sexText === '') return fail('sex', 'missing');
  const sex = cardSex(sexText);
  if (sex === null) return fail('sex', 'unknown-sex');
  const mismatch = consistency(idNumber.value, sex, dateOfBirth.value);
  if (mismatch) return { ok: false, error: mismatch };

  const addressText = parts[5] ?? '';
  if (addressText.length > maxAddressLength) return fail('address', 'too-long');
  let issueDate: string | null = null;
  if ((parts[6] ?? '') !== '') {
    const issued = dateOf('issueDate', parts[6] ?? '', today);
    if (!issued.ok) return issued;
    if (issued.value < dateOfBirth.value) return fail('issueDate', 'before-birth');
    issueDate = issued.value;
  }
  return {
    ok: true,
    value: {
      idNumber: idNumber.value,
      oldIdNumber: oldIdNumber.value,
      fullName: fullName.value,
      dateOfBirth: dateOfBirth.value,
      sex,
      address: addressText === '' ? null : addressText,
      issueDate,
    },
  };
}

/** The QR text a card with these data carries (tests, fixtures, demos): the inverse of the parser. */
export function formatCccdQr(data: CccdData): string {
  const cardDateText = (iso: string | null) => (iso === null ? '' : `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`);
  return [
    data.idNumber,
    data.oldIdNumber ?? '',
    data.fullName,
    cardDateText(data.dateOfBirth),
    data.sex === 'male' ? 'Nam' : 'Nữ',
    data.address ?? '',
    cardDateText(data.issueDate),
  ].join('|');
}
