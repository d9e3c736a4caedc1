/**
 * Working days and appointment dates (DOMAIN "Working days and appointment dates").
 *
 * Legal processing times count working days: Monday–Friday, minus the official days off, plus the
 * Saturdays worked in exchange (làm bù). Days off come from data (resources/calendar/, one entry
 * per year, each with its sources) because Tết and the lunar Hùng Kings' day change every year and
 * the government announces the exact days.
 *
 * Every date here is a calendar date `YYYY-MM-DD` in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no
 * daylight saving). Instants (`Date`) are turned into Vietnam dates once, at the edge.
 *
 * A year without a calendar entry: we still compute (weekends only, for that year) rather than
 * refuse — a counter must be able to hand out a receipt on 2 January even if nobody has added the
 * year yet — and flag `calendarMissing` so the UI and the receipt screen can warn the official to
 * check the date and an administrator to add the year. A year marked `verified: false` (estimated
 * days) is used as written and flagged `calendarUnverified`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

const datedEntrySchema = z
  .object({
    date: isoDate,
    /** What the day is, in Vietnamese ("Tết Nguyên đán Bính Ngọ (mùng 1)", "Làm bù cho thứ Sáu 02/01/2026"). */
    name: z.string().min(1),
    /** This one day is an estimate (the year's announcement not yet published); absent = the year's flag. */
    verified: z.boolean().optional(),
  })
  .strict();

const yearSchema = z
  .object({
    year: z.number().int().min(2000).max(2200),
    /** true: every day below was checked against the announcement named in `sources`. */
    verified: z.boolean(),
    /** Decision/announcement numbers and where they were read. */
    sources: z.array(z.string().min(1)).min(1),
    notes: z.string().optional(),
    /** Weekdays the one-stop office is closed (holidays, nghỉ bù, swapped days). */
    daysOff: z.array(datedEntrySchema),
    /** Saturdays/Sundays worked in exchange for a swapped day (làm bù): these count as working days. */
    workingDays: z.array(datedEntrySchema).default([]),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const seen = new Set<string>();
    for (const [list, items] of [['daysOff', entry.daysOff], ['workingDays', entry.workingDays]] as const) {
      items.forEach((item, index) => {
        const at = [list, index, 'date'];
        if (!isRealIsoDate(item.date)) {
          ctx.addIssue({ code: 'custom', path: at, message: `${item.date} is not a real date` });
          return;
        }
        if (Number(item.date.slice(0, 4)) !== entry.year) ctx.addIssue({ code: 'custom', path: at, message: `${item.date} is not in ${entry.year}` });
        if (seen.has(item.date)) ctx.addIssue({ code: 'custom', path: at, message: `${item.date} is listed twice` });
        seen.add(item.date);
        const weekend = isWeekend(item.date);
        // Catches the usual data-entry slip (a wrong day or month) before it moves a resident's appointment.
        if (list === 'daysOff' && weekend) ctx.addIssue({ code: 'custom', path: at, message: `${item.date} is a Saturday or Sunday: list weekdays only (a holiday on a weekend is made up on a weekday: list that one)` });
        if (list === 'workingDays' && !weekend) ctx.addIssue({ code: 'custom', path: at, message: `${item.date} is a weekday: only a Saturday or Sunday can be a làm bù working day` });
      });
    }
  });

export const calendarFileSchema = z
  .object({
    format: z.literal(1),
    timeZone: z.literal(VIETNAM_TIME_ZONE),
    years: z.array(yearSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const years = new Set<number>();
    file.years.forEach((y, index) => {
      if (years.has(y.year)) ctx.addIssue({ code: 'custom', path: ['years', index, 'year'], message: `year ${y.year} is listed twice` });
      years.add(y.year);
    });
  });
export type CalendarFile = z.infer<typeof calendarFileSchema>;

export interface CalendarYear {
  year: number;
  verified: boolean;
  sources: readonly string[];
  /** date → name */
  daysOff: ReadonlyMap<string, string>;
  /** date → name (làm bù Saturdays) */
  workingDays: ReadonlyMap<string, string>;
}

/** The loaded calendar: what `isWorkingDay` and `appointmentDate` consult. */
export interface DaysOffCalendar {
  readonly years: ReadonlyMap<number, CalendarYear>;
}

export const CALENDAR_FILE = path.join('calendar', 'vn-days-off.json');

/** A calendar from already-parsed JSON (validated). Throws a readable error naming the bad entries. */
export function calendarFromData(data: unknown): DaysOffCalendar {
  const parsed = calendarFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid days-off calendar: ${problems}`);
  }
  const years = new Map<number, CalendarYear>();
  for (const y of parsed.data.years) {
    years.set(y.year, {
      year: y.year,
      // A year is only as verified as its least verified day.
      verified: y.verified && y.daysOff.every((d) => d.verified !== false) && y.workingDays.every((d) => d.verified !== false),
      sources: y.sources,
      daysOff: new Map(y.daysOff.map((d) => [d.date, d.name])),
      workingDays: new Map(y.workingDays.map((d) => [d.date, d.name])),
    });
  }
  return { years };
}

/** Reads and validates `<resourcesDir>/calendar/vn-days-off.json`. */
export function loadCalendar(resourcesDir: string): DaysOffCalendar {
  const file = path.join(resourcesDir, CALENDAR_FILE);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the days-off calendar ${file}: ${(error as Error).message}`);
  }
  return calendarFromData(data);
}

/** A calendar with no years: weekends only, every computation flagged `calendarMissing`. */
export const emptyCalendar: DaysOffCalendar = { years: new Map() };

// ---------------------------------------------------------------------------------------------
// Dates

const vietnamFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: VIETNAM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Calendar date and wall-clock time of an instant in Vietnam. */
export function vietnamDateTime(instant: Date): { date: string; time: string; minutes: number } {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
  const parts: Record<string, string> = {};
  for (const p of vietnamFormatter.formatToParts(instant)) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return { date, time, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The calendar date (`YYYY-MM-DD`) of an instant in Vietnam time. */
export function vietnamDate(instant: Date): string {
  return vietnamDateTime(instant).date;
}

function isRealIsoDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

function toUtcMidnight(date: string): Date {
  if (!isRealIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = toUtcMidnight(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. */
export function dayOfWeek(date: string): number {
  return toUtcMidnight(date).getUTCDay();
}

function isWeekend(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

/**
 * Whether the one-stop office works that day: a làm bù weekend day listed for the year, or a
 * weekday that is not a listed day off. A year without an entry: Monday–Friday.
 */
export function isWorkingDay(date: string, calendar: DaysOffCalendar): boolean {
  const year = calendar.years.get(Number(date.slice(0, 4)));
  if (year?.workingDays.has(date)) return true;
  if (isWeekend(date)) return false;
  return !year?.daysOff.has(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, calendar: DaysOffCalendar): string {
  let d = addDays(date, 1);
  // Tết plus weekends is at most ~10 days; a year of nothing but days off would be a data error.
  for (let guard = 0; !isWorkingDay(d, calendar); guard++) {
    if (guard > 366) throw new Error(`No working day within a year after ${date}: check the days-off calendar`);
    d = addDays(d, 1);
  }
  return d;
}

export interface AppointmentInput {
  /** When the complete dossier was received (any time zone; judged in Vietnam time). */
  receivedAt: Date;
  /** Legal processing time in working days (the procedure's `processing.workingDays`). */
  workingDays: number;
  /** Received after this Vietnam wall-clock time (`HH:mm`), the count starts the next working day. */
  sameDayCutoff?: string | undefined;
}

export interface AppointmentResult {
  /** The appointment date for the result, `YYYY-MM-DD` (Vietnam calendar). */
  date: string;
  /** The working day the count starts from (the receipt day, or the next working day). */
  countFrom: string;
  /**
   * A year between the receipt and the appointment has no calendar entry: weekends only were
   * skipped for it, so the date may fall on a holiday. The UI should warn and ask an administrator
   * to add the year.
   */
  calendarMissing: boolean;
  /** A year used is marked `verified: false` (estimated Tết days): the date may move. */
  calendarUnverified: boolean;
  /** The years concerned by the two flags above. */
  missingYears: number[];
  unverifiedYears: number[];
}

function cutoffMinutes(cutoff: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(cutoff);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`sameDayCutoff must be HH:mm, got ${cutoff}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The appointment date: `workingDays` working days after the day the count starts from.
 *
 * - The count starts from the receipt day when that is a working day and the dossier arrived no
 *   later than the cutoff (to the minute: 15:00:59 is still "15:00"); otherwise from the next
 *   working day (received on a Sunday, on Tết, or at 15:30 with a 15:00 cutoff).
 * - The receipt day itself is not counted: received Monday morning, 3 working days → Thursday.
 * - 0 working days → the day the count starts from (same day, or the next working day after the
 *   cutoff / on a day off).
 */
export function appointmentDate(input: AppointmentInput, calendar: DaysOffCalendar): AppointmentResult {
  if (!Number.isInteger(input.workingDays) || input.workingDays < 0) throw new RangeError(`workingDays must be a whole number ≥ 0, got ${input.workingDays}`);
  const received = vietnamDateTime(input.receivedAt);
  const late = input.sameDayCutoff !== undefined && received.minutes > cutoffMinutes(input.sameDayCutoff);
  const countFrom = isWorkingDay(received.date, calendar) && !late ? received.date : nextWorkingDay(received.date, calendar);
  let date = countFrom;
  for (let i = 0; i < input.workingDays; i++) date = nextWorkingDay(date, calendar);

  const missingYears: number[] = [];
  const unverifiedYears: number[] = [];
  for (let y = Number(received.date.slice(0, 4)); y <= Number(date.slice(0, 4)); y++) {
    const entry = calendar.years.get(y);
    if (!entry) missingYears.push(y);
    else if (!entry.verified) unverifiedYears.push(y);
  }
  return { date, countFrom, calendarMissing: missingYears.length > 0, calendarUnverified: unverifiedYears.length > 0, missingYears, unverifiedYears };
}
