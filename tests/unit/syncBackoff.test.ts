import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBackoff, retryDelayMs } from '../../electron/services/sync/backoff';

describe('full-jitter backoff', () => {
  it('stays within [0, min(5 min, 2 s·2^(n-1))) for every failure count, and never stops', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, r) => {
        const delay = retryDelayMs(n, defaultBackoff, () => r);
        const ceiling = Math.min(5 * 60_000, 2_000 * 2 ** (n - 1));
        return Number.isFinite(delay) && delay >= 0 && delay < ceiling;
      }),
    );
  });

  it('is capped at 5 minutes and uses the whole range (full jitter, not equal jitter)', () => {
    expect(defaultBackoff.capMs).toBe(300_000);
    expect(retryDelayMs(50, defaultBackoff, () => 0.999999)).toBe(299_999);
    expect(retryDelayMs(50, defaultBackoff, () => 0)).toBe(0);
    expect(retryDelayMs(1, defaultBackoff, () => 0.5)).toBe(1_000);
    expect(retryDelayMs(3, defaultBackoff, () => 0.5)).toBe(4_000);
  });
});
