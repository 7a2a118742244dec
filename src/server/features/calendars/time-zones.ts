// VTIMEZONE blocks from an IANA zone's real changes of offset, found through Intl (ical.js reads and
// writes time zones but carries no zone data), so any client can expand a weekly meeting across a
// daylight-saving change and keep it at the same local hour.
import ICAL from 'ical.js';
import { localDate } from '../../../shared/domain/dates.ts';
import { localTimeOf } from '../../../shared/domain/recurrence.ts';

/** The wall-clock date and time (HH:MM) of an instant in a zone. */
export const wallClock = (at: Date, timeZone: string): { date: string; time: string } => ({
  date: localDate(timeZone, at),
  time: localTimeOf(at, timeZone),
});

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    if (offsetFormatters.size < 1000) offsetFormatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in minutes (Chicago in winter: -360). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const name = offsetFormatter(timeZone)
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

type Transition = { at: number; from: number; to: number };

const transitionCache = new Map<string, Transition[]>();

/** Every change of offset in a zone between the start of one year and the end of another. */
export function transitions(timeZone: string, fromYear: number, toYear: number): Transition[] {
  const key = `${timeZone}|${fromYear}|${toYear}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const found: Transition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  const DAY = 86_400_000;
  let t = Date.UTC(fromYear, 0, 1);
  let offset = offsetMinutes(new Date(t), timeZone);
  while (t < end) {
    const next = t + DAY;
    const nextOffset = offsetMinutes(new Date(next), timeZone);
    if (nextOffset !== offset) {
      // Narrow down to the minute the clock changed.
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetMinutes(new Date(mid), timeZone) === offset) lo = mid;
        else hi = mid;
      }
      found.push({ at: hi, from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  if (transitionCache.size > 200) transitionCache.clear();
  transitionCache.set(key, found);
  return found;
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();
function zoneAbbreviation(at: Date, timeZone: string): string {
  let f = nameFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    if (nameFormatters.size < 1000) nameFormatters.set(timeZone, f);
  }
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** A local (floating) date-time at a UTC instant shifted by an offset: a VTIMEZONE's DTSTART. */
const floatingAt = (ms: number) => {
  const d = new Date(ms);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    isDate: false,
  });
};

/** A VTIMEZONE for an IANA zone, with one observance per change of offset in the years given. */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): ICAL.Component {
  const list = transitions(timeZone, fromYear, toYear);
  const start = new Date(Date.UTC(fromYear, 0, 1));
  const initial = offsetMinutes(start, timeZone);
  const standardOffset = Math.min(initial, ...list.map((t) => t.to));
  const zone = new ICAL.Component('vtimezone');
  zone.addPropertyWithValue('tzid', timeZone);
  const observance = (at: Date, from: number, to: number, dtstart: ICAL.Time) => {
    const part = new ICAL.Component(to > standardOffset ? 'daylight' : 'standard');
    part.addPropertyWithValue('dtstart', dtstart);
    part.addPropertyWithValue('tzoffsetfrom', ICAL.UtcOffset.fromSeconds(from * 60));
    part.addPropertyWithValue('tzoffsetto', ICAL.UtcOffset.fromSeconds(to * 60));
    const name = zoneAbbreviation(at, timeZone);
    if (name) part.addPropertyWithValue('tzname', name);
    zone.addSubcomponent(part);
  };
  // The offset in force when the range starts, so times before the first change resolve too.
  observance(start, initial, initial, floatingAt(Date.UTC(1970, 0, 1)));
  for (const t of list) observance(new Date(t.at), t.from, t.to, floatingAt(t.at + t.from * 60_000));
  return zone;
}
