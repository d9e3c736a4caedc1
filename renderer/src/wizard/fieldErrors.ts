import type { FieldError } from '../../../electron/contract/errors';
import type { Language } from '../i18n';
import { pathOwns } from './answerPaths';

export function errorMessage(error: FieldError, lang: Language): string {
  return lang === 'en' ? error.message_en : error.message_vi;
}

/** The first error of the answer at `path` (itself or one of its parts). */
export function errorFor(errors: readonly FieldError[], path: string, lang: Language): string | undefined {
  const found = errors.find((e) => pathOwns(path, e.path));
  return found ? errorMessage(found, lang) : undefined;
}

/** The errors of these answers only, one per answer, in the order the answers are asked. */
export function errorsOf(errors: readonly FieldError[], paths: readonly string[]): FieldError[] {
  return paths.flatMap((path) => {
    const found = errors.find((e) => pathOwns(path, e.path));
    return found ? [{ ...found, path }] : [];
  });
}
