/**
 * Tells a keyboard-wedge reader from a person. A reader "types" a whole code in a burst (a few ms
 * per key) and ends it with Enter; a person, even a fast one, leaves ≥ 50 ms between keys, and a
 * held key repeats at ~30 per second (flagged `repeat`, ignored here). So: keys closer together
 * than `maxGapMs`, at least `minLength` of them, then Enter → a scan.
 *
 * The first `leakAllowance` keys of any run reach the focused field (we cannot know yet that it is
 * a burst); the later ones are held back. On a scan the caller removes the leaked ones again; when
 * a run stops without becoming a scan, the held keys are given back to the field (`release`).
 * Pure and clock-free (times are passed in), so tests replay synthetic timings.
 */
export interface WedgeOptions {
  maxGapMs?: number;
  minLength?: number;
  leakAllowance?: number;
}

export type WedgeDecision =
  /** Let the key reach the field as usual. */
  | { kind: 'pass' }
  /** Prevent the key: it is held, probably part of a scan. */
  | { kind: 'hold' }
  /** A scan ended with this Enter: `text` is the code; `leaked` keys reached the field first. */
  | { kind: 'scan'; text: string; leaked: number }
  /** A run stopped short of a scan: give these held keys back to the field, then go on. */
  | { kind: 'release'; text: string };

export class WedgeDetector {
  private readonly maxGapMs: number;
  private readonly minLength: number;
  private readonly leakAllowance: number;
  private chars: string[] = [];
  private leaked = 0;
  private last = Number.NEGATIVE_INFINITY;

  constructor(options: WedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 30;
    this.minLength = options.minLength ?? 20;
    this.leakAllowance = options.leakAllowance ?? 3;
  }

  /** Keys in the current run (1 right after the key that started it). */
  get runLength(): number {
    return this.chars.length;
  }

  /** Whether a run has keys held back (the caller then calls `idle` once the burst may be over). */
  get holding(): boolean {
    return this.chars.length > this.leaked;
  }

  /** A printable character (`key.length === 1`) or 'Enter', at `time` ms. */
  key(key: string, time: number, repeat = false): WedgeDecision[] {
    const out: WedgeDecision[] = [];
    const inRun = this.chars.length > 0 && time - this.last <= this.maxGapMs;
    if (!inRun && this.chars.length > 0) {
      const released = this.idle(time);
      if (released) out.push(released);
    }
    if (key === 'Enter') {
      if (inRun && !repeat && this.chars.length >= this.minLength) {
        out.push({ kind: 'scan', text: this.chars.join(''), leaked: this.leaked });
        this.reset();
        return out;
      }
      const released = this.idle(Number.POSITIVE_INFINITY);
      if (released) out.push(released);
      out.push({ kind: 'pass' });
      return out;
    }
    if (repeat || key.length !== 1) {
      out.push({ kind: 'pass' });
      return out;
    }
    this.chars.push(key);
    this.last = time;
    if (this.chars.length <= this.leakAllowance) {
      this.leaked++;
      out.push({ kind: 'pass' });
    } else {
      out.push({ kind: 'hold' });
    }
    return out;
  }

  /** Time passes with no key: a run that has stopped ends here, giving back what it held. */
  idle(time: number): WedgeDecision | null {
    if (this.chars.length === 0 || time - this.last <= this.maxGapMs) return null;
    const held = this.chars.slice(this.leaked).join('');
    this.reset();
    return held === '' ? null : { kind: 'release', text: held };
  }

  private reset(): void {
    this.chars = [];
    this.leaked = 0;
    this.last = Number.NEGATIVE_INFINITY;
  }
}
