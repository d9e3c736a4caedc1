import { ContractError, type ContractErrorValue } from '../contract/errors';

export type Lang = 'vi' | 'en';

/** CLI exit codes (shared/CLI.md): 0 done, 1 operation failed, 2 bad input or usage, 3 not found. */
export function exitCodeFor(code: string): 1 | 2 | 3 {
  if (code === 'VALIDATION_FAILED' || code === 'USAGE' || code === 'UNKNOWN_METHOD') return 2;
  if (code === 'NOT_FOUND') return 3;
  return 1;
}

export function usageError(message_vi: string, message_en: string, details: Record<string, unknown> = {}): ContractError {
  return new ContractError({ code: 'USAGE', message_vi, message_en, details });
}

export interface OutputOptions {
  json: boolean;
  lang: Lang;
}

/** One JSON document on stdout with --json; otherwise readable text. */
export function printResult(options: OutputOptions, value: unknown, human: (value: never) => string): void {
  if (options.json) process.stdout.write(`${JSON.stringify(value)}\n`);
  else process.stdout.write(`${human(value as never)}\n`);
}

/** `error[CODE]: message` on stderr, in the chosen language with the other after it; with --json the error document on stdout too. */
export function printError(options: OutputOptions, error: ContractErrorValue): number {
  const [first, second] = options.lang === 'vi' ? [error.message_vi, error.message_en] : [error.message_en, error.message_vi];
  process.stderr.write(`error[${error.code}]: ${first}${second && second !== first ? ` | ${second}` : ''}\n`);
  if (options.json) {
    const document = { error: { code: error.code, message: first, message_vi: error.message_vi, message_en: error.message_en, details: error.details } };
    process.stdout.write(`${JSON.stringify(document)}\n`);
  }
  return exitCodeFor(error.code);
}
