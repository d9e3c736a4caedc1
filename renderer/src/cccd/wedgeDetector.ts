/**
 * Tells a keyboard-wedge reader from a person. A reader "types" a whole code in a burst (a few ms
 * per key) and ends it with Enter; a person, even a fast one, averages well over 50 ms per key,
 * and a held key repeats (flagged `repeat`, ignored here). So: at least `minLength` keys averaging
 * at most `maxGapMs` apart (the median gap), then Enter → a scan.
 *
 * The first keys of a run reach the focused field (we cannot know yet that it is a burst); once
 * `leakAllowance` keys have come at a reader's pace the rest are held back. On a scan the caller
 * removes the leaked keys again; a run that turns out not to be a scan gives the held keys back to
 * the field (`release`) at once — as soon as its pace drops below a reader's, or it stops.
 *
 * Keys reach the page with jitter: a busy machine delivers a 5 ms burst with the odd 40–150 ms
 * stall (measured in Chromium with other work on both cores; callers pass the key's own event
 * time, which a busy main thread does not stretch). So the pace is the median gap (a few stalls do
 * not move it); a run not yet held restarts at a person's gap (over `restartGapMs`, so typing
 * followed at once by a scan leaves the typing alone), and a held run survives stalls up to
 * `stallGapMs`. Pure and clock-free (times passed in), so tests replay synthetic timings.
 */
export interface WedgeOptions {
  maxGapMs?: number;
  restartGapMs?: number;
  stallGapMs?: number;
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
  private readonly restartGapMs: number;
  private readonly stallGapMs: number;
  private readonly minLength: number;
  private readonly leakAllowance: number;
  private chars: string[] = [];
  private gaps: number[] = [];
  private leaked = 0;
  private last = Number.NEGATIVE_INFINITY;

  constructor(options: WedgeOptions = {}) {
    this.maxGapMs = options.maxGapMs ?? 30;
    this.restartGapMs = options.restartGapMs ?? 2 * this.maxGapMs;
    this.stallGapMs = options.stallGapMs ?? 200;
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
    return this.stallGapMs + 10;
  }

  private readerPace(): boolean {
    if (this.gaps.length === 0) return false;
    const sorted = [...this.gaps].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]! <= this.maxGapMs;
  }

  private gapEndsRun(time: number): boolean {
    return time - this.last > (this.holding ? this.stallGapMs : this.restartGapMs);
  }

  /** A printable character (`key.length === 1`) or 'Enter', at `time` ms. */
  key(key: string, time: number, repeat = false): WedgeDecision[] {
    const out: WedgeDecision[] = [];
    if (this.chars.length > 0 && this.gapEndsRun(time)) {
      const released = this.end();
      if (released) out.push(released);
    }
    const inRun = this.chars.length > 0;
    if (key === 'Enter') {
      if (inRun && !repeat && this.chars.length >= this.minLength && this.readerPace()) {
        out.push({ kind: 'scan', text: this.chars.join(''), leaked: this.leaked });
        this.reset();
        return out;
      }
      const released = this.end();
      if (released) out.push(released);
      out.push({ kind: 'pass' });
      return out;
    }
    if (repeat || key.length !== 1) {
      out.push({ kind: 'pass' });
      return out;
    }
    // Once holding, the rest of the run is held (keys stay in order) while the pace is a reader's.
    const wasHolding = this.holding;
    if (this.chars.length > 0) this.gaps.push(time - this.last);
    this.chars.push(key);
    this.last = time;
    if (wasHolding && !this.readerPace()) {
      // A person after all (a fast roll of keys, then typing on): give everything back now.
      out.push({ kind: 'hold' }, { kind: 'release', text: this.chars.slice(this.leaked).join('') });
      this.reset();
    } else if (wasHolding || (this.chars.length > this.leakAllowance && this.readerPace())) {
      out.push({ kind: 'hold' });
    } else {
      this.leaked++;
      out.push({ kind: 'pass' });
    }
    return out;
  }

  /** Time passes with no key: a run that has stopped ends here, giving back what it held. */
  idle(time: number): WedgeDecision | null {
    if (this.chars.length === 0 || !this.gapEndsRun(time)) return null;
    return this.end();
  }

  private end(): WedgeDecision | null {
    const held = this.chars.slice(this.leaked).join('');
    this.reset();
    return held === '' ? null : { kind: 'release', text: held };
  }

  private reset(): void {
    this.chars = [];
    this.gaps = [];
    this.leaked = 0;
    this.last = Number.NEGATIVE_INFINITY;
  }
}
