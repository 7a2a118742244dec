// The one dates module: calendar days (YYYY-MM-DD strings, never shifted by a zone), days in a person's
// or a house's time zone, week starts, and wall-clock times. Zone arithmetic is @date-fns/tz's TZDate,
// not our own; calendar-day arithmetic is on UTC midnights, where no zone can move it.
import { TZDate } from '@date-fns/tz';

// Building an Intl formatter costs far more than using one, and hot reads ask for a date per row.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    if (formatters.size < 1000) formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The last date found per time zone, for the minute it was found in: every check-in asks for today. Since
 * 1973 every zone's offset is whole minutes, so a date cannot change inside a minute (older instants are
 * always formatted).
 */
const lastDates = new Map<string, { minute: number; date: string }>();
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1973, 0, 1);

/** Today's calendar date (YYYY-MM-DD) in an IANA time zone. */
export function localDate(timeZone: string, at: Date = new Date()): string {
  const ms = at.getTime();
  const minute = Math.floor(ms / 60_000);
  const last = ms >= WHOLE_MINUTE_OFFSETS_FROM ? lastDates.get(timeZone) : undefined;
  if (last && last.minute === minute) return last.date;
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  if (ms >= WHOLE_MINUTE_OFFSETS_FROM && (lastDates.size < 1000 || lastDates.has(timeZone)))
    lastDates.set(timeZone, { minute, date });
  return date;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const DAY_MS = 86_400_000;
const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A calendar date plus some days (negative to go back). */
export const addDays = (date: string, days: number): string => isoDay(utcMidnight(date) + days * DAY_MS);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);

/** The day of the week of a date: 0 Sunday … 6 Saturday. */
export const weekdayOf = (date: string): number => new Date(utcMidnight(date)).getUTCDay();

/** The Monday that starts a date's ISO week. */
export const weekStartOf = (date: string): string => addDays(date, -((weekdayOf(date) + 6) % 7));

/**
 * The instant a local date and time (HH:MM) happen in a zone. A time skipped by a spring-forward change
 * (02:30 on that night) is moved forward by the gap, as calendars do; an autumn repeated hour takes the first.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, timeZone).getTime());
}

/** An instant on a zone's wall clock: its local date and time (HH:MM). */
export function wallClockOf(instant: Date, timeZone: string): { date: string; time: string } {
  const here = new TZDate(instant.getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${String(here.getFullYear()).padStart(4, '0')}-${two(here.getMonth() + 1)}-${two(here.getDate())}`,
    time: `${two(here.getHours())}:${two(here.getMinutes())}`,
  };
}

/** The local time (HH:MM) of an instant in a zone. */
export const localTimeOf = (instant: Date, timeZone: string): string => wallClockOf(instant, timeZone).time;
