// A house meeting's recurrence: an RFC 5545 RRULE read in the residence's own time zone, so a meeting at
// 19:00 stays at 19:00 local time on both sides of a daylight-saving change. Server-side only (rrule is
// a CommonJS package the web app does not need).
import * as rruleModule from 'rrule';
import { zonedTimeToInstant } from './dates.ts';

type RRuleLib = typeof rruleModule;
const lib: RRuleLib = (rruleModule as unknown as { default?: RRuleLib }).default ?? rruleModule;

/** HH:MM, 24-hour: 00:00 to 23:59. */
export const TIME_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export type Recurrence = {
  /** e.g. FREQ=WEEKLY;BYDAY=SU — without DTSTART (that is startsOn + startTime). */
  rrule: string;
  /** The first day it may happen, YYYY-MM-DD, in the residence's zone. */
  startsOn: string;
  /** HH:MM local to timeZone. */
  startTime: string;
  timeZone: string;
};

export type Occurrence = { localDate: string; startsAt: Date };

const ALLOWED_FREQ = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
/** Parts that move the time of day (or carry their own start) are not ours to set: the series has one time. */
const FORBIDDEN_PARTS = new Set(['DTSTART', 'TZID', 'BYHOUR', 'BYMINUTE', 'BYSECOND']);
const WEEKDAY = /^[+-]?([1-9]|[1-4][0-9]|5[0-3])?(MO|TU|WE|TH|FR|SA|SU)$/;
const SIGNED = (max: number) => ({
  test: (v: string) => /^[+-]?[0-9]{1,3}$/.test(v) && Math.abs(Number(v)) >= 1 && Math.abs(Number(v)) <= max,
});
/** The parts a house meeting rule may use, and what each value must look like. */
const PART_PATTERNS: Record<string, { test: (value: string) => boolean }> = {
  FREQ: /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  INTERVAL: { test: (v) => /^[0-9]{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 52 },
  COUNT: { test: (v) => /^[0-9]{1,4}$/.test(v) && Number(v) >= 1 },
  UNTIL: /^[0-9]{8}(T[0-9]{6}Z?)?$/,
  BYDAY: WEEKDAY,
  BYMONTHDAY: SIGNED(31),
  BYMONTH: { test: (v) => /^[0-9]{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 12 },
  BYSETPOS: SIGNED(366),
  BYYEARDAY: SIGNED(366),
  BYWEEKNO: SIGNED(53),
  WKST: /^(MO|TU|WE|TH|FR|SA|SU)$/,
};

/** Why an RRULE cannot be used, or null when it can. */
export function rruleProblem(rrule: string): string | null {
  const text = rrule.trim().replace(/^RRULE:/i, '');
  if (text.length === 0) return 'is required';
  if (text.length > 300) return 'must be at most 300 characters';
  if (!/^[A-Z]+=[^;=]+(;[A-Z]+=[^;=]+)*$/i.test(text)) return 'must be an RRULE like FREQ=WEEKLY;BYDAY=SU';
  const parts = new Map(
    text.split(';').map((p) => {
      const [k, v] = p.split('=');
      return [k!.toUpperCase(), v!.toUpperCase()] as const;
    }),
  );
  for (const key of parts.keys()) {
    if (FORBIDDEN_PARTS.has(key)) return `must not set ${key}: the series has its own start date and time`;
  }
  const freq = parts.get('FREQ');
  if (!freq || !ALLOWED_FREQ.has(freq)) return 'must have FREQ=DAILY, WEEKLY, MONTHLY or YEARLY';
  for (const [part, value] of parts) {
    const pattern = PART_PATTERNS[part];
    if (!pattern) return `must not use ${part}`;
    if (!value.split(',').every((v) => pattern.test(v))) return `has a ${part} that is not valid`;
  }
  try {
    lib.RRule.parseString(text);
  } catch {
    return 'must be an RRULE like FREQ=WEEKLY;BYDAY=SU';
  }
  return null;
}

const isoDay = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

/**
 * The occurrences whose local date lies within [fromDate, toDate] (inclusive, YYYY-MM-DD), each with
 * its real start instant. The rule is expanded on "floating" wall-clock dates and only then placed in
 * the zone, so the local time never drifts across a DST change.
 */
export function expandOccurrences(recurrence: Recurrence, fromDate: string, toDate: string): Occurrence[] {
  const problem = rruleProblem(recurrence.rrule);
  if (problem) throw new Error(`rrule ${problem}`);
  if (!TIME_PATTERN.test(recurrence.startTime)) throw new Error('startTime must be HH:MM');
  const [y, m, d] = recurrence.startsOn.split('-').map(Number) as [number, number, number];
  const options = lib.RRule.parseString(recurrence.rrule.trim().replace(/^RRULE:/i, ''));
  const rule = new lib.RRule({ ...options, dtstart: new Date(Date.UTC(y, m - 1, d)), tzid: null });
  const start = Date.parse(`${fromDate}T00:00:00Z`);
  const end = Date.parse(`${toDate}T00:00:00Z`);
  if (end < start) return [];
  // Bounded: a meeting series expands to at most a few hundred days at a time.
  return rule
    .between(new Date(start), new Date(end), true)
    .slice(0, 400)
    .map((floating) => {
      const localDate = isoDay(floating.getTime());
      return {
        localDate,
        startsAt: zonedTimeToInstant(localDate, recurrence.startTime, recurrence.timeZone),
      };
    });
}

// Zone arithmetic lives in the dates module; these stay importable from here for the meeting code.
export { addDays, localTimeOf, zonedTimeToInstant } from './dates.ts';
