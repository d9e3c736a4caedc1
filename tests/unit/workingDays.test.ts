import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  appointmentDate,
  calendarFromData,
  dayOfWeek,
  emptyCalendar,
  isWorkingDay,
  loadCalendar,
  vietnamDate,
  vietnamDateTime,
} from '../../electron/services/calendar/workingDays';

const resourcesDir = path.resolve(import.meta.dirname, '..', '..', 'resources');
const calendar = loadCalendar(resourcesDir);

/** A Vietnam wall-clock time as an instant (UTC+7, no daylight saving). */
function vn(dateTime: string): Date {
  return new Date(`${dateTime}:00+07:00`);
}

function appointment(receivedAt: string, workingDays: number, sameDayCutoff?: string) {
  return appointmentDate({ receivedAt: vn(receivedAt), workingDays, sameDayCutoff }, calendar);
}

describe('vietnamDate', () => {
  it('is the calendar date in Asia/Ho_Chi_Minh, not UTC', () => {
    // 17:30 UTC on 31 Dec is already 00:30 on 1 Jan in Vietnam.
    expect(vietnamDate(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    expect(vietnamDate(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
    expect(vietnamDate(new Date('2026-03-02T00:00:00Z'))).toBe('2026-03-02');
    expect(vietnamDateTime(new Date('2026-03-02T08:05:00Z'))).toEqual({ date: '2026-03-02', time: '15:05', minutes: 905 });
  });
});

describe('the shipped calendar', () => {
  it('has 2025, 2026 and 2027, with 2027 marked unverified (Tết 2027 not announced yet)', () => {
    expect([...calendar.years.keys()].sort()).toEqual([2025, 2026, 2027]);
    expect(calendar.years.get(2025)!.verified).toBe(true);
    expect(calendar.years.get(2026)!.verified).toBe(true);
    expect(calendar.years.get(2027)!.verified).toBe(false);
    for (const year of calendar.years.values()) expect(year.sources.length).toBeGreaterThan(0);
  });

  it('knows Tết Bính Ngọ 2026 (16–20/02) and the làm bù Saturdays', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) expect(isWorkingDay(d, calendar)).toBe(false);
    expect(isWorkingDay('2026-02-13', calendar)).toBe(true);
    expect(isWorkingDay('2026-02-23', calendar)).toBe(true);
    expect(isWorkingDay('2026-01-10', calendar)).toBe(true); // Saturday worked for Friday 02/01
    expect(isWorkingDay('2026-01-02', calendar)).toBe(false);
    expect(isWorkingDay('2026-01-17', calendar)).toBe(false); // an ordinary Saturday
  });

  it('refuses a day off on a weekend, a weekday làm bù, a date of another year, or a duplicate', () => {
    const base = { format: 1, timeZone: 'Asia/Ho_Chi_Minh' };
    const year = (days: object) => ({ ...base, years: [{ year: 2026, verified: true, sources: ['test'], daysOff: [], workingDays: [], ...days }] });
    expect(() => calendarFromData(year({ daysOff: [{ date: '2026-02-14', name: 'Saturday' }] }))).toThrow(/Saturday or Sunday/);
    expect(() => calendarFromData(year({ workingDays: [{ date: '2026-02-13', name: 'Friday' }] }))).toThrow(/weekday/);
    expect(() => calendarFromData(year({ daysOff: [{ date: '2027-02-15', name: 'x' }] }))).toThrow(/not in 2026/);
    expect(() => calendarFromData(year({ daysOff: [{ date: '2026-02-30', name: 'x' }] }))).toThrow(/not a real date/);
    expect(() => calendarFromData(year({ daysOff: [{ date: '2026-02-16', name: 'a' }, { date: '2026-02-16', name: 'b' }] }))).toThrow(/twice/);
    expect(() => calendarFromData({ ...base, years: [], extra: 1 })).toThrow();
  });
});

describe('appointmentDate', () => {
  it('counts working days after the receipt day, skipping the weekend', () => {
    // Thursday 05/03/2026 + 3 working days: Fri, Mon, Tue.
    expect(appointment('2026-03-05T09:00', 3).date).toBe('2026-03-10');
    // Received on a Saturday: the count starts Monday; 1 working day → Tuesday.
    expect(appointment('2026-03-07T09:00', 1)).toMatchObject({ countFrom: '2026-03-09', date: '2026-03-10' });
  });

  it('skips Tết 2026', () => {
    // Friday 13/02/2026, 1 working day: the next working day is Monday 23/02 (16–20/02 are Tết).
    expect(appointment('2026-02-13T10:00', 1).date).toBe('2026-02-23');
    // Received during Tết (Wednesday 18/02), 0 days: counting starts Monday 23/02.
    expect(appointment('2026-02-18T10:00', 0).date).toBe('2026-02-23');
    // Thursday 12/02 + 3: Fri 13/02, Mon 23/02, Tue 24/02.
    expect(appointment('2026-02-12T10:00', 3).date).toBe('2026-02-24');
  });

  it('skips Giỗ Tổ (nghỉ bù 27/04), 30/4 and 1/5 in 2026', () => {
    // Friday 24/04/2026 + 3: (Mon 27/04 off) Tue 28, Wed 29, (Thu 30/04, Fri 01/05 off) Mon 04/05.
    expect(appointment('2026-04-24T08:00', 3).date).toBe('2026-05-04');
  });

  it('skips 30/4–1/5 and the swapped Friday in 2025, and counts the làm bù Saturday 26/04', () => {
    // Friday 25/04/2025 + 1: Saturday 26/04 is a working day (làm bù for Friday 02/05).
    expect(appointment('2025-04-25T08:00', 1).date).toBe('2025-04-26');
    // Tuesday 29/04/2025 + 1: 30/04, 01/05, 02/05 off, weekend → Monday 05/05.
    expect(appointment('2025-04-29T08:00', 1).date).toBe('2025-05-05');
  });

  it('skips Quốc khánh 2/9 and its adjacent day', () => {
    // 2026: Monday 31/08 (swapped), 1/9 and 2/9 off. Friday 28/08 + 1 → Thursday 03/09.
    expect(appointment('2026-08-28T08:00', 1).date).toBe('2026-09-03');
    // 2025: 1/9 and 2/9 off. Friday 29/08/2025 + 1 → Wednesday 03/09.
    expect(appointment('2025-08-29T08:00', 1).date).toBe('2025-09-03');
  });

  it('received 15:30 on a Friday with a 15:00 cutoff and 0 days → the next Monday', () => {
    const result = appointment('2026-03-06T15:30', 0, '15:00');
    expect(dayOfWeek('2026-03-06')).toBe(5);
    expect(result).toMatchObject({ countFrom: '2026-03-09', date: '2026-03-09', calendarMissing: false });
    // Before the cutoff (and at 15:00 itself) it is the same day.
    expect(appointment('2026-03-06T14:59', 0, '15:00').date).toBe('2026-03-06');
    expect(appointment('2026-03-06T15:00', 0, '15:00').date).toBe('2026-03-06');
    // After the cutoff with 2 days: counting starts Monday → Wednesday.
    expect(appointment('2026-03-06T15:01', 2, '15:00').date).toBe('2026-03-11');
  });

  it('judges the day and the cutoff in Vietnam time, not UTC', () => {
    // 23:30 UTC Sunday 08/03 is 06:30 Monday 09/03 in Vietnam: a working day, same day with 0 days.
    expect(appointmentDate({ receivedAt: new Date('2026-03-08T23:30:00Z'), workingDays: 0 }, calendar).date).toBe('2026-03-09');
    // 16:30 UTC Friday 06/03 is 23:30 Friday in Vietnam: after a 15:00 cutoff → Monday.
    expect(appointmentDate({ receivedAt: new Date('2026-03-06T16:30:00Z'), workingDays: 0, sameDayCutoff: '15:00' }, calendar).date).toBe('2026-03-09');
    // 07:59 UTC is 14:59 in Vietnam: before the cutoff (in UTC it would look like morning either way).
    expect(appointmentDate({ receivedAt: new Date('2026-03-06T07:59:00Z'), workingDays: 0, sameDayCutoff: '15:00' }, calendar).date).toBe('2026-03-06');
    // 17:00 UTC Friday 06/03 is 00:00 Saturday in Vietnam: the count starts Monday.
    expect(appointmentDate({ receivedAt: new Date('2026-03-06T17:00:00Z'), workingDays: 1 }, calendar).date).toBe('2026-03-10');
  });

  it('computes with weekends only for a year without an entry, and says so', () => {
    const result = appointment('2028-01-03T09:00', 2);
    expect(result).toMatchObject({ date: '2028-01-05', calendarMissing: true, missingYears: [2028] });
    // Crossing into a missing year flags it too.
    expect(appointment('2027-12-30T09:00', 3)).toMatchObject({ date: '2028-01-04', calendarMissing: true, missingYears: [2028] });
    // The empty calendar: Monday–Friday only.
    expect(appointmentDate({ receivedAt: vn('2026-02-13T10:00'), workingDays: 1 }, emptyCalendar)).toMatchObject({ date: '2026-02-16', calendarMissing: true });
  });

  it('flags an estimated (unverified) year', () => {
    expect(appointment('2027-03-01T09:00', 1)).toMatchObject({ date: '2027-03-02', calendarMissing: false, calendarUnverified: true, unverifiedYears: [2027] });
    expect(appointment('2026-03-02T09:00', 1)).toMatchObject({ calendarUnverified: false, unverifiedYears: [] });
  });

  it('rejects a negative or fractional count and a malformed cutoff', () => {
    expect(() => appointment('2026-03-02T09:00', -1)).toThrow(RangeError);
    expect(() => appointment('2026-03-02T09:00', 1.5)).toThrow(RangeError);
    expect(() => appointment('2026-03-02T09:00', 1, '25:00')).toThrow(RangeError);
  });

  it('property: never a weekend or day off, never before receipt, exactly N working days after the start', () => {
    const from = new Date('2025-01-01T00:00:00+07:00').getTime();
    const to = new Date('2028-06-30T00:00:00+07:00').getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: from, max: to }),
        fc.integer({ min: 0, max: 30 }),
        fc.option(fc.constantFrom('11:30', '15:00', '16:30'), { nil: undefined }),
        (ms, workingDays, cutoff) => {
          const receivedAt = new Date(ms);
          const result = appointmentDate({ receivedAt, workingDays, sameDayCutoff: cutoff }, calendar);
          const received = vietnamDate(receivedAt);
          expect(isWorkingDay(result.date, calendar)).toBe(true);
          const dow = dayOfWeek(result.date);
          if (dow === 0 || dow === 6) expect(calendar.years.get(Number(result.date.slice(0, 4)))?.workingDays.has(result.date)).toBe(true);
          expect(result.date >= received).toBe(true);
          expect(result.countFrom >= received).toBe(true);
          // Exactly `workingDays` working days lie in (countFrom, date].
          let count = 0;
          for (let d = addDays(result.countFrom, 1); d <= result.date; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++;
          expect(count).toBe(workingDays);
          // The count never starts later than necessary: every day from receipt to countFrom is skipped for a reason.
          if (result.countFrom !== received) {
            for (let d = received; d < result.countFrom; d = addDays(d, 1)) {
              if (d === received) continue;
              expect(isWorkingDay(d, calendar)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
