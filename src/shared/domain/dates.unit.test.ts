import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isValidTimeZone,
  localDate,
  localTimeOf,
  wallClockOf,
  weekdayOf,
  weekStartOf,
  zonedTimeToInstant,
} from './dates.ts';

describe('localDate', () => {
  const lateEvening = new Date('2026-03-01T03:30:00Z'); // 21:30 on Feb 28 in Chicago

  it('should give the calendar date in the residence time zone', () => {
    expect(localDate('America/Chicago', lateEvening)).toBe('2026-02-28');
    expect(localDate('UTC', lateEvening)).toBe('2026-03-01');
    expect(localDate('Asia/Tokyo', lateEvening)).toBe('2026-03-01');
  });

  it('should format as YYYY-MM-DD with leading zeros', () => {
    expect(localDate('UTC', new Date('2026-01-05T12:00:00Z'))).toBe('2026-01-05');
  });

  it('should handle a leap day', () => {
    expect(localDate('UTC', new Date('2028-02-29T12:00:00Z'))).toBe('2028-02-29');
  });

  it('should find the right date on either side of a local midnight, asked again and again', () => {
    // Chicago's midnight (UTC−6 in February) is 06:00 UTC: the same zone asked within a minute, then across.
    for (let i = 0; i < 3; i++) {
      expect(localDate('America/Chicago', new Date('2026-02-20T05:59:00Z'))).toBe('2026-02-19');
      expect(localDate('America/Chicago', new Date('2026-02-20T05:59:59.999Z'))).toBe('2026-02-19');
      expect(localDate('America/Chicago', new Date('2026-02-20T06:00:00Z'))).toBe('2026-02-20');
    }
    // India's offset is +05:30: its midnight falls on a half hour.
    expect(localDate('Asia/Kolkata', new Date('2026-06-01T18:29:59Z'))).toBe('2026-06-01');
    expect(localDate('Asia/Kolkata', new Date('2026-06-01T18:30:00Z'))).toBe('2026-06-02');
    // Monrovia's offset was −0:44:30 until 1972: an instant then is always formatted.
    expect(localDate('Africa/Monrovia', new Date('1960-01-01T00:44:29Z'))).toBe('1959-12-31');
    expect(localDate('Africa/Monrovia', new Date('1960-01-01T00:44:31Z'))).toBe('1960-01-01');
  });

  it('should throw for a time zone that does not exist', () => {
    expect(() => localDate('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('isValidTimeZone', () => {
  it('should accept IANA time zones', () => {
    expect(isValidTimeZone('America/Chicago')).toBe(true);
    expect(isValidTimeZone('Europe/Madrid')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  it('should refuse made-up zones', () => {
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('Chicago')).toBe(false);
  });
});

describe('calendar days', () => {
  it('adds days across months, years and a leap day', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('counts whole days between two dates, either way, across a DST change', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
  });

  it('starts a week on its Monday (ISO)', () => {
    expect(weekdayOf('2026-12-06')).toBe(0);
    expect(weekStartOf('2026-12-06')).toBe('2026-11-30');
    expect(weekStartOf('2026-11-30')).toBe('2026-11-30');
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
  });
});

describe('wall-clock times in a zone', () => {
  it('moves a time skipped by spring forward ahead by the gap, and takes the first of a repeated hour', () => {
    expect(zonedTimeToInstant('2026-03-08', '02:30', 'America/Chicago').toISOString()).toBe(
      '2026-03-08T08:30:00.000Z',
    );
    expect(zonedTimeToInstant('2026-11-01', '01:30', 'America/Chicago').toISOString()).toBe(
      '2026-11-01T06:30:00.000Z',
    );
  });

  it('reads an instant back as its local date and time, half-hour zones too', () => {
    expect(wallClockOf(new Date('2026-01-01T20:00:00Z'), 'Asia/Kolkata')).toEqual({
      date: '2026-01-02',
      time: '01:30',
    });
    expect(localTimeOf(zonedTimeToInstant('2026-07-04', '19:00', 'America/Denver'), 'America/Denver')).toBe(
      '19:00',
    );
  });
});
