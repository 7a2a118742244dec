import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import { hashToken } from '../../platform/auth/secrets.ts';
import {
  agendaItems,
  calendarFeeds,
  houseMeetingSeries,
  houseMeetings,
} from '../../platform/database/schema.ts';
import { wallClock } from './time-zones.ts';

let admin: TestPerson;
let houseA: string;
let houseB: string;
let resident: TestPerson;
let leader: TestPerson;
let otherLeader: TestPerson;
let otherOrgAdmin: TestPerson;

/**
 * House meetings belong to the house-meetings area; these fixture rows pin a schedule across the
 * March 2027 change to daylight time in Chicago, which a schedule made through its routes (from today) cannot.
 */
async function scheduleHouse(residenceId: string, title: string) {
  const db = testDb();
  const [series] = await db
    .insert(houseMeetingSeries)
    .values({
      organizationId: admin.organizationId,
      residenceId,
      title,
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
      startsOn: '2027-02-28',
      startTime: '19:00',
      durationMinutes: 60,
      timeZone: 'America/Chicago',
      location: 'Living room, by the fire',
    })
    .returning();
  await db.insert(houseMeetings).values([
    {
      organizationId: admin.organizationId,
      residenceId,
      seriesId: series!.id,
      kind: 'regular',
      title,
      startsAt: new Date('2027-03-22T00:00:00Z'),
      localDate: '2027-03-21',
      state: 'cancelled',
    },
    {
      organizationId: admin.organizationId,
      residenceId,
      seriesId: null,
      kind: 'emergency',
      title: `${title} — emergency`,
      startsAt: new Date('2027-03-10T23:30:00Z'),
      localDate: '2027-03-10',
      durationMinutes: 30,
    },
  ]);
}

const pathOf = (url: string) => new URL(url).pathname;

async function subscribe(as: TestPerson, body: Record<string, unknown> = { scope: 'person' }) {
  const result = await call('POST', '/api/calendar-feeds', { as, body });
  expect(result.status, result.text).toBe(201);
  return result.body as { id: string; url: string; webcalUrl: string; scope: string };
}

beforeAll(async () => {
  admin = await setUpOrganization();
  houseA = (await buildResidence(admin, { name: 'Maple House', timeZone: 'America/Chicago' })).id;
  houseB = (await buildResidence(admin, { name: 'Oak House', timeZone: 'America/Chicago' })).id;
  resident = await buildPerson(admin, { role: 'resident', residenceId: houseA });
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseA });
  otherLeader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseB });
  otherOrgAdmin = (await buildOtherOrganization()).admin;
  await scheduleHouse(houseA, 'Maple weekly meeting');
  await scheduleHouse(houseB, 'Oak weekly meeting');
});

describe('a personal calendar address', () => {
  it('should be shown once, as https and webcal, and stored only as a hash', async () => {
    const feed = await subscribe(resident);
    expect(feed.url).toMatch(/^http:\/\/[^/]+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.webcalUrl).toBe(feed.url.replace(/^http:\/\//, 'webcal://'));
    const token = pathOf(feed.url).split('/').pop()!.replace('.ics', '');
    const [row] = await testDb().select().from(calendarFeeds).where(eq(calendarFeeds.id, feed.id));
    expect(row!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    const list = await call('GET', '/api/calendar-feeds', { as: resident });
    expect(list.body.feeds).toEqual([
      { id: feed.id, scope: 'person', residenceId: null, residenceName: null, createdAt: expect.any(String) },
    ]);
    expect(list.text).not.toContain(token);
  });

  it('should serve my house’s meetings as iCalendar that ical.js expands across the DST change at 19:00', async () => {
    const feed = await subscribe(resident);
    const result = await call('GET', pathOf(feed.url));
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(result.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(result.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(result.text).toContain('Maple weekly meeting');
    expect(result.text).not.toContain('Oak weekly meeting');
    expect(result.text).toContain('LOCATION:Living room\\, by the fire');
    expect(result.text).toContain('DTSTART;TZID=America/Chicago:20270228T190000');
    expect(result.text).toContain('EXDATE;TZID=America/Chicago:20270321T190000');

    const root = new ICAL.Component(ICAL.parse(result.text));
    for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const weekly = events.find((e) => e.isRecurring())!;
    const iterator = weekly.iterator();
    const seen: string[] = [];
    for (let next = iterator.next(); next && seen.length < 5; next = iterator.next()) {
      const at = next.toJSDate();
      const wall = wallClock(at, 'America/Chicago');
      seen.push(`${wall.date} ${wall.time} ${at.toISOString().slice(11, 16)}Z`);
    }
    // Daylight time starts on 14 March 2027: 19:00 local is 01:00Z before and 00:00Z after.
    expect(seen).toEqual([
      '2027-02-28 19:00 01:00Z',
      '2027-03-07 19:00 01:00Z',
      '2027-03-14 19:00 00:00Z',
      '2027-03-28 19:00 00:00Z',
      '2027-04-04 19:00 00:00Z',
    ]);
    const emergency = events.find((e) => e.summary === 'Maple weekly meeting — emergency')!;
    expect(wallClock(emergency.startDate.toJSDate(), 'America/Chicago')).toMatchObject({
      date: '2027-03-10',
      time: '17:30',
    });
  });

  it('should carry when, where and which house only: never an agenda item or its minutes', async () => {
    const [meeting] = await testDb()
      .select()
      .from(houseMeetings)
      .where(eq(houseMeetings.residenceId, houseA))
      .limit(1);
    await testDb().insert(agendaItems).values({
      organizationId: admin.organizationId,
      residenceId: houseA,
      meetingId: meeting!.id,
      title: 'NoteWordsOfTheAgenda',
      details: 'NoteWordsOfTheDetails',
      minutes: 'NoteWordsOfTheMinutes',
      position: 1,
    });
    const feed = await subscribe(resident);
    const result = await call('GET', pathOf(feed.url));
    expect(result.status).toBe(200);
    expect(result.text).toContain('Maple weekly meeting');
    expect(result.text).not.toMatch(/NoteWords/);
  });

  it('should stop working once revoked; only its owner (or an admin) can revoke it', async () => {
    const feed = await subscribe(resident);
    expect((await call('DELETE', `/api/calendar-feeds/${feed.id}`, { as: leader })).status).toBe(404);
    expect((await call('DELETE', `/api/calendar-feeds/${feed.id}`, { as: otherOrgAdmin })).status).toBe(404);
    expect((await call('DELETE', `/api/calendar-feeds/${feed.id}`, { as: resident })).status).toBe(200);
    expect((await call('GET', pathOf(feed.url))).status).toBe(404);
    expect((await call('DELETE', `/api/calendar-feeds/${feed.id}`, { as: resident })).status).toBe(404);
    const another = await subscribe(resident);
    expect((await call('DELETE', `/api/calendar-feeds/${another.id}`, { as: admin })).status).toBe(200);
    const list = await call('GET', '/api/calendar-feeds', { as: resident });
    expect(list.body.feeds.map((f: { id: string }) => f.id)).not.toContain(another.id);
  });

  it('should answer 404 for an unknown address and 400 for one that is not a calendar address', async () => {
    const unknown = await call('GET', `/api/calendar/${'x'.repeat(43)}.ics`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.reason).toBe('request.not_found');
    expect((await call('GET', '/api/calendar/short.ics')).status).toBe(400);
    expect((await call('GET', `/api/calendar/${'x'.repeat(43)}.json`)).status).toBe(400);
  });

  it('should fail with 409 calendars.too_many_addresses past 10 addresses per person', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId: houseB });
    for (let i = 0; i < 10; i++) await subscribe(person);
    const eleventh = await call('POST', '/api/calendar-feeds', { as: person, body: { scope: 'person' } });
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.error).toMatchObject({ code: 'conflict', reason: 'calendars.too_many_addresses' });
  });
});

describe('a residence calendar address', () => {
  it('should be for the house’s peer leaders and admins only', async () => {
    const body = { scope: 'residence', residenceId: houseA };
    const made = await subscribe(leader, body);
    expect(made).toMatchObject({ scope: 'residence' });
    const calendar = await call('GET', pathOf(made.url));
    expect(calendar.text).toContain('X-WR-CALNAME:House meetings · Maple House');
    expect(calendar.text).toContain('Maple weekly meeting');
    await subscribe(admin, body);
    expect((await call('POST', '/api/calendar-feeds', { as: resident, body })).status).toBe(403);
    expect((await call('POST', '/api/calendar-feeds', { as: otherLeader, body })).status).toBe(403);
    expect((await call('POST', '/api/calendar-feeds', { as: otherOrgAdmin, body })).status).toBe(404);
    expect((await call('POST', '/api/calendar-feeds', { body })).status).toBe(401);
  });

  it.each([
    [
      { scope: 'residence' },
      'residenceId',
      'calendars.residence_required',
      'is required for a residence calendar',
    ],
    [
      { scope: 'person', residenceId: '00000000-0000-4000-8000-000000000000' },
      'residenceId',
      'calendars.residence_not_for_person',
      'must be empty for a personal calendar',
    ],
    [{ scope: 'house' }, 'scope', 'field.not_an_option', 'must be person or residence'],
  ])('should fail with 400 naming the field and its reason for %j', async (body, field, reason, message) => {
    const result = await call('POST', '/api/calendar-feeds', { as: leader, body });
    expect(result.status).toBe(400);
    expect(result.body.error.reason).toBe('request.invalid');
    expect(result.body.error.fields).toContainEqual({ field, reason, message });
  });

  it('should fail with 403 calendars.residence_for_staff when a resident or another house’s peer leader asks', async () => {
    const body = { scope: 'residence', residenceId: houseA };
    for (const as of [resident, otherLeader]) {
      const result = await call('POST', '/api/calendar-feeds', { as, body });
      expect(result.status).toBe(403);
      expect(result.body.error).toMatchObject({ code: 'forbidden', reason: 'calendars.residence_for_staff' });
    }
  });
});

describe('the public calendar of outside meetings', () => {
  it('should list the public weekly meetings only, each in its own zone, open to anyone', async () => {
    const add = async (body: Record<string, unknown>) => {
      const made = await call('POST', '/api/outside-meetings', {
        as: admin,
        body: { timeZone: 'America/Chicago', types: ['O'], ...body },
      });
      expect(made.status, made.text).toBe(201);
    };
    await add({
      name: 'Tuesday Thursday Open',
      days: [2, 4],
      time: '19:30',
      endTime: '20:45',
      location: 'St. Mark’s Hall',
      formattedAddress: '1 Elm St, Springfield, IL',
      notes: 'Coffee from 19:00',
      isPublic: true,
    });
    await add({
      name: 'Online Sunday',
      days: [0],
      time: '23:30',
      timeZone: 'America/Denver',
      conferenceUrl: 'https://meet.jit.si/sunday',
      formattedAddress: 'Denver, CO',
      approximate: true,
      isPublic: true,
    });
    await add({ name: 'Not Shared', days: [1], time: '12:00', isPublic: false });
    await add({ name: 'By appointment', days: [], time: null, isPublic: true });

    const list = await call('GET', '/api/outside-meetings', { as: resident });
    const calendarPath = list.body.calendarPath as string;
    expect(calendarPath).toMatch(/^\/api\/public\/[a-z0-9-]+\/meetings\.ics$/);
    const answer = await call('GET', calendarPath);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect(answer.headers['set-cookie']).toBeUndefined();
    const calendar = new ICAL.Component(ICAL.parse(answer.text));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.summary).sort()).toEqual(['Online Sunday', 'Tuesday Thursday Open']);
    const open = events.find((e) => e.summary === 'Tuesday Thursday Open')!;
    expect(open.location).toBe('St. Mark’s Hall, 1 Elm St, Springfield, IL');
    expect(open.description).toBe('Coffee from 19:00');
    expect(open.startDate.zone.tzid).toBe('America/Chicago');
    expect(open.startDate.toString().slice(11)).toBe('19:30:00');
    expect(open.duration.toSeconds()).toBe(75 * 60);
    const rule = open.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).toBe('WEEKLY');
    expect(rule.getComponent('byday')).toEqual(['TU', 'TH']);
    expect([2, 4]).toContain(open.startDate.dayOfWeek() - 1);
    const online = events.find((e) => e.summary === 'Online Sunday')!;
    expect(online.startDate.zone.tzid).toBe('America/Denver');
    expect(online.startDate.dayOfWeek()).toBe(1);
    expect(online.duration.toSeconds()).toBe(60 * 60);
    expect(online.component.getFirstPropertyValue('url')).toBe('https://meet.jit.si/sunday');
    expect(
      calendar
        .getAllSubcomponents('vtimezone')
        .map((z) => z.getFirstPropertyValue('tzid'))
        .sort(),
    ).toEqual(['America/Chicago', 'America/Denver']);
    expect(answer.text).not.toContain(admin.lastName);
    expect(answer.text).not.toContain('Not Shared');
  });

  it('should answer 404 for an unknown organization', async () => {
    const missing = await call('GET', '/api/public/no-such-organization/meetings.ics');
    expect(missing.status).toBe(404);
  });
});
