/**
 * Tells a keyboard-wedge reader from a person. A reader "types" a whole code in a burst (a few ms
 * per key) and ends it with Enter; a person, even a fast one, averages well over 50 ms per key,
 * and a held key repeats (flagged `repeat`, ignored here). So: at least `minLength` keys averaging
 * at most `maxGapMs` apart, then Enter → a scan.
 *
 * Keys reach the page with jitter (a busy machine delivers a 5 ms burst with the odd 40 ms gap;
 * measured in Chromium under load), so a run only breaks at a gap over `breakGapMs`; the average
 * decides. The first keys of a run reach the focused field (we cannot know yet that it is a
 * burst); once `leakAllowance` keys have come at a reader's pace the rest are held back. On a scan
 * the caller removes the leaked keys again; a run that stops short of a scan gives the held keys
 * back to the field (`release`). Pure and clock-free (times passed in): tests replay timings.
 */
export interface WedgeOptions {
  maxGapMs?: number;
  breakGapMs?: number;
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
  private readonly breakGapMs: number;
  private readonly minLength: number;
  private readonly leakAllowance: number;
  private chars: string[] = [];
  private leaked = 0;
  private first = 0;
  private last = Number.NEGATIVE_INFINITY;

  constructor(options: WedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 30;
    this.breakGapMs = options.breakGapMs ?? 2 * this.maxGapMs;
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

  /** How long to wait after a key before calling `idle`. */
  get idleAfterMs(): number {
    return this.breakGapMs + 10;
  }

  private readerPace(): boolean {
    return this.chars.length > 1 && (this.last - this.first) / (this.chars.length - 1) <= this.maxGapMs;
  }

  /** A printable character (`key.length === 1`) or 'Enter', at `time` ms. */
  key(key: string, time: number, repeat = false): WedgeDecision[] {
    const out: WedgeDecision[] = [];
    const inRun = this.chars.length > 0 && time - this.last <= this.breakGapMs;
    if (!inRun && this.chars.length > 0) {
      const released = this.idle(time);
      if (released) out.push(released);
    }
    if (key === 'Enter') {
      if (inRun && !repeat && this.chars.length >= this.minLength && this.readerPace()) {
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
    // Once holding, the whole rest of the run is held (keys stay in order).
    const wasHolding = this.holding;
    if (this.chars.length === 0) this.first = time;
    this.chars.push(key);
    this.last = time;
    if (wasHolding || (this.chars.length > this.leakAllowance && this.readerPace())) {
      out.push({ kind: 'hold' });
    } else {
      this.leaked++;
      out.push({ kind: 'pass' });
    }
    return out;
  }

  /** Time passes with no key: a run that has stopped ends here, giving back what it held. */
  idle(time: number): WedgeDecision | null {
    if (this.chars.length === 0 || time - this.last <= this.breakGapMs) return null;
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
