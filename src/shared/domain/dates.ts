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
