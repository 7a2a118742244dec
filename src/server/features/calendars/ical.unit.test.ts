import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { zonedTimeToInstant } from '../../../shared/domain/recurrence.ts';
import type { houseMeetingSeries, houseMeetings } from '../../platform/database/schema.ts';
import { buildCalendar, serialize } from './ical.ts';
import { offsetMinutes, transitions, vtimezone, wallClock } from './time-zones.ts';

type Series = typeof houseMeetingSeries.$inferSelect;
type Meeting = typeof houseMeetings.$inferSelect;

const HOUSE = { id: 'h1', name: 'Maple House, upstairs; north', timeZone: 'America/Chicago' };
const series = (overrides: Partial<Series> = {}): Series => ({
  id: 's1',
  organizationId: 'o1',
  residenceId: 'h1',
  title: 'House meeting',
  rrule: 'FREQ=WEEKLY;BYDAY=SU',
  startsOn: '2026-02-22',
  startTime: '19:00',
  durationMinutes: 60,
  timeZone: 'America/Chicago',
  location: 'Living room',
  createdBy: null,
  createdAt: new Date('2026-02-01T00:00:00Z'),
  endedAt: null,
  ...overrides,
});
const meeting = (overrides: Partial<Meeting>): Meeting => ({
  id: 'm1',
  organizationId: 'o1',
  residenceId: 'h1',
  seriesId: 's1',
  kind: 'regular',
  title: 'House meeting',
  startsAt: new Date('2026-03-15T00:00:00Z'),
  localDate: '2026-03-15',
  durationMinutes: 60,
  location: 'Living room',
  state: 'upcoming',
  chairId: null,
  secretaryId: null,
  openedAt: null,
  closedAt: null,
  remindedAt: null,
  createdBy: null,
  createdAt: new Date('2026-02-01T00:00:00Z'),
  ...overrides,
});

/** Parses a calendar with ical.js, registering its VTIMEZONEs, and returns its events. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return root;
}

const chicagoWall = (d: Date) => wallClock(d, 'America/Chicago');

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('iCalendar text', () => {
  const now = new Date('2026-02-20T12:00:00Z');
  const calendarOf = (overrides: Partial<Series>) =>
    buildCalendar({ name: 'x', houses: [HOUSE], series: [series(overrides)], meetings: [], now });

  it('should escape backslashes, semicolons, commas and line breaks, and read them back', () => {
    const text = calendarOf({ title: 'a\\b;c,d\ne' });
    expect(text).toContain('SUMMARY:a\\\\b\\;c\\,d\\ne\r\n');
    const event = new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('a\\b;c,d\ne');
  });

  it('should fold lines at 75 octets without splitting a character, with CRLF and a space', () => {
    for (const location of ['ñ'.repeat(80), 'x'.repeat(200), `${'x'.repeat(73)}😀${'y'.repeat(80)}`]) {
      const text = calendarOf({ location });
      const lines = text.split('\r\n');
      expect(lines.every((line) => octets(line) <= 75)).toBe(true);
      const start = lines.findIndex((line) => line.startsWith('LOCATION:'));
      expect(lines[start + 1]!.startsWith(' ')).toBe(true);
      expect(text.replaceAll('\r\n ', '')).toContain(`LOCATION:${location}\r\n`);
      expect(new ICAL.Event(parse(text).getFirstSubcomponent('vevent')!).location).toBe(location);
    }
  });

  it('should end every line with CRLF, the last one too', () => {
    const text = calendarOf({});
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(serialize(new ICAL.Component('vcalendar'))).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
  });
});

describe('time zones', () => {
  it('should know offsets and the instant of a local time on both sides of a DST change', () => {
    expect(offsetMinutes(new Date('2026-01-15T12:00:00Z'), 'America/Chicago')).toBe(-360);
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'), 'America/Chicago')).toBe(-300);
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'), 'UTC')).toBe(0);
    expect(zonedTimeToInstant('2026-03-01', '19:00', 'America/Chicago').toISOString()).toBe(
      '2026-03-02T01:00:00.000Z',
    );
    expect(zonedTimeToInstant('2026-03-15', '19:00', 'America/Chicago').toISOString()).toBe(
      '2026-03-16T00:00:00.000Z',
    );
  });

  it('should find Chicago’s changes of 2026 to the minute', () => {
    const list = transitions('America/Chicago', 2026, 2026);
    expect(list.map((t) => [new Date(t.at).toISOString(), t.from, t.to])).toEqual([
      ['2026-03-08T08:00:00.000Z', -360, -300],
      ['2026-11-01T07:00:00.000Z', -300, -360],
    ]);
  });

  it('should write a VTIMEZONE that ical.js reads with the right offsets', () => {
    const calendar = new ICAL.Component('vcalendar');
    calendar.addPropertyWithValue('version', '2.0');
    calendar.addPropertyWithValue('prodid', '-//t//t//EN');
    calendar.addSubcomponent(vtimezone('Europe/London', 2025, 2027));
    const text = serialize(calendar);
    expect(text).toContain('TZID:Europe/London\r\n');
    expect(text).toContain('TZOFFSETTO:+0100\r\n');
    const root = parse(text);
    const zone = new ICAL.Timezone(root.getFirstSubcomponent('vtimezone')!);
    const summer = ICAL.Time.fromData({ year: 2026, month: 7, day: 1, hour: 12, minute: 0 }, zone);
    const winter = ICAL.Time.fromData({ year: 2026, month: 1, day: 1, hour: 12, minute: 0 }, zone);
    expect(summer.toJSDate().toISOString()).toBe('2026-07-01T11:00:00.000Z');
    expect(winter.toJSDate().toISOString()).toBe('2026-01-01T12:00:00.000Z');
  });
});

describe('a house calendar', () => {
  const now = new Date('2026-02-20T12:00:00Z');

  it('should expand a weekly meeting across the March DST change at 19:00 local on both sides', () => {
    const text = buildCalendar({
      name: 'My house meetings',
      houses: [HOUSE],
      series: [series()],
      meetings: [],
      now,
    });
    const root = parse(text);
    const event = new ICAL.Event(root.getFirstSubcomponent('vevent')!);
    expect(event.isRecurring()).toBe(true);
    const iterator = event.iterator();
    const starts: Date[] = [];
    for (let next = iterator.next(); next && starts.length < 5; next = iterator.next())
      starts.push(next.toJSDate());
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2026-02-23T01:00:00.000Z',
      '2026-03-02T01:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
      '2026-03-23T00:00:00.000Z',
    ]);
    for (const d of starts) expect(chicagoWall(d).time).toBe('19:00');
  });

  it('should leave out a cancelled occurrence (EXDATE), move a moved one, and add one-off and emergency meetings', () => {
    const text = buildCalendar({
      name: 'House meetings · Maple',
      houses: [HOUSE],
      series: [series()],
      meetings: [
        meeting({
          id: 'c1',
          localDate: '2026-03-08',
          startsAt: new Date('2026-03-09T00:00:00Z'),
          state: 'cancelled',
        }),
        // Moved from 19:00 to 20:30 on 15 March.
        meeting({ id: 'mv', localDate: '2026-03-15', startsAt: new Date('2026-03-16T01:30:00Z') }),
        meeting({
          id: 'e1',
          seriesId: null,
          kind: 'emergency',
          title: 'Emergency meeting',
          localDate: '2026-03-11',
          startsAt: new Date('2026-03-11T23:00:00Z'),
          durationMinutes: 30,
        }),
        meeting({ id: 'x1', seriesId: null, kind: 'one_off', title: 'Called off', state: 'cancelled' }),
      ],
      now,
    });
    expect(text).toContain('EXDATE;TZID=America/Chicago:20260308T190000');
    expect(text).not.toContain('Called off');
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(text).toContain('DESCRIPTION:Maple House\\, upstairs\\; north');

    const root = parse(text);
    const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const recurring = events.find((e) => e.isRecurring())!;
    for (const e of events) if (e.isRecurrenceException()) recurring.relateException(e);
    const iterator = recurring.iterator();
    const seen: string[] = [];
    for (let next = iterator.next(); next && seen.length < 5; next = iterator.next()) {
      const details = recurring.getOccurrenceDetails(next);
      const wall = chicagoWall(details.startDate.toJSDate());
      seen.push(`${wall.date} ${wall.time}`);
    }
    expect(seen).toEqual([
      '2026-02-22 19:00',
      '2026-03-01 19:00',
      '2026-03-15 20:30',
      '2026-03-22 19:00',
      '2026-03-29 19:00',
    ]);
    const emergency = events.find((e) => e.summary === 'Emergency meeting')!;
    expect(chicagoWall(emergency.startDate.toJSDate())).toMatchObject({ date: '2026-03-11', time: '18:00' });
    expect(emergency.duration.toSeconds()).toBe(1800);
  });

  it('should end a series that ended (UNTIL in UTC)', () => {
    const text = buildCalendar({
      name: 'x',
      houses: [HOUSE],
      series: [series({ endedAt: new Date('2026-03-10T00:00:00Z') })],
      meetings: [],
      now,
    });
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=SU;UNTIL=20260310T000000Z');
    const root = parse(text);
    const iterator = new ICAL.Event(root.getFirstSubcomponent('vevent')!).iterator();
    let count = 0;
    while (iterator.next() && count < 20) count++;
    expect(count).toBe(3);
  });
});
