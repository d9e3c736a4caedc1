/**
 * Telex and VNI composition for the kiosk's on-screen keyboard: our own, pure TypeScript (no
 * maintained package does it; see docs/decisions/0006-kiosk-vietnamese-input.md).
 *
 * The engine is stateless on purpose: a key is applied to the word before the caret as it is
 * written, so the word a resident sees is the whole state. Nothing is kept between keys that a
 * wipe would have to forget, a word typed earlier (or filled from the CCCD) can be edited the
 * same way, and "delete" is defined on the composed word (see `deleteLast`).
 *
 * A word is parsed into its letters without the tone (ă â ê ô ơ ư đ kept as letters, each with
 * its case) and one tone; the tone is placed again after every key by the modern rule
 * (`toneIndex`): "hoà", "khoẻ", "thuỷ". Text written the older way ("hòa") is accepted as input:
 * parsing ignores where the mark sat, so editing such a word rewrites it the modern way.
 * Output is NFC.
 */

export type InputMethod = 'telex' | 'vni';

/** 0 none, then sắc, huyền, hỏi, ngã, nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

interface Letter {
  /** Lower-case letter without tone: a-z, ă â ê ô ơ ư đ. */
  base: string;
  upper: boolean;
}

interface Word {
  letters: Letter[];
  tone: Tone;
}

const toneMarks = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;
const toneOfMark = new Map<string, Tone>([
  ['\u0301', 1],
  ['\u0300', 2],
  ['\u0309', 3],
  ['\u0303', 4],
  ['\u0323', 5],
]);

const vowels = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
const marked = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);

const telexTones = new Map<string, Tone>([
  ['s', 1],
  ['f', 2],
  ['r', 3],
  ['x', 4],
  ['j', 5],
]);
const toneKeyTelex = ['z', 's', 'f', 'r', 'x', 'j'] as const;

/** Letters a word may hold: Latin letters and every Vietnamese letter with its marks. */
export function isWordChar(ch: string): boolean {
  return /^\p{L}$/u.test(ch) && /^[a-zđ]$/.test(ch.normalize('NFD').charAt(0).toLowerCase());
}

/** The word just before `caret`: the run of letters ending there. */
export function wordBefore(text: string, caret: number): { start: number; word: string } {
  let start = caret;
  while (start > 0 && isWordChar(text.charAt(start - 1))) start -= 1;
  return { start, word: text.slice(start, caret) };
}

function parse(word: string): Word {
  let tone: Tone = 0;
  const letters: Letter[] = [];
  for (const ch of word.normalize('NFC')) {
    let rest = '';
    for (const part of ch.normalize('NFD')) {
      const t = toneOfMark.get(part);
      if (t !== undefined) tone = t;
      else rest += part;
    }
    const base = rest.normalize('NFC');
    const lower = base.toLowerCase();
    letters.push({ base: lower, upper: lower !== base });
  }
  return { letters, tone };
}

/** Indices of the vowel nucleus; "qu" and "gi" (before a vowel) count as consonants. */
function nucleus(letters: Letter[]): number[] {
  const b = letters.map((l) => l.base);
  let i = 0;
  while (i < b.length && !vowels.has(b[i]!)) i += 1;
  if (i < b.length && i > 0) {
    const prev = b[i - 1];
    const next = b[i + 1];
    if (prev === 'q' && b[i] === 'u' && next !== undefined && vowels.has(next)) i += 1;
    else if (prev === 'g' && b[i] === 'i' && next !== undefined && vowels.has(next)) i += 1;
  }
  const result: number[] = [];
  while (i < b.length && vowels.has(b[i]!)) result.push(i++);
  return result;
}

/**
 * Where the tone goes (modern placement): on the marked vowel (ơ in ươ); a lone vowel carries
 * it; with a final consonant the last vowel; three vowels, the middle one; two vowels open, the
 * first — except oa, oe, uy, which take it on the second (hoà, khoẻ, thuỷ).
 */
function toneIndex(letters: Letter[]): number | null {
  const n = nucleus(letters);
  if (n.length === 0) return null;
  const b = (i: number) => letters[i]!.base;
  const withMark = n.filter((i) => marked.has(b(i)));
  if (withMark.length > 0) {
    const notHorn = withMark.filter((i) => b(i) !== 'ư');
    return (notHorn.length > 0 ? notHorn : withMark).at(-1)!;
  }
  if (n.length === 1) return n[0]!;
  const last = n.at(-1)!;
  if (last < letters.length - 1) return last;
  if (n.length >= 3) return n[1]!;
  const pair = `${b(n[0]!)}${b(n[1]!)}`;
  return pair === 'oa' || pair === 'oe' || pair === 'uy' ? n[1]! : n[0]!;
}

/** "uơ" exists only at the end of a word (thuở); followed by a letter it is "ươ" (thương, người). */
function hornPair(letters: Letter[]): Letter[] {
  const out = letters.slice();
  for (let i = 0; i + 2 < out.length; i++) {
    if (out[i]!.base === 'u' && out[i + 1]!.base === 'ơ' && !(i > 0 && out[i - 1]!.base === 'q')) out[i] = letter('ư', out[i]!.upper);
  }
  return out;
}

function render(word: Word): string {
  word = { letters: hornPair(word.letters), tone: word.tone };
  const at = word.tone === 0 ? null : toneIndex(word.letters);
  let out = '';
  word.letters.forEach((l, i) => {
    const ch = l.upper ? l.base.toUpperCase() : l.base;
    out += i === at ? `${ch}${toneMarks[word.tone]}` : ch;
  });
  return out.normalize('NFC');
}

/** Rewrites a word with its tone where the modern rule puts it ("hòa" → "hoà"). */
export function modernTone(word: string): string {
  return render(parse(word));
}

function letter(base: string, upper: boolean): Letter {
  return { base, upper };
}

function literal(key: string): Letter {
  const lower = key.toLowerCase();
  return { base: lower, upper: lower !== key };
}

type Edit = Word | null;

/** Turns one letter of the nucleus into another (circumflex, breve, horn), or undoes it. */
function markVowel(word: Word, plain: string, markedTo: string, key: string): Edit {
  const n = nucleus(word.letters);
  for (const i of [...n].reverse()) {
    const l = word.letters[i]!;
    if (l.base === markedTo) {
      // The same key twice: the mark is undone and the key typed as itself ("aaa" → "aa").
      const letters = word.letters.slice();
      letters[i] = letter(plain, l.upper);
      return { letters: [...letters, literal(key)], tone: word.tone };
    }
  }
  for (const i of [...n].reverse()) {
    const l = word.letters[i]!;
    if (l.base === plain || (plain === 'a' && (l.base === 'ă' || l.base === 'â'))) {
      const letters = word.letters.slice();
      letters[i] = letter(markedTo, l.upper);
      return { letters, tone: word.tone };
    }
  }
  return null;
}

/** The horn (Telex w, VNI 7): uo → ươ, else u → ư, else o → ơ; Telex also makes ă from a. */
function horn(word: Word, key: string, breveToo: boolean): Edit {
  const letters = word.letters.slice();
  const n = nucleus(letters);
  const b = (i: number) => letters[i]!.base;
  const undoFrom = n.filter((i) => b(i) === 'ư' || b(i) === 'ơ' || (breveToo && b(i) === 'ă'));
  const pairAt = n.findIndex((i, k) => k + 1 < n.length && /^[uư]$/.test(b(i)) && /^[oơ]$/.test(b(n[k + 1]!)));
  if (pairAt >= 0 && b(n[pairAt + 1]!) === 'o') {
    // uo at the end of the word takes the horn on o only (thuở, huơ); a letter after it makes
    // ươ (see `hornPair`).
    const o = n[pairAt + 1]!;
    letters[o] = letter('ơ', letters[o]!.upper);
    return { letters: hornPair(letters), tone: word.tone };
  }
  if (undoFrom.length > 0) {
    for (const i of undoFrom) letters[i] = letter(b(i) === 'ư' ? 'u' : b(i) === 'ơ' ? 'o' : 'a', letters[i]!.upper);
    return { letters: [...letters, literal(key)], tone: word.tone };
  }
  const u = n.find((i) => b(i) === 'u');
  if (u !== undefined) {
    letters[u] = letter('ư', letters[u]!.upper);
    return { letters, tone: word.tone };
  }
  // "oa" takes a breve (hoặc), never "ơa".
  const o = n.find((i, k) => b(i) === 'o' && !(breveToo && n[k + 1] !== undefined && b(n[k + 1]!) === 'a'));
  if (o !== undefined) {
    letters[o] = letter('ơ', letters[o]!.upper);
    return { letters, tone: word.tone };
  }
  if (breveToo) {
    const a = n.find((i) => b(i) === 'a');
    if (a !== undefined) {
      letters[a] = letter('ă', letters[a]!.upper);
      return { letters, tone: word.tone };
    }
  }
  return null;
}

/** d → đ (Telex dd, VNI d9) on the word's first letter; the same key again undoes it. */
function dStroke(word: Word, key: string): Edit {
  const first = word.letters[0];
  if (!first) return null;
  const letters = word.letters.slice();
  if (first.base === 'đ') {
    letters[0] = letter('d', first.upper);
    return { letters: [...letters, literal(key)], tone: word.tone };
  }
  if (first.base !== 'd') return null;
  letters[0] = letter('đ', first.upper);
  return { letters, tone: word.tone };
}

function setTone(word: Word, tone: Tone, key: string): Edit {
  if (nucleus(word.letters).length === 0) return null;
  if (tone === 0) return word.tone === 0 ? null : { letters: word.letters, tone: 0 };
  // The same tone twice: it is removed and the key typed as itself ("ass" → "as").
  if (word.tone === tone) return { letters: [...word.letters, literal(key)], tone: 0 };
  return { letters: word.letters, tone };
}

function telexEdit(word: Word, key: string): Edit {
  const k = key.toLowerCase();
  const tone = telexTones.get(k);
  if (tone !== undefined) return setTone(word, tone, key);
  if (k === 'z') return setTone(word, 0, key);
  if (k === 'd') return dStroke(word, key);
  if (k === 'a') return markVowel(word, 'a', 'â', key);
  if (k === 'e') return markVowel(word, 'e', 'ê', key);
  if (k === 'o') return markVowel(word, 'o', 'ô', key);
  if (k === 'w') {
    const edited = horn(word, key, true);
    if (edited) return edited;
    // A w with no vowel to take it is ư itself ("nhw" → "như"), as Telex users learned it.
    if (nucleus(word.letters).length === 0) return { letters: [...word.letters, letter('ư', key !== k)], tone: word.tone };
    return null;
  }
  return null;
}

function vniEdit(word: Word, key: string): Edit {
  switch (key) {
    case '0':
      return setTone(word, 0, key);
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
      return setTone(word, Number(key) as Tone, key);
    case '6': {
      const n = nucleus(word.letters);
      const target = [...n].reverse().find((i) => /^[aeoâêôăơ]$/.test(word.letters[i]!.base));
      if (target === undefined) return null;
      const base = word.letters[target]!.base;
      const plain = base === 'â' || base === 'ă' ? 'a' : base === 'ê' ? 'e' : base === 'ô' || base === 'ơ' ? 'o' : base;
      return markVowel(word, plain, plain === 'a' ? 'â' : plain === 'e' ? 'ê' : 'ô', key);
    }
    case '7':
      return horn(word, key, false);
    case '8':
      return markVowel(word, 'a', 'ă', key);
    case '9':
      return dStroke(word, key);
    default:
      return null;
  }
}

/** The word after one key: a composition when the key makes one, else the key appended. */
export function applyKey(word: string, key: string, method: InputMethod): string {
  if (key.length !== 1) throw new Error(`one character expected, got ${JSON.stringify(key)}`);
  const parsed = parse(word);
  const edited = method === 'telex' ? telexEdit(parsed, key) : vniEdit(parsed, key);
  if (edited) return render(edited);
  return render({ letters: [...parsed.letters, literal(key)], tone: parsed.tone });
}

/**
 * A direct tone key (the keyboard's ´ ` ̉ ~ . buttons): the word with that tone, or with no tone
 * when it already had it. A word with no vowel is left as it is: the mark has nowhere to go.
 */
export function withTone(word: string, tone: Tone): string {
  const parsed = parse(word);
  if (nucleus(parsed.letters).length === 0) return word;
  return render({ letters: parsed.letters, tone: parsed.tone === tone ? 0 : tone });
}

/** Composes a sequence of keys from an empty word (the keys of one word, no spaces). */
export function compose(keys: string, method: InputMethod): string {
  let word = '';
  for (const key of keys) word = applyKey(word, key, method);
  return word;
}

/** The plain letter a marked one is typed from, and the key(s) that add its mark. */
const markKeys: Record<string, { plain: string; telex: string; vni: string }> = {
  ă: { plain: 'a', telex: 'w', vni: '8' },
  â: { plain: 'a', telex: 'a', vni: '6' },
  ê: { plain: 'e', telex: 'e', vni: '6' },
  ô: { plain: 'o', telex: 'o', vni: '6' },
  ơ: { plain: 'o', telex: 'w', vni: '7' },
  ư: { plain: 'u', telex: 'w', vni: '7' },
  đ: { plain: 'd', telex: 'd', vni: '9' },
};

/**
 * The keys a resident would type for a word: each letter, its mark right after it, the tone
 * last ("Nguyễn" → "Nguyeenx" / "Nguye6n4"). `compose(keysFor(w))` gives back `w` (modern
 * placement) for every Vietnamese word.
 */
export function keysFor(word: string, method: InputMethod): string {
  const parsed = parse(word);
  let keys = '';
  for (const l of parsed.letters) {
    const mark = markKeys[l.base];
    const plain = mark ? mark.plain : l.base;
    keys += l.upper ? plain.toUpperCase() : plain;
    if (mark) keys += method === 'telex' ? mark.telex : mark.vni;
  }
  if (parsed.tone !== 0) keys += method === 'telex' ? toneKeyTelex[parsed.tone] : String(parsed.tone);
  return keys;
}

/**
 * Delete, defined on the composed word: the word the keys of `word` minus the last one compose
 * to. The tone goes first, then each mark and letter in the reverse of typing: "nguyễn" →
 * "nguyên" → "nguyê" (the n) → "nguye" → … → "". Deleting as many times as the word has keys
 * always returns to the empty word, whatever was typed to get there.
 */
export function deleteLast(word: string, method: InputMethod): string {
  const keys = keysFor(word, method);
  const shorter = compose(keys.slice(0, -1), method);
  // A word no key sequence of ours writes (typed elsewhere, e.g. "xoong") loses its last letter
  // instead, so deleting always ends.
  if (keysFor(shorter, method).length < keys.length) return shorter;
  return [...word.normalize('NFC')].slice(0, -1).join('');
}

/** A whole text with each word's tone placed the modern way, NFC. */
export function modernText(text: string): string {
  return text.normalize('NFC').replace(/\p{L}+/gu, (w) => (w.split('').every(isWordChar) ? modernTone(w) : w));
}
