import { describe, expect, it } from 'vitest';
import { formatMeetingTime, formatMoment } from './format.ts';

// Intl puts a narrow no-break space before AM/PM; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('formatMoment', () => {
  const now = new Date(2026, 11, 7, 18, 0);

  it('reads as a date with a time in English', () => {
    expect(plain(formatMoment(new Date(2026, 11, 3, 12, 59).toISOString(), 'en', { now }))).toBe(
      'on Dec 3, 2026 at 12:59 PM',
    );
  });

  it('reads as a date with a time in Spanish, never "a las 3 dic"', () => {
    expect(plain(formatMoment(new Date(2026, 11, 3, 12, 59).toISOString(), 'es', { now }))).toBe(
      'el 3 dic 2026 a las 12:59',
    );
  });

  it('says "a la" for one o’clock in Spanish', () => {
    expect(plain(formatMoment(new Date(2026, 11, 3, 1, 5).toISOString(), 'es', { now }))).toBe(
      'el 3 dic 2026 a la 1:05',
    );
    expect(plain(formatMoment(new Date(2026, 11, 3, 13, 5).toISOString(), 'es', { now }))).toBe(
      'el 3 dic 2026 a las 13:05',
    );
  });

  it('follows "until" or "since" without an English "on"', () => {
    const at = new Date(2026, 11, 3, 12, 59).toISOString();
    expect(plain(formatMoment(at, 'en', { now, afterWord: true }))).toBe('Dec 3, 2026 at 12:59 PM');
    expect(plain(formatMoment(at, 'es', { now, afterWord: true }))).toBe('el 3 dic 2026 a las 12:59');
  });

  it('says today and yesterday in both languages', () => {
    expect(plain(formatMoment(new Date(2026, 11, 7, 9, 5).toISOString(), 'en', { now }))).toBe(
      'today at 9:05 AM',
    );
    expect(plain(formatMoment(new Date(2026, 11, 6, 21, 30).toISOString(), 'es', { now }))).toBe(
      'ayer a las 21:30',
    );
  });
});

describe('formatMeetingTime', () => {
  // Sunday 7:00 PM in New York is Monday 9:00 AM in Tokyo.
  const sunday7pm = '2026-12-07T00:00:00Z';

  it('shows the house’s time, unlabelled, on a phone in the house’s zone', () => {
    expect(plain(formatMeetingTime(sunday7pm, 'America/New_York', 'en', undefined, 'America/New_York'))).toBe(
      'Sunday, Dec 6, 7:00 PM',
    );
  });

  it('shows the house’s time, labelled with its zone, on a phone elsewhere', () => {
    expect(plain(formatMeetingTime(sunday7pm, 'America/New_York', 'en', undefined, 'Asia/Tokyo'))).toBe(
      'Sunday, Dec 6, 7:00 PM EST',
    );
    expect(plain(formatMeetingTime(sunday7pm, 'America/New_York', 'es', undefined, 'Asia/Tokyo'))).toMatch(
      /^domingo, 6 dic, 19:00 (GMT-5|EST)$/,
    );
  });

  it('leaves the label off when the two zones read the same', () => {
    expect(plain(formatMeetingTime(sunday7pm, 'America/New_York', 'en', undefined, 'America/Detroit'))).toBe(
      'Sunday, Dec 6, 7:00 PM',
    );
  });
});
