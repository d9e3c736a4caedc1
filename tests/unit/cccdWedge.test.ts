import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WedgeDetector, type WedgeDecision } from '../../renderer/src/cccd/wedgeDetector';

const qr = '001090012345|012345678|NGUYEN VAN AN|15031990|Nam|HA NOI|100';

/** Types `text` then Enter at `msPerKey`, as a reader or a person would; returns every decision. */
function typeAt(detector: WedgeDetector, text: string, msPerKey: number, start = 0): WedgeDecision[] {
  const out: WedgeDecision[] = [];
  let t = start;
  for (const ch of text) {
    out.push(...detector.key(ch, t));
    t += msPerKey;
  }
  out.push(...detector.key('Enter', t));
  return out;
}

describe('keyboard-wedge detection', () => {
  it('takes a 60-character burst at 5 ms per key as a scan', () => {
    expect(qr).toHaveLength(60);
    const decisions = typeAt(new WedgeDetector(), qr, 5);
    const scans = decisions.filter((d) => d.kind === 'scan');
    expect(scans).toEqual([{ kind: 'scan', text: qr, leaked: 3 }]);
    // Only the first three keys reached the field; the rest were held back.
    expect(decisions.filter((d) => d.kind === 'pass')).toHaveLength(3);
    expect(decisions.filter((d) => d.kind === 'hold')).toHaveLength(57);
  });

  it('does not take typing at 80 ms per key as a scan, and never holds a key', () => {
    const decisions = typeAt(new WedgeDetector(), qr, 80);
    expect(decisions.every((d) => d.kind === 'pass')).toBe(true);
    expect(decisions).toHaveLength(61);
  });

  it('still takes a 5 ms burst with the odd 45 ms hiccup (a busy machine) as a scan', () => {
    const detector = new WedgeDetector();
    const decisions = [...qr].flatMap((ch, i) => detector.key(ch, i * 5 + (i > 10 ? 40 : 0) + (i > 30 ? 40 : 0)));
    decisions.push(...detector.key('Enter', 60 * 5 + 90));
    expect(decisions.filter((d) => d.kind === 'scan')).toEqual([{ kind: 'scan', text: qr, leaked: 3 }]);
  });

  it('survives a 150 ms stall in the middle of a burst (a busy machine)', () => {
    const detector = new WedgeDetector();
    const decisions = [...qr].flatMap((ch, i) => detector.key(ch, i * 5 + (i >= 45 ? 150 : 0)));
    decisions.push(...detector.key('Enter', 60 * 5 + 150));
    expect(decisions.filter((d) => d.kind === 'scan')).toEqual([{ kind: 'scan', text: qr, leaked: 3 }]);
  });

  it('gives the keys back at once when a fast roll of keys turns into typing', () => {
    const detector = new WedgeDetector();
    const times = [0, 15, 30, 45, 100, 150, 200];
    const decisions = times.flatMap((t, i) => detector.key('abcdefg'[i]!, t));
    // 'g' brings the average over 30 ms: it and the held 'def' go to the field together, in order.
    expect(decisions.map((d) => d.kind)).toEqual(['pass', 'pass', 'pass', 'hold', 'hold', 'hold', 'hold', 'release']);
    expect(decisions.at(-1)).toEqual({ kind: 'release', text: 'defg' });
    expect(detector.holding).toBe(false);
  });

  it('does not take a fast typist (50 ms per key, a few rollovers at 15 ms) as a scan', () => {
    const detector = new WedgeDetector();
    let t = 0;
    const decisions = [...qr].flatMap((ch, i) => {
      t += i % 7 === 0 ? 15 : 50;
      return detector.key(ch, t);
    });
    decisions.push(...detector.key('Enter', t + 50));
    expect(decisions.some((d) => d.kind === 'scan' || d.kind === 'hold')).toBe(false);
  });

  it('typing followed at once by a scan: the typing stays in the field, the scan is only the burst', () => {
    const detector = new WedgeDetector();
    const typed = [...'Tran Ngoc'].flatMap((ch, i) => detector.key(ch, i * 80));
    expect(typed.every((d) => d.kind === 'pass')).toBe(true);
    const start = 8 * 80 + 80;
    const decisions = [...qr].flatMap((ch, i) => detector.key(ch, start + i * 5));
    decisions.push(...detector.key('Enter', start + 60 * 5));
    expect(decisions.filter((d) => d.kind === 'scan')).toEqual([{ kind: 'scan', text: qr, leaked: 3 }]);
  });

  it('gives back held keys when a fast run stops short of a scan', () => {
    const detector = new WedgeDetector();
    const decisions = ['a', 'b', 'c', 'd', 'e'].flatMap((ch, i) => detector.key(ch, i * 5));
    expect(decisions.map((d) => d.kind)).toEqual(['pass', 'pass', 'pass', 'hold', 'hold']);
    expect(detector.idle(100)).toBeNull();
    expect(detector.idle(300)).toEqual({ kind: 'release', text: 'de' });
    // And a later key starts a new run at once.
    expect(detector.key('x', 400)).toEqual([{ kind: 'pass' }]);
  });

  it('does not take a short fast run ending in Enter as a scan', () => {
    const decisions = typeAt(new WedgeDetector(), '0123456789', 5);
    expect(decisions.some((d) => d.kind === 'scan')).toBe(false);
    expect(decisions.filter((d) => d.kind === 'release')).toEqual([{ kind: 'release', text: '3456789' }]);
  });

  it('ignores a held key repeating', () => {
    const detector = new WedgeDetector();
    const decisions = Array.from({ length: 30 }, (_, i) => detector.key('a', i * 20, i > 0)).flat();
    decisions.push(...detector.key('Enter', 600));
    expect(decisions.some((d) => d.kind === 'scan' || d.kind === 'hold')).toBe(false);
  });

  it('every character typed comes out exactly once, in order, at any speed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', '1', '|', 'Enter'), fc.integer({ min: 1, max: 120 })), { maxLength: 80 }), (keys) => {
        const detector = new WedgeDetector();
        let t = 0;
        let field = '';
        let held = '';
        const take = (d: WedgeDecision, key: string) => {
          if (d.kind === 'pass' && key !== 'Enter') field += key;
          if (d.kind === 'hold') held += key;
          if (d.kind === 'release') {
            expect(held.endsWith(d.text)).toBe(true);
            field += d.text;
            held = held.slice(0, held.length - d.text.length);
          }
          if (d.kind === 'scan') {
            field = field.slice(0, field.length - d.leaked);
            held = '';
          }
        };
        const typedOutsideScans: string[] = [];
        for (const [key, gap] of keys) {
          t += gap;
          const decisions = detector.key(key, t);
          for (const d of decisions) take(d, key);
          if (key !== 'Enter') typedOutsideScans.push(key);
          if (decisions.some((d) => d.kind === 'scan')) typedOutsideScans.length = field.length;
        }
        const last = detector.idle(t + 1000);
        if (last) take(last, '');
        expect(held).toBe('');
        expect(field).toBe(typedOutsideScans.join('').slice(0, field.length));
      }),
      { numRuns: 500 },
    );
  });
});
