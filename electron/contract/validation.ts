import { z } from 'zod';
import { ContractError, type FieldError } from './errors';
import { expandMessage, validationMessages, type ValidationMessageKey } from './messages';

const vi = z.locales.vi();
const en = z.locales.en();

/** `["settings", 0, "name"]` → `settings[0].name`; the root is called `(input)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(input)' : out;
}

function issuesWithKeys(issues: readonly z.core.$ZodIssue[], lang: 'vi' | 'en'): FieldError[] {
  return issues.flatMap((issue) => {
    // An unknown key is an error of that key, not of its parent: name it.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = formatPath([...issue.path, key]);
        const message = lang === 'vi' ? 'Trường này không được phép.' : 'This field is not allowed.';
        return { path, message_vi: message, message_en: message };
      });
    }
    const message = expandMessage(issue.message, lang);
    return [{ path: formatPath(issue.path), message_vi: message, message_en: message }];
  });
}

/**
 * Parses `value` with `schema`; on failure throws VALIDATION_FAILED naming every bad field in
 * Vietnamese and English. Parsing twice on failure (once per language) is cheap and keeps
 * zod's own locale texts instead of a hand-written translation of them.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const viResult = schema.safeParse(value, { error: vi.localeError });
  if (viResult.success) return viResult.data;
  const enResult = schema.safeParse(value, { error: en.localeError });
  const viErrors = issuesWithKeys(viResult.error.issues, 'vi');
  const enErrors = enResult.success ? viErrors : issuesWithKeys(enResult.error.issues, 'en');
  const errors: FieldError[] = viErrors.map((e, i) => ({ path: e.path, message_vi: e.message_vi, message_en: enErrors[i]?.message_en ?? e.message_en }));
  throw validationFailed(errors, what);
}

/** VALIDATION_FAILED naming every bad field; `what` says which call or record it was. */
export function validationFailed(errors: FieldError[], what?: string): ContractError {
  const first = errors[0];
  const fields = [...new Set(errors.map((e) => e.path))].join(', ');
  const inVi = what ? ` (${what})` : '';
  return new ContractError({
    code: 'VALIDATION_FAILED',
    message_vi: `Dữ liệu không hợp lệ${inVi} ở trường ${fields}: ${first?.message_vi ?? ''}`,
    message_en: `Invalid data${inVi} in field ${fields}: ${first?.message_en ?? ''}`,
    details: { errors },
  });
}

/** A field error from one of the bilingual validation messages. */
export function fieldError(path: string, key: ValidationMessageKey): FieldError {
  const { vi, en } = validationMessages[key];
  return { path, message_vi: vi, message_en: en };
}
