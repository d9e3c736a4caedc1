export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** `2024-03-05` (or a partly typed `2024--5`) → its three parts. */
export function dateParts(value: unknown): DateParts {
  if (typeof value !== 'string') return { day: '', month: '', year: '' };
  const match = /^([^-]*)-([^-]*)-([^-]*)$/.exec(value);
  if (!match) return { day: '', month: '', year: '' };
  return { year: match[1] ?? '', month: match[2] ?? '', day: match[3] ?? '' };
}

/**
 * Three fields → the stored answer: ISO `YYYY-MM-DD` when they make one, otherwise what was typed
 * joined the same way (the check names it; a reload shows it again); nothing when all are empty.
 */
export function dateAnswer(parts: DateParts): string | undefined {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return undefined;
  if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)) return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return `${year.replaceAll('-', '')}-${month.replaceAll('-', '')}-${day.replaceAll('-', '')}`;
}

/** `2024-03-05` → `05/03/2024` (DESIGN §5: dd/mm/yyyy on screen). */
export function displayDate(value: unknown): string {
  const { day, month, year } = dateParts(value);
  if (day === '' && month === '' && year === '') return '';
  return `${day}/${month}/${year}`;
}
