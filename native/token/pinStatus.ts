import type { PinStatus } from './types';

// PKCS#11 v2.40 token flags (CK_TOKEN_INFO.flags).
export const CKF_USER_PIN_COUNT_LOW = 0x0001_0000;
export const CKF_USER_PIN_FINAL_TRY = 0x0002_0000;
export const CKF_USER_PIN_LOCKED = 0x0004_0000;

export function pinStatusFromFlags(flags: number): PinStatus {
  return {
    countLow: (flags & CKF_USER_PIN_COUNT_LOW) !== 0,
    finalTry: (flags & CKF_USER_PIN_FINAL_TRY) !== 0,
    locked: (flags & CKF_USER_PIN_LOCKED) !== 0,
  };
}

/**
 * Tries left as far as the token tells: PKCS#11 has no counter, only flags. Final try → 1,
 * locked → 0; otherwise unknown (null) — the UI then says "a few" when countLow is set.
 */
export function triesRemaining(pin: PinStatus): number | null {
  if (pin.locked) return 0;
  if (pin.finalTry) return 1;
  return null;
}
