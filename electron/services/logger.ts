import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs. Personal data must never reach them: callers log ids, codes and counts,
 * and these paths are redacted as a second line of defence.
 */
export function createLogger(destination?: DestinationStream, level = 'info'): Logger {
  return pino(
    {
      level,
      base: { app: 'motcua-kiosk' },
      redact: { paths: ['input', 'payload', 'answers', '*.input', '*.payload', '*.answers', 'pin', '*.pin', 'code', '*.code'], censor: '[redacted]' },
    },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** The app's log file (in the data directory), created with its folder; appended, never truncated. */
export function createFileLogger(file: string, level = 'info'): Logger {
  // Synchronous: a line logged just before a crash is on disk, and nothing is left pending at exit.
  return createLogger(pino.destination({ dest: file, mkdir: true, sync: true }), level);
}
