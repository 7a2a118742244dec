/** Today's calendar date (YYYY-MM-DD) in an IANA time zone. */
export function localDate(timeZone: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Whether a membership period covers a calendar date; an open end means it still runs. */
export function periodCovers(startsOn: string, endsOn: string | null, date: string): boolean {
  return startsOn <= date && (endsOn === null || endsOn >= date);
}
