import { ScannerError, type ScannerErrorKind } from './scannerError';

/**
 * scanimage exits with the SANE_Status of the call that failed (sane/sane.h): 3 DEVICE_BUSY,
 * 6 JAMMED, 7 NO_DOCS, 8 COVER_OPEN, 9 IO_ERROR… An open that fails exits 1 with
 * "open of device … failed", which is how a missing or unplugged device shows.
 */
const byStatus: Record<number, ScannerErrorKind> = {
  1: 'unsupported',
  2: 'cancelled',
  3: 'busy',
  4: 'io',
  6: 'jammed',
  7: 'noDocuments',
  8: 'coverOpen',
  9: 'io',
  10: 'io',
  11: 'busy',
};

const byText: [RegExp, ScannerErrorKind][] = [
  [/open of device .* failed|no SANE devices found|Invalid argument/i, 'notFound'],
  [/feeder jammed/i, 'jammed'],
  [/out of documents/i, 'noDocuments'],
  [/cover is open/i, 'coverOpen'],
  [/device busy/i, 'busy'],
];

export function saneError(exitCode: number | null, stderr: string, pagesDelivered: number): ScannerError {
  const lines = stderr.split(/[\r\n]+/).filter((l) => l.startsWith('scanimage:') && !/received signal/.test(l));
  const message = lines.at(-1)?.replace(/^scanimage:\s*/, '') ?? `exit ${String(exitCode)}`;
  const fromText = byText.find(([pattern]) => pattern.test(message))?.[1];
  const kind = fromText ?? (exitCode === null ? 'cancelled' : (byStatus[exitCode] ?? 'io'));
  return new ScannerError(kind, message, pagesDelivered);
}
