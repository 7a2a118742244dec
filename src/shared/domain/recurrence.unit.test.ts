import { describe, expect, it } from 'vitest';
import { addDays, expandOccurrences, localTimeOf, rruleProblem, zonedTimeToInstant } from './recurrence.ts';

const sundays = { rrule: 'FREQ=WEEKLY;BYDAY=SU', startsOn: '2026-01-04', startTime: '19:00' };

describe('expandOccurrences', () => {
  it('should keep a 19:00 Sunday meeting at 19:00 in Chicago across the March DST change', () => {
    const found = expandOccurrences({ ...sundays, timeZone: 'America/Chicago' }, '2026-03-01', '2026-03-15');
    expect(found.map((o) => o.localDate)).toEqual(['2026-03-01', '2026-03-08', '2026-03-15']);
    // CST is UTC-6 before 8 March, CDT UTC-5 from that day on.
    expect(found.map((o) => o.startsAt.toISOString())).toEqual([
      '2026-03-02T01:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
    ]);
    for (const o of found) expect(localTimeOf(o.startsAt, 'America/Chicago')).toBe('19:00');
  });

  it('should keep the local time across the autumn change in London and New York', () => {
    const london = expandOccurrences({ ...sundays, timeZone: 'Europe/London' }, '2026-10-18', '2026-11-01');
    expect(london.map((o) => o.startsAt.toISOString())).toEqual([
      '2026-10-18T18:00:00.000Z',
      '2026-10-25T19:00:00.000Z',
      '2026-11-01T19:00:00.000Z',
    ]);
    const ny = expandOccurrences({ ...sundays, timeZone: 'America/New_York' }, '2026-10-25', '2026-11-08');
    expect(ny.map((o) => localTimeOf(o.startsAt, 'America/New_York'))).toEqual(['19:00', '19:00', '19:00']);
    expect(ny[1]!.startsAt.toISOString()).toBe('2026-11-02T00:00:00.000Z');
  });

  it('should not start before startsOn and should include both ends of the window', () => {
    const found = expandOccurrences(
      { ...sundays, startsOn: '2026-03-08', timeZone: 'UTC' },
      '2026-03-01',
      '2026-03-22',
    );
    expect(found.map((o) => o.localDate)).toEqual(['2026-03-08', '2026-03-15', '2026-03-22']);
  });

  it('should follow a monthly rule (first Tuesday) and a fortnightly one', () => {
    const monthly = expandOccurrences(
      {
        rrule: 'FREQ=MONTHLY;BYDAY=1TU',
        startsOn: '2026-01-01',
        startTime: '18:30',
        timeZone: 'America/Chicago',
      },
      '2026-01-01',
      '2026-03-31',
    );
    expect(monthly.map((o) => o.localDate)).toEqual(['2026-01-06', '2026-02-03', '2026-03-03']);
    const fortnightly = expandOccurrences(
      {
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE',
        startsOn: '2026-01-07',
        startTime: '20:00',
        timeZone: 'UTC',
      },
      '2026-01-01',
      '2026-02-10',
    );
    expect(fortnightly.map((o) => o.localDate)).toEqual(['2026-01-07', '2026-01-21', '2026-02-04']);
  });

  it('should place a meeting east of UTC on its own local day', () => {
    const [first] = expandOccurrences(
      {
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
        startsOn: '2026-06-01',
        startTime: '07:00',
        timeZone: 'Australia/Sydney',
      },
      '2026-06-01',
      '2026-06-01',
    );
    expect(first).toEqual({ localDate: '2026-06-01', startsAt: new Date('2026-05-31T21:00:00.000Z') });
  });
});

describe('zonedTimeToInstant', () => {
  it('should move a time skipped by spring-forward forward by the gap, and take the first of a repeated hour', () => {
    expect(zonedTimeToInstant('2026-03-08', '02:30', 'America/Chicago').toISOString()).toBe(
      '2026-03-08T08:30:00.000Z',
    );
    expect(zonedTimeToInstant('2026-11-01', '01:30', 'America/Chicago').toISOString()).toBe(
      '2026-11-01T06:30:00.000Z',
    );
  });
});

describe('rruleProblem', () => {
  it('should accept weekly, monthly and an RRULE: prefix', () => {
    expect(rruleProblem('FREQ=WEEKLY;BYDAY=SU')).toBeNull();
    expect(rruleProblem('RRULE:FREQ=MONTHLY;BYDAY=1TU')).toBeNull();
  });

  it('should name what is wrong with a bad rule', () => {
    expect(rruleProblem('')).toBe('is required');
    expect(rruleProblem('every sunday')).toMatch(/must be an RRULE/);
    expect(rruleProblem('FREQ=HOURLY')).toMatch(/FREQ=DAILY/);
    expect(rruleProblem('BYDAY=SU')).toMatch(/FREQ=/);
    expect(rruleProblem('FREQ=WEEKLY;BYDAY=XX')).toBe('has a BYDAY that is not valid');
    expect(rruleProblem('FREQ=WEEKLY;COLOR=RED')).toBe('must not use COLOR');
    expect(rruleProblem('FREQ=WEEKLY;BYHOUR=9')).toMatch(/BYHOUR/);
    expect(rruleProblem('FREQ=WEEKLY;DTSTART=20260101T000000Z')).toMatch(/DTSTART/);
  });
});

describe('addDays', () => {
  it('should cross month and year ends', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
