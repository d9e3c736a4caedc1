/** Delay before the next try after `failures` consecutive temporary failures. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/**
 * "Full jitter" (AWS Architecture Blog, 2015): uniform in [0, min(cap, base·2^n)]. Spreads the retries
 * of many kiosks coming back at once, and never stops trying: the cap bounds the wait, not the count.
 */
export function retryDelayMs(failures: number, policy: BackoffPolicy = defaultBackoff, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.floor(random() * ceiling);
}
