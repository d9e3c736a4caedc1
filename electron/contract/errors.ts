import { z } from 'zod';

/**
 * Stable error codes that cross the renderer ↔ main boundary and leave the CLI.
 * UPPER_SNAKE, never renamed once shipped: operators script against them.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'UNKNOWN_METHOD',
  'UNTRUSTED_SENDER',
  'NOT_FOUND',
  'KIOSK_CODE_INCORRECT',
  'KIOSK_CODE_NOT_SET',
  'KIOSK_CODE_LOCKED',
  'DB_FROM_FUTURE',
  'DB_CORRUPT',
  'KEYS_UNAVAILABLE',
  'AUDIT_CHAIN_BROKEN',
  'ACCOUNT_PIN_INCORRECT',
  'ACCOUNT_LOCKED',
  'ACCOUNT_SUPERVISOR_REQUIRED',
  'ACCOUNT_SIGN_IN_REQUIRED',
  'ACCOUNT_USERNAME_TAKEN',
  'HELP_CALL_FAILED',
  'HELP_CALL_NOT_CONFIGURED',
  // Scanners (native/scanner, services/scanning).
  'SCANNER_JAMMED',
  'SCANNER_COVER_OPEN',
  'SCANNER_NO_DOCUMENTS',
  'SCANNER_BUSY',
  'SCANNER_NOT_FOUND',
  'SCANNER_IO_ERROR',
  'SCANNER_CANCELLED',
  'SCANNER_UNSUPPORTED',
  // Signing with USB tokens (native/token, services/signing).
  'TOKEN_MODULE_LOAD_FAILED',
  'TOKEN_NOT_FOUND',
  'TOKEN_CERT_NOT_FOUND',
  'TOKEN_PIN_INCORRECT',
  'TOKEN_PIN_FINAL_TRY',
  'TOKEN_PIN_LOCKED',
  'TOKEN_PIN_INVALID',
  'TOKEN_REMOVED',
  'TOKEN_TIMEOUT',
  'TOKEN_FAILED',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_KEY_USAGE',
  'PDF_INVALID',
  'TSA_FAILED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const fieldErrorSchema = z.object({
  path: z.string(),
  message_vi: z.string(),
  message_en: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const contractErrorSchema = z.object({
  code: z.string(),
  message_vi: z.string(),
  message_en: z.string(),
  details: z.record(z.string(), z.unknown()).default({}),
});
export type ContractErrorValue = z.infer<typeof contractErrorSchema>;

/**
 * The one error type of the product. Services throw it, the router turns it into a value,
 * the client turns the value back into it. It never carries a stack across the boundary.
 */
export class ContractError extends Error {
  readonly code: ErrorCode | (string & {});
  readonly message_vi: string;
  readonly message_en: string;
  readonly details: Record<string, unknown>;

  constructor(value: { code: ErrorCode | (string & {}); message_vi: string; message_en: string; details?: Record<string, unknown> }) {
    super(value.message_en);
    this.name = 'ContractError';
    this.code = value.code;
    this.message_vi = value.message_vi;
    this.message_en = value.message_en;
    this.details = value.details ?? {};
  }

  toValue(): ContractErrorValue {
    return { code: this.code, message_vi: this.message_vi, message_en: this.message_en, details: this.details };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractErrorValue };
