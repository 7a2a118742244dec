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
