// Recovery time on the calendar: a start date is a calendar date in the person's own time zone.
//
// Rules (docs/decisions/0010-recovery-time-and-milestones.md):
// - Day 0 is the start date itself; "94 days" is the number of calendar days from the start date to today.
// - Months and years count by calendar anniversary: the anniversary of the 15th is the 15th.
// - Month ends clamp: when the anniversary month is shorter, the anniversary is its last day. A start on
//   31 January reaches 1 month on 28 February (29 in a leap year), 2 months on 31 March.
// - 29 February: in a year without one, the anniversary is 28 February (the same clamp).
// - Only calendar-date arithmetic (whole days from a civil-date formula), never milliseconds between local
//   times, so daylight saving never shifts a day. "Today" comes from the person's IANA zone.
import { addDays, daysBetween, localDate } from './dates.ts';

/** Who may see a recovery clock (or the person's stage). */
export const RECOVERY_AUDIENCES = ['only_me', 'peer_leader', 'house', 'organization'] as const;
export type RecoveryAudience = (typeof RECOVERY_AUDIENCES)[number];

/** The earliest start date we accept (the lower bound for a recovery date). */
export const EARLIEST_START = '1900-01-01';

type Civil = { year: number; month: number; day: number };

export function parseDate(iso: string): Civil {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not a calendar date: ${iso}`);
  const civil = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (
    civil.month < 1 ||
    civil.month > 12 ||
    civil.day < 1 ||
    civil.day > daysInMonth(civil.year, civil.month)
  ) {
    throw new Error(`Not a calendar date: ${iso}`);
  }
  return civil;
}

export function formatDate({ year, month, day }: Civil): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Calendar-day arithmetic is the dates module's; kept importable from here for the journey code. */
export { addDays, daysBetween };

/** The `months`-th monthly anniversary of a date, clamped to the end of a shorter month. */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Today's calendar date for a person in their IANA time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDate(timeZone, now);
}

/** Days in recovery: 0 on the start date, 1 the next day. Never negative. */
export function daysInRecovery(startsOn: string, today: string): number {
  return Math.max(0, daysBetween(startsOn, today));
}

export type RecoveryBreakdown = { years: number; months: number; days: number };

/** Whole months from the start date to today by anniversary (the largest n with its anniversary ≤ today). */
export function wholeMonths(startsOn: string, today: string): number {
  if (today <= startsOn) return 0;
  const a = parseDate(startsOn);
  const b = parseDate(today);
  let n = (b.year - a.year) * 12 + (b.month - a.month);
  while (n > 0 && addMonths(startsOn, n) > today) n--;
  return n;
}

/** "3 months, 2 days": years and months by anniversary, then the days since the last monthly anniversary. */
export function recoveryBreakdown(startsOn: string, today: string): RecoveryBreakdown {
  const months = wholeMonths(startsOn, today);
  const days = today <= startsOn ? 0 : daysBetween(addMonths(startsOn, months), today);
  return { years: Math.floor(months / 12), months: months % 12, days };
}

/** Plain English form, for logs and tests (the web app words it through i18n). */
export function formatBreakdown({ years, months, days }: RecoveryBreakdown): string {
  const part = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const parts = [];
  if (years) parts.push(part(years, 'year'));
  if (months) parts.push(part(months, 'month'));
  if (days || parts.length === 0) parts.push(part(days, 'day'));
  return parts.join(', ');
}
