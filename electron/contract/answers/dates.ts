/** Calendar dates as `YYYY-MM-DD` strings (storage) and `dd/mm/yyyy` (what people read). */

export const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** The parts of a `YYYY-MM-DD` string, whether or not the date exists; null if not that shape. */
export function dateParts(value: string): DateParts | null {
  const m = isoDatePattern.exec(value);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A `YYYY-MM-DD` that names a real day (no 30/02, no month 13). */
export function isRealDate(value: string): boolean {
  const p = dateParts(value);
  return p !== null && p.month >= 1 && p.month <= 12 && p.day >= 1 && p.day <= daysInMonth(p.year, p.month);
}

/** `2026-02-30` → `30/02/2026`; anything else is returned as given. */
export function formatDateVi(value: string): string {
  const m = isoDatePattern.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** Whole days from `from` to `to` (both real `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = dateParts(from);
  const b = dateParts(to);
  if (!a || !b) return Number.NaN;
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** Today in Vietnam (Asia/Ho_Chi_Minh is UTC+7 all year, no daylight saving). */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
