/**
 * Typo tolerance for procedure search: "one typo per word".
 *
 * Hand-written on purpose. All we need is a yes/no test "are these two short folded words within
 * Damerau–Levenshtein distance 1" (one substitution, insertion, deletion or swap of two adjacent
 * letters), run against a vocabulary of a few thousand words. That is ~20 lines; the maintained
 * fuzzy-matching packages compute full edit distances or n-gram scores (more than we need, and
 * not this metric), and the small DL packages on the registry are unmaintained.
 */

/** True when `a` and `b` are equal or one edit apart (substitution, insertion, deletion, adjacent swap). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution at i
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // deletion / insertion
}

const QWERTY = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const KEY_AT = new Map<string, [number, number]>();
QWERTY.forEach((row, r) => [...row].forEach((ch, c) => KEY_AT.set(ch, [r, c])));
/** Letters Vietnamese speakers confuse by ear (regional l/n, s/x, i/y, d/r/v): as likely as a neighbouring key. */
const SOUNDS_ALIKE = new Set(['ln', 'nl', 'sx', 'xs', 'iy', 'yi', 'dr', 'rd', 'dv', 'vd', 'rv', 'vr']);

function neighbouringKeys(a: string, b: string): boolean {
  const p = KEY_AT.get(a);
  const q = KEY_AT.get(b);
  if (!p || !q) return false;
  // Rows of a QWERTY keyboard are offset by about half a key: (r, c) touches (r±1, c-1..c+1).
  return Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1 && !(p[0] === q[0] && p[1] === q[1]);
}

/**
 * Whether a one-edit repair is a likely slip: anything but a substitution of a letter by one that is
 * neither next to it on the keyboard nor alike in sound. Used to prefer "hom" → "hon" (m beside n)
 * over "hom" → "hop" when both are known words.
 */
export function likelySlip(typed: string, known: string): boolean {
  if (typed.length !== known.length) return true;
  const diff: number[] = [];
  for (let i = 0; i < typed.length; i++) if (typed[i] !== known[i]) diff.push(i);
  if (diff.length !== 1) return true; // a swap (or equal)
  const a = typed[diff[0]!]!;
  const b = known[diff[0]!]!;
  return neighbouringKeys(a, b) || SOUNDS_ALIKE.has(a + b);
}

/**
 * Residue of a Vietnamese input method typed without the input method running:
 * VNI ("d9a8ng" → "dang": digits carry the marks) and Telex ("ddawng" → "dang", "kys" → "ky",
 * "thuwowngf" → "thuong": doubled letters and w carry the marks, a final s/f/r/x/j the tone).
 * Returns the plain folded word, or the input when nothing applies. The caller uses the result only
 * when it is a known word.
 */
export function stripInputMethodResidue(word: string): string {
  if (/\d/.test(word) && /[a-z]/.test(word)) return word.replace(/\d+/g, '');
  let s = word.replace(/dd/g, 'd').replace(/a[aw]/g, 'a').replace(/ee/g, 'e').replace(/o[ow]/g, 'o').replace(/uw/g, 'u').replace(/w/g, 'u');
  if (s.length > 1 && /[sfrxj]$/.test(s) && /[aeiouy]/.test(s.slice(0, -1))) s = s.slice(0, -1);
  return s;
}

/** Vocabulary bucketed by word length, for "which known words are one edit away from this one". */
export class EditNeighbours {
  private readonly byLength = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const w of new Set(words)) {
      const bucket = this.byLength.get(w.length);
      if (bucket) bucket.push(w);
      else this.byLength.set(w.length, [w]);
    }
  }

  /** Known words within distance 1 of `word` (not `word` itself), no shorter than `minLength`. */
  near(word: string, minLength: number): string[] {
    const out: string[] = [];
    for (let len = Math.max(minLength, word.length - 1); len <= word.length + 1; len++) {
      for (const w of this.byLength.get(len) ?? []) if (w !== word && withinOneEdit(word, w)) out.push(w);
    }
    return out;
  }
}
