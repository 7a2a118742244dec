// A small iCalendar (RFC 5545) writer: escaping, line folding at 75 octets, CRLF, local and UTC times,
// and VTIMEZONE blocks built from the IANA zone's real transitions (so any client, and ical.js, can
// expand a weekly meeting across a daylight-saving change and keep it at the same local hour).

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line to at most 75 octets per line, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with one space
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Lines joined with CRLF, each folded; the file ends with CRLF. */
export function serialize(lines: string[]): string {
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** 2026-03-01 + 19:00 → 20260301T190000 (a local "floating" form, used with TZID). */
export const localDateTime = (date: string, time: string): string =>
  `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;

/** An instant in UTC: 20260301T010000Z. */
export const utcDateTime = (at: Date): string =>
  `${at.toISOString().slice(0, 19).replaceAll('-', '').replaceAll(':', '')}Z`;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date and time of an instant in a zone. */
export function wallClock(at: Date, timeZone: string): { date: string; time: string; seconds: string } {
  const parts = partsFormatter(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
    seconds: get('second'),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Chicago in winter: -360). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.parse(`${w.date}T${w.time}:${w.seconds}Z`);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a local date and time happen in a zone (the earlier one when the clock repeats). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const guess = Date.parse(`${date}T${time}:00Z`);
  let at = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  // A second pass settles times near a change of offset.
  at = guess - offsetMinutes(new Date(at), timeZone) * 60_000;
  return new Date(at);
}

const formatOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

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
    nameFormatters.set(timeZone, f);
  }
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/** A VTIMEZONE for an IANA zone, with one observance per change of offset in the years given. */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const list = transitions(timeZone, fromYear, toYear);
  const start = new Date(Date.UTC(fromYear, 0, 1));
  const initial = offsetMinutes(start, timeZone);
  const standardOffset = Math.min(initial, ...list.map((t) => t.to));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (at: Date, from: number, to: number, dtstart: string) => {
    const kind = to > standardOffset ? 'DAYLIGHT' : 'STANDARD';
    const name = zoneAbbreviation(at, timeZone);
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${dtstart}`,
      `TZOFFSETFROM:${formatOffset(from)}`,
      `TZOFFSETTO:${formatOffset(to)}`,
      ...(name ? [`TZNAME:${escapeText(name)}`] : []),
      `END:${kind}`,
    );
  };
  // The offset in force when the range starts, so times before the first change resolve too.
  observance(start, initial, initial, '19700101T000000');
  for (const t of list) {
    const at = new Date(t.at);
    const local = new Date(t.at + t.from * 60_000).toISOString();
    observance(
      at,
      t.from,
      t.to,
      `${local.slice(0, 10).replaceAll('-', '')}T${local.slice(11, 19).replaceAll(':', '')}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
