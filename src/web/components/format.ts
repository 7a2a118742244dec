// Dates and numbers in the active language. Calendar dates (YYYY-MM-DD) are shown as written, with no time-zone shift.

export function formatDate(isoDate: string, language: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function formatDateTime(timestamp: string, language: string, withSeconds = false): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: withSeconds ? 'medium' : 'short',
  }).format(date);
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'] as const;
export const romanLevel = (level: number) => ROMAN[level] ?? String(level);

/** Today's date (YYYY-MM-DD) on this device. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The phone's own time zone (the browser's), or UTC when it says none. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const MEETING_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
};

/**
 * A meeting's time in the house's zone, where the meeting happens ("Sunday 29 Nov, 19:00"). When the phone
 * is in a zone where that moment reads otherwise, the zone's short name follows ("7:00 PM EST"), so a
 * person away from the house never mistakes the house's clock for their own. Every meeting time on the
 * web goes through here.
 */
export function formatMeetingTime(
  startsAt: string,
  houseZone: string,
  language: string,
  options: Intl.DateTimeFormatOptions = MEETING_TIME,
  phoneZone: string = deviceTimeZone(),
): string {
  const date = new Date(startsAt);
  if (Number.isNaN(date.getTime())) return startsAt;
  const inZone = (timeZone: string, extra: Intl.DateTimeFormatOptions = {}) => {
    try {
      return new Intl.DateTimeFormat(language, { ...options, ...extra, timeZone }).format(date);
    } catch {
      // A zone this browser does not know: the phone's own clock, with nothing to compare.
      return null;
    }
  };
  const house = inZone(houseZone);
  if (house === null) return new Intl.DateTimeFormat(language, options).format(date);
  if (house === inZone(phoneZone)) return house;
  return inZone(houseZone, { timeZoneName: 'short' }) ?? house;
}

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();

/**
 * A moment as a phrase that fits in a sentence, with its own little words: "on Dec 3, 2026 at 12:59 PM",
 * "today at 9:05 AM" · "el 3 dic 2026 a las 12:59", "ayer a la 1:05". Sentences take it whole
 * ("You reached out {{time}}." · "Pediste ayuda {{time}}."), so neither language reads "a las 3 dic".
 * `afterWord`: the phrase follows a word such as "until" or "since" (English then drops its "on").
 */
export function formatMoment(
  timestamp: string,
  language: string,
  { now = new Date(), afterWord = false }: { now?: Date; afterWord?: boolean } = {},
): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const spanish = language.toLowerCase().startsWith('es');
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(date);
  const days = Math.round((startOfDay(date) - startOfDay(now)) / 86_400_000);
  const day =
    days >= -1 && days <= 1
      ? new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(days, 'day')
      : `${spanish ? 'el ' : afterWord ? '' : 'on '}${new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date)}`;
  // Spanish says "a la una" but "a las dos": the article follows the hour.
  const at = spanish ? (date.getHours() % 12 === 1 && !/^1[0-9]/.test(time) ? 'a la' : 'a las') : 'at';
  return `${day} ${at} ${time}`;
}
