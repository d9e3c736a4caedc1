import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L, 5/S, 2/Z: a resident copies the code by hand from the screen.
const alphabet = '346789ABCDEFGHJKMNPQRTUVWXY';

/** An 8-character code a kiosk resident writes down to come back to a draft (≈ 2^38 codes). */
export function newRetrievalCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** Accepts what people type: lower case, spaces, dashes. */
export function normalizeRetrievalCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
