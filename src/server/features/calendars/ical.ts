// The iCalendar (RFC 5545) file of house meetings, written with ical.js: one VEVENT per series (RRULE,
// EXDATE for cancelled days, an override for each moved one), one per one-off or emergency meeting,
// and a VTIMEZONE for each house's zone. Only when, where, what and which house: never agenda words.
import ICAL from 'ical.js';
import type { houseMeetingSeries, houseMeetings } from '../../platform/database/schema.ts';
import { vtimezone, wallClock } from './time-zones.ts';

// Apple's calendar-name property is text (escaped like the others); ical.js does not know it.
ICAL.design.icalendar.property['x-wr-calname'] ??= { defaultType: 'text' };

type House = { id: string; name: string; timeZone: string };
type Series = typeof houseMeetingSeries.$inferSelect;
type Meeting = typeof houseMeetings.$inferSelect;

/**
 * The calendar as text: CRLF after every line, each folded to at most 75 octets. ical.js counts a
 * continuation line's leading space outside its fold length, so it folds at 74.
 */
export function serialize(calendar: ICAL.Component): string {
  const foldLength = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return `${calendar.toString()}\r\n`;
  } finally {
    ICAL.foldLength = foldLength;
  }
}

/** 2026-03-01 + 19:00 as a local ("floating") time, placed in a zone by its TZID. */
const localTime = (date: string, time: string) => ICAL.Time.fromDateTimeString(`${date}T${time}:00`);

function addZoned(component: ICAL.Component, name: string, at: ICAL.Time, zone: string): void {
  component.addPropertyWithValue(name, at).setParameter('tzid', zone);
}

/** The RRULE as stored, with UNTIL added when the series has ended. */
function ruleOf(series: Series): ICAL.Recur {
  const rule = series.rrule
    .replace(/^RRULE:/i, '')
    .replace(/[\r\n]/g, '')
    .trim()
    .toUpperCase();
  const recur = ICAL.Recur.fromString(rule);
  if (series.endedAt && !recur.until && !recur.count)
    recur.until = ICAL.Time.fromJSDate(series.endedAt, true);
  return recur;
}

type EventFields = {
  uid: string;
  stamp: ICAL.Time;
  zone: string;
  start: ICAL.Time;
  minutes: number;
  title: string;
  location: string;
  house: string;
};

function event(fields: EventFields): ICAL.Component {
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', fields.uid);
  vevent.addPropertyWithValue('dtstamp', fields.stamp);
  addZoned(vevent, 'dtstart', fields.start, fields.zone);
  vevent.addPropertyWithValue(
    'duration',
    ICAL.Duration.fromSeconds(Math.max(1, Math.round(fields.minutes)) * 60),
  );
  vevent.addPropertyWithValue('summary', fields.title);
  if (fields.location) vevent.addPropertyWithValue('location', fields.location);
  vevent.addPropertyWithValue('description', fields.house);
  return vevent;
}

/** A series: its rule and cancelled days, and an override for each occurrence moved to another time. */
function seriesEvents(s: Series, house: House, meetings: Meeting[], stamp: ICAL.Time): ICAL.Component[] {
  const zone = s.timeZone;
  const uid = `house-series-${s.id}@hearth`;
  const occurrences = meetings.filter((m) => m.seriesId === s.id);
  const fields = { uid, stamp, zone, house: house.name };
  const main = event({
    ...fields,
    start: localTime(s.startsOn, s.startTime),
    minutes: s.durationMinutes,
    title: s.title,
    location: s.location,
  });
  main.addPropertyWithValue('rrule', ruleOf(s));
  for (const m of occurrences.filter((o) => o.state === 'cancelled')) {
    addZoned(main, 'exdate', localTime(m.localDate, s.startTime), zone);
  }
  const moved: ICAL.Component[] = [];
  for (const m of occurrences) {
    if (m.state === 'cancelled') continue;
    const wall = wallClock(m.startsAt, zone);
    if (wall.date === m.localDate && wall.time === s.startTime && m.durationMinutes === s.durationMinutes)
      continue;
    const override = event({
      ...fields,
      start: localTime(wall.date, wall.time),
      minutes: m.durationMinutes,
      title: m.title,
      location: m.location,
    });
    // An occurrence moved to another time keeps its place in the series (RECURRENCE-ID).
    addZoned(override, 'recurrence-id', localTime(m.localDate, s.startTime), zone);
    moved.push(override);
  }
  return [main, ...moved];
}

/** A VCALENDAR of some events, with a VTIMEZONE for each zone from the first year it is used. */
function calendarOf(input: {
  product: string;
  name: string;
  zones: Map<string, number>;
  events: ICAL.Component[];
  now: Date;
}): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', `-//Hearth//${input.product}//EN`);
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('method', 'PUBLISH');
  calendar.addPropertyWithValue('x-wr-calname', input.name);
  calendar.addPropertyWithValue('refresh-interval', ICAL.Duration.fromSeconds(6 * 3600));
  calendar.addPropertyWithValue('x-published-ttl', 'PT6H');
  const thisYear = input.now.getUTCFullYear();
  for (const [zone, firstYear] of input.zones) {
    calendar.addSubcomponent(vtimezone(zone, Math.min(firstYear, thisYear) - 1, thisYear + 5));
  }
  for (const e of input.events) calendar.addSubcomponent(e);
  return serialize(calendar);
}

/** The VCALENDAR of some houses' series and meetings, stamped `now`. */
export function buildCalendar(input: {
  name: string;
  houses: House[];
  series: Series[];
  meetings: Meeting[];
  now: Date;
}): string {
  const { name, houses, series, meetings, now } = input;
  const houseById = new Map(houses.map((h) => [h.id, h]));
  const stamp = ICAL.Time.fromJSDate(now, true);
  const events: ICAL.Component[] = [];
  const zones = new Map<string, number>();
  const noteZone = (zone: string, year: number) => zones.set(zone, Math.min(zones.get(zone) ?? year, year));

  for (const s of series) {
    const house = houseById.get(s.residenceId);
    if (!house) continue;
    noteZone(s.timeZone, Number(s.startsOn.slice(0, 4)));
    events.push(...seriesEvents(s, house, meetings, stamp));
  }
  for (const m of meetings) {
    const house = houseById.get(m.residenceId);
    if (m.seriesId !== null || m.state === 'cancelled' || !house) continue;
    const wall = wallClock(m.startsAt, house.timeZone);
    noteZone(house.timeZone, Number(wall.date.slice(0, 4)));
    const one = event({
      uid: `house-meeting-${m.id}@hearth`,
      stamp,
      zone: house.timeZone,
      start: localTime(wall.date, wall.time),
      minutes: m.durationMinutes,
      title: m.title,
      location: m.location,
      house: house.name,
    });
    if (m.kind === 'emergency') one.addPropertyWithValue('priority', 1);
    events.push(one);
  }

  return calendarOf({ product: 'House meetings', name, zones, events, now });
}

/** What a calendar needs of a directory meeting (Meeting Guide fields). */
export type OutsideCalendarMeeting = {
  id: string;
  name: string;
  days: number[];
  time: string | null;
  endTime: string | null;
  timeZone: string;
  location: string;
  formattedAddress: string;
  notes: string;
  conferenceUrl: string | null;
  createdAt: Date;
};

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** Minutes from a start to an end time of the same evening; past midnight counts into the next day. */
function minutesBetween(start: string, end: string | null): number {
  if (!end) return 60;
  const at = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const minutes = (at(end) - at(start) + 1440) % 1440;
  return minutes === 0 ? 60 : minutes;
}

/**
 * The VCALENDAR of directory meetings: one weekly VEVENT per meeting that has days and a time (others
 * have no dates to show), starting the week it was listed, in the meeting's own zone.
 */
export function buildOutsideCalendar(input: {
  name: string;
  meetings: OutsideCalendarMeeting[];
  now: Date;
}): string {
  const { name, meetings, now } = input;
  const stamp = ICAL.Time.fromJSDate(now, true);
  const zones = new Map<string, number>();
  const events: ICAL.Component[] = [];
  for (const m of meetings) {
    if (m.days.length === 0 || !m.time) continue;
    // The first listed day on or after the day it was listed, in its own zone.
    const listed = wallClock(m.createdAt, m.timeZone).date;
    const start = ICAL.Time.fromDateString(listed);
    while (!m.days.includes(start.dayOfWeek() - 1)) start.adjust(1, 0, 0, 0);
    const date = start.toString().slice(0, 10);
    zones.set(m.timeZone, Math.min(zones.get(m.timeZone) ?? start.year, start.year));
    const vevent = event({
      uid: `outside-meeting-${m.id}@hearth`,
      stamp,
      zone: m.timeZone,
      start: localTime(date, m.time),
      minutes: minutesBetween(m.time, m.endTime),
      title: m.name,
      location: [m.location, m.formattedAddress].filter(Boolean).join(', '),
      house: m.notes,
    });
    if (!m.notes) vevent.removeProperty('description');
    const recur = ICAL.Recur.fromData({ freq: 'WEEKLY' });
    recur.setComponent(
      'BYDAY',
      [...m.days].sort((a, b) => a - b).map((d) => BYDAY[d]!),
    );
    vevent.addPropertyWithValue('rrule', recur);
    if (m.conferenceUrl) vevent.addPropertyWithValue('url', m.conferenceUrl);
    events.push(vevent);
  }
  return calendarOf({ product: 'Outside meetings', name, zones, events, now });
}
