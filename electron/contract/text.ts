/**
 * Text normalisation shared by the renderer and the main side (DOMAIN "Text").
 *
 * - Store NFC: keyboards, QR readers and pasted text may arrive as NFD (or mixed).
 * - Match on a folded form: no tone or vowel marks, đ/Đ → d (it has no Unicode decomposition, so
 *   NFD alone leaves it, and SQLite FTS5's `remove_diacritics 2` does not fold it either), lower
 *   case, anything that is not a letter or a digit becomes a space. "Hòa" and "Hoà" (old and new
 *   tone placement) fold to the same "hoa". Folding is for matching only: display text as written.
 *
 * Pure TypeScript, no imports: the renderer uses it too.
 */

/** Canonical composed form, for storage and display. */
export function toNfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * Letters that look like a stroked D and have no decomposition: đ Đ (Vietnamese), and ð Ð (U+00F0,
 * U+00D0), which legacy-encoding converters (TCVN3/VNI → Unicode) sometimes emit for Đ.
 */
const STROKED_D = /[\u0110\u0111\u00D0\u00F0]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/**
 * The matching form: NFC → NFD → strip combining marks → đ/Đ → d → lower case → every run of
 * non-letters/digits to one space → trimmed. "Đăng ký" → "dang ky", "Nguyễn" → "nguyen".
 */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFC')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(STROKED_D, 'd')
    .toLowerCase()
    // Lower-casing can itself produce a mark ("İ" → "i" + U+0307): strip once more.
    .replace(COMBINING_MARKS, '')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/** The folded words of a text, in order ("Đăng ký khai sinh" → ["dang", "ky", "khai", "sinh"]). */
export function tokenize(s: string): string[] {
  const folded = foldForSearch(s);
  return folded === '' ? [] : folded.split(' ');
}
