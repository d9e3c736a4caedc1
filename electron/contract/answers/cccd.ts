/**
 * Số định danh cá nhân / CCCD number structure (Circular 07/2016/TT-BCA, docs DOMAIN "Codes and
 * formats"): 3-digit place of birth registration (the 63 pre-2025 provinces, NOT the 34 of the
 * 2025 units), 1 digit for gender and century (even male, odd female; century = 19 + ⌊d/2⌋),
 * 2 digits of the birth year, 6 random digits. No check digit is published.
 */

/**
 * The 63 pre-2025 province codes used as the CCCD place code. Checked against a third-party ID
 * validator's table (public code search, CCCD province map) — the circular itself was not opened.
 */
export const cccdPlaceCodes: ReadonlySet<string> = new Set([
  '001', '002', '004', '006', '008', '010', '011', '012', '014', '015', '017', '019', '020', '022', '024', '025',
  '026', '027', '030', '031', '033', '034', '035', '036', '037', '038', '040', '042', '044', '045', '046', '048',
  '049', '051', '052', '054', '056', '058', '060', '062', '064', '066', '067', '068', '070', '072', '074', '075',
  '077', '079', '080', '082', '083', '084', '086', '087', '089', '091', '092', '093', '094', '095', '096',
]);

export type CccdProblem =
  | { kind: 'not-digits' }
  | { kind: 'length'; length: number }
  | { kind: 'place'; placeCode: string }
  | { kind: 'future-year'; year: number };

/** What is wrong with a (normalised, spaces removed) CCCD number, or null when it is well formed. */
export function cccdProblem(value: string, today: string): CccdProblem | null {
  if (!/^\d+$/.test(value)) return { kind: 'not-digits' };
  if (value.length !== 12) return { kind: 'length', length: value.length };
  const placeCode = value.slice(0, 3);
  if (!cccdPlaceCodes.has(placeCode)) return { kind: 'place', placeCode };
  const centuryDigit = Number(value[3]);
  const year = (19 + Math.floor(centuryDigit / 2)) * 100 + Number(value.slice(4, 6));
  const thisYear = Number(today.slice(0, 4));
  if (Number.isFinite(thisYear) && year > thisYear) return { kind: 'future-year', year };
  return null;
}
