import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInRecovery,
  formatBreakdown,
  parseDate,
  recoveryBreakdown,
  todayIn,
  wholeMonths,
} from './recovery-time.ts';

describe('days in recovery', () => {
  it('is 0 on the start date and counts calendar days after it', () => {
    expect(daysInRecovery('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysInRecovery('2026-03-01', '2026-03-02')).toBe(1);
    expect(daysInRecovery('2026-01-01', '2026-04-05')).toBe(94);
  });

  it('is never negative for a start after today', () => {
    expect(daysInRecovery('2026-03-02', '2026-03-01')).toBe(0);
  });

  it('counts leap days and long spans exactly', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2000-01-01', '2026-01-01')).toBe(9497);
    expect(daysBetween('1900-01-01', '1900-03-01')).toBe(59); // 1900 is not a leap year
    expect(daysBetween('2026-05-01', '2026-04-01')).toBe(-30);
  });

  it('is not shifted by daylight saving: the days across a DST change are whole days', () => {
    // US DST began 2026-03-08 and ends 2026-11-01; Europe 2026-03-29 / 2026-10-25.
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });
});

describe("today in the person's time zone", () => {
  it('uses the local calendar date, not UTC', () => {
    const lateEvening = new Date('2026-03-09T03:30:00Z'); // 22:30 (CDT just began) in Chicago on the 8th
    expect(todayIn('America/Chicago', lateEvening)).toBe('2026-03-08');
    expect(todayIn('UTC', lateEvening)).toBe('2026-03-09');
    expect(todayIn('Pacific/Auckland', new Date('2026-06-30T13:00:00Z'))).toBe('2026-07-01');
  });

  it('gives a resident in Chicago day 1 at 00:30 local on the day after their start, across DST', () => {
    const justAfterMidnight = new Date('2026-03-09T05:30:00Z'); // 00:30 CDT on 9 March
    expect(daysInRecovery('2026-03-08', todayIn('America/Chicago', justAfterMidnight))).toBe(1);
    const beforeMidnight = new Date('2026-03-09T04:30:00Z'); // 23:30 CDT on 8 March
    expect(daysInRecovery('2026-03-08', todayIn('America/Chicago', beforeMidnight))).toBe(0);
  });
});

describe('monthly anniversaries', () => {
  it('keep the day of the month', () => {
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
  });

  it('clamp to the last day of a shorter month (a start on 31 Jan reaches 1 month on the last day of Feb)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
  });

  it('put the anniversary of 29 February on 28 February in years without one', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2024-02-29', 1)).toBe('2024-03-29');
  });
});

describe('calendar breakdown', () => {
  it('reads "3 months, 2 days" by anniversary', () => {
    const b = recoveryBreakdown('2026-01-01', '2026-04-03');
    expect(b).toEqual({ years: 0, months: 3, days: 2 });
    expect(formatBreakdown(b)).toBe('3 months, 2 days');
  });

  it('is 0 days on the start date', () => {
    expect(recoveryBreakdown('2026-01-01', '2026-01-01')).toEqual({ years: 0, months: 0, days: 0 });
    expect(formatBreakdown({ years: 0, months: 0, days: 0 })).toBe('0 days');
  });

  it('counts years and months together', () => {
    expect(recoveryBreakdown('2023-06-10', '2026-08-11')).toEqual({ years: 3, months: 2, days: 1 });
    expect(formatBreakdown({ years: 1, months: 0, days: 1 })).toBe('1 year, 1 day');
  });

  it('reaches 1 month on the last day of February from 31 January, then counts days', () => {
    expect(recoveryBreakdown('2026-01-31', '2026-02-27')).toEqual({ years: 0, months: 0, days: 27 });
    expect(recoveryBreakdown('2026-01-31', '2026-02-28')).toEqual({ years: 0, months: 1, days: 0 });
    expect(recoveryBreakdown('2026-01-31', '2026-03-01')).toEqual({ years: 0, months: 1, days: 1 });
    expect(recoveryBreakdown('2026-01-31', '2026-03-31')).toEqual({ years: 0, months: 2, days: 0 });
  });

  it('reaches a year on 28 February for a 29 February start in a common year', () => {
    expect(recoveryBreakdown('2024-02-29', '2025-02-27')).toEqual({ years: 0, months: 11, days: 29 });
    expect(recoveryBreakdown('2024-02-29', '2025-02-28')).toEqual({ years: 1, months: 0, days: 0 });
    expect(recoveryBreakdown('2024-02-29', '2028-02-29')).toEqual({ years: 4, months: 0, days: 0 });
    expect(wholeMonths('2024-02-29', '2028-02-28')).toBe(47);
  });

  it('is zero for a start after today', () => {
    expect(recoveryBreakdown('2026-05-01', '2026-04-01')).toEqual({ years: 0, months: 0, days: 0 });
  });
});

describe('parseDate', () => {
  it('refuses what is not a calendar date', () => {
    expect(() => parseDate('2026-02-30')).toThrow();
    expect(() => parseDate('2025-02-29')).toThrow();
    expect(() => parseDate('26-1-1')).toThrow();
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});

describe('across daylight saving in several zones', () => {
  it('counts the days across the autumn change in Europe and the US the same as any other day', () => {
    // Europe/London falls back on 2026-10-25, America/New_York on 2026-11-01.
    const londonLate = new Date('2026-10-25T23:30:00Z'); // 23:30 GMT on the 25th
    expect(todayIn('Europe/London', londonLate)).toBe('2026-10-25');
    expect(daysInRecovery('2026-10-24', todayIn('Europe/London', londonLate))).toBe(1);
    const newYorkEarly = new Date('2026-11-01T04:30:00Z'); // 00:30 EDT on 1 November
    expect(todayIn('America/New_York', newYorkEarly)).toBe('2026-11-01');
    expect(daysInRecovery('2026-10-01', todayIn('America/New_York', newYorkEarly))).toBe(31);
  });

  it('gives a year across two DST changes exactly 365 days and "1 year"', () => {
    expect(daysInRecovery('2026-01-10', '2027-01-10')).toBe(365);
    expect(recoveryBreakdown('2026-01-10', '2027-01-10')).toEqual({ years: 1, months: 0, days: 0 });
    expect(daysInRecovery('2027-06-01', '2028-06-01')).toBe(366);
  });

  it('crosses year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15');
    expect(recoveryBreakdown('2026-12-20', '2027-01-05')).toEqual({ years: 0, months: 0, days: 16 });
  });
});
