import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate, weekStartOf } from '../../../shared/domain/dates.ts';
import { call, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import { auditEvents, houseMeetingSettings } from '../../platform/database/schema.ts';

let admin: TestPerson;
let houseA: string;
let houseB: string;
let resident: TestPerson;
let housemate: TestPerson;
let leader: TestPerson;
let otherLeader: TestPerson;
let otherHouseResident: TestPerson;
let otherOrgAdmin: TestPerson;

const meeting = (overrides: Record<string, unknown> = {}) => ({
  name: 'Monday Night Big Book',
  days: [1],
  time: '19:00',
  timeZone: 'America/Chicago',
  types: ['O', 'B'],
  fellowship: 'aa',
  languages: ['en'],
  formattedAddress: '12 Elm St, Springfield',
  ...overrides,
});

/** The house's weekly goal (house meetings own its settings route; this sets the row it reads). */
async function setWeeklyGoal(residenceId: string, goal: number | null) {
  await testDb()
    .insert(houseMeetingSettings)
    .values({ residenceId, organizationId: admin.organizationId, weeklyOutsideGoal: goal })
    .onConflictDoUpdate({ target: houseMeetingSettings.residenceId, set: { weeklyOutsideGoal: goal } });
}

const today = () => localDate('America/Chicago');

beforeAll(async () => {
  admin = await setUpOrganization();
  houseA = (await buildResidence(admin, { timeZone: 'America/Chicago', bedCapacity: 20 })).id;
  houseB = (await buildResidence(admin)).id;
  resident = await buildPerson(admin, {
    role: 'resident',
    residenceId: houseA,
    firstName: 'Ana',
    lastName: 'Zabaleta',
  });
  housemate = await buildPerson(admin, { role: 'resident', residenceId: houseA, firstName: 'Ben' });
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseA });
  otherLeader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseB });
  otherHouseResident = await buildPerson(admin, { role: 'resident', residenceId: houseB });
  otherOrgAdmin = (await buildOtherOrganization()).admin;
});

describe('the directory', () => {
  it('should let an admin add a meeting with spec type codes, and give it a URL-safe slug', async () => {
    const created = await call('POST', '/api/outside-meetings', {
      as: admin,
      body: meeting({
        name: 'Reunión de Mujeres — Martes',
        types: ['W', 'C', 'S'],
        languages: ['es'],
        isPublic: true,
      }),
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      slug: 'reunion-de-mujeres-martes',
      types: ['W', 'C', 'S'],
      isPublic: true,
      online: false,
      source: 'local',
    });
  });

  it('should give a second meeting with the same name its own slug', async () => {
    const first = await call('POST', '/api/outside-meetings', {
      as: admin,
      body: meeting({ name: 'Same Name' }),
    });
    const second = await call('POST', '/api/outside-meetings', {
      as: admin,
      body: meeting({ name: 'Same Name' }),
    });
    expect(second.status).toBe(201);
    expect(second.body.slug).not.toBe(first.body.slug);
    expect(second.body.slug).toMatch(/^same-name-[0-9a-f]{6}$/);
  });

  it.each([
    [{ types: ['W', 'ONL'] }, 'types.1', 'outside_meetings.unknown_type', 'is not a Meeting Guide type code'],
    [{ time: '25:00' }, 'time', 'field.characters', 'must be a time like 19:30 (00:00–23:59)'],
    [{ days: [7] }, 'days.0', 'field.too_big', 'must be a day from 0 (Sunday) to 6 (Saturday)'],
    [{ days: [1, 1] }, 'days', 'outside_meetings.repeated_day', 'must not repeat a day'],
    [{ time: null }, 'time', 'outside_meetings.time_required', 'is required when a day is chosen'],
    [
      { notes: 'Meet at <a href="x">the hall</a>' },
      'notes',
      'outside_meetings.not_plain_text',
      'must be plain text, without HTML',
    ],
    [
      { conferenceUrl: 'javascript:alert(1)' },
      'conferenceUrl',
      'field.not_a_url',
      'must be a web address starting with https://',
    ],
    [
      { timeZone: 'Mars/Base' },
      'timeZone',
      'field.time_zone',
      'must be an IANA time zone like America/Chicago',
    ],
    [{ languages: ['xx'] }, 'languages.0', 'field.not_an_option', 'is not a language we list'],
  ])(
    'should refuse %j with 400 naming the field and its reason',
    async (overrides, field, reason, message) => {
      const result = await call('POST', '/api/outside-meetings', { as: admin, body: meeting(overrides) });
      expect(result.status, result.text).toBe(400);
      expect(result.body.error.reason).toBe('request.invalid');
      expect(result.body.error.fields).toContainEqual(expect.objectContaining({ field, reason, message }));
    },
  );

  it('should let a peer leader add a meeting, never published', async () => {
    const created = await call('POST', '/api/outside-meetings', {
      as: leader,
      body: meeting({ name: 'Leader pick', isPublic: true }),
    });
    expect(created.status).toBe(201);
    expect(created.body.isPublic).toBe(false);
  });

  it('should refuse a resident adding to the directory (403), and a peer leader editing or deleting it', async () => {
    expect((await call('POST', '/api/outside-meetings', { as: resident, body: meeting() })).status).toBe(403);
    const made = await call('POST', '/api/outside-meetings', {
      as: admin,
      body: meeting({ name: 'Locked' }),
    });
    expect(
      (await call('PATCH', `/api/outside-meetings/${made.body.id}`, { as: leader, body: { name: 'X' } }))
        .status,
    ).toBe(403);
    expect((await call('DELETE', `/api/outside-meetings/${made.body.id}`, { as: leader })).status).toBe(403);
  });

  it('should let an admin change and delete an entry; the slug stays; another organization gets 404', async () => {
    const made = await call('POST', '/api/outside-meetings', {
      as: admin,
      body: meeting({ name: 'Change Me' }),
    });
    const changed = await call('PATCH', `/api/outside-meetings/${made.body.id}`, {
      as: admin,
      body: { name: 'Changed', conferenceUrl: 'https://zoom.us/j/42', days: [2, 4] },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Changed', slug: made.body.slug, online: true, days: [2, 4] });
    const unweekly = await call('PATCH', `/api/outside-meetings/${made.body.id}`, {
      as: admin,
      body: { time: null },
    });
    expect(unweekly.status).toBe(400);
    expect(unweekly.body.error.fields).toEqual([
      expect.objectContaining({ field: 'time', reason: 'outside_meetings.time_required' }),
    ]);
    const nothing = await call('PATCH', `/api/outside-meetings/${made.body.id}`, { as: admin, body: {} });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.fields).toEqual([
      expect.objectContaining({ reason: 'outside_meetings.nothing_to_change' }),
    ]);
    expect(
      (
        await call('PATCH', `/api/outside-meetings/${made.body.id}`, {
          as: otherOrgAdmin,
          body: { name: 'Mine' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call('DELETE', `/api/outside-meetings/${made.body.id}`, { as: otherOrgAdmin })).status,
    ).toBe(404);
    expect((await call('DELETE', `/api/outside-meetings/${made.body.id}`, { as: admin })).status).toBe(200);
    expect((await call('DELETE', `/api/outside-meetings/${made.body.id}`, { as: admin })).status).toBe(404);
  });

  it('should let residents browse with filters: type, language, focus, fellowship, day, online, words', async () => {
    await call('POST', '/api/outside-meetings', {
      as: admin,
      body: meeting({
        name: 'SMART Online Thursday',
        fellowship: 'smart',
        types: [],
        days: [4],
        conferenceUrl: 'https://meet.jit.si/smart',
      }),
    });
    await call('POST', '/api/outside-meetings', {
      as: admin,
      body: meeting({
        name: 'Young People Saturday',
        types: ['Y', 'O'],
        days: [6],
        programFocus: ['young_adults'],
      }),
    });
    const names = async (query: string) =>
      (
        (await call('GET', `/api/outside-meetings${query}`, { as: resident })).body.meetings as {
          name: string;
        }[]
      ).map((m) => m.name);
    expect(await names('?type=W')).toEqual(['Reunión de Mujeres — Martes']);
    expect(await names('?language=es')).toEqual(['Reunión de Mujeres — Martes']);
    expect(await names('?focus=young_adults')).toEqual(['Young People Saturday']);
    expect(await names('?fellowship=smart')).toEqual(['SMART Online Thursday']);
    expect(await names('?day=6')).toEqual(['Young People Saturday']);
    expect(await names('?online=true')).toEqual(['SMART Online Thursday']);
    expect(await names('?online=false')).not.toContain('SMART Online Thursday');
    expect(await names('?q=young')).toEqual(['Young People Saturday']);
    expect(await names('?q=%25')).toEqual([]);
    const list = await call('GET', '/api/outside-meetings', { as: resident });
    expect(list.body).toMatchObject({ canAdd: false, canCurate: false, feedPath: null });
    const adminList = await call('GET', '/api/outside-meetings', { as: admin });
    expect(adminList.body.feedPath).toMatch(/^\/api\/public\/[a-z0-9-]+\/meetings\.json$/);
    expect((await call('GET', '/api/outside-meetings?type=ONL', { as: resident })).status).toBe(400);
    expect((await call('GET', '/api/outside-meetings?day=9', { as: resident })).status).toBe(400);
    const ours = (list.body.meetings as { id: string }[]).map((m) => m.id);
    const theirs = (await call('GET', '/api/outside-meetings', { as: otherOrgAdmin })).body.meetings as {
      id: string;
    }[];
    expect(theirs.filter((m) => ours.includes(m.id))).toEqual([]);
    expect((await call('GET', '/api/outside-meetings')).status).toBe(401);
  });
});

describe('attendance', () => {
  let directoryId: string;
  beforeAll(async () => {
    directoryId = (
      await call('POST', '/api/outside-meetings', { as: admin, body: meeting({ name: 'Attended One' }) })
    ).body.id;
    await setWeeklyGoal(houseA, 3);
  });

  it('should log a meeting from the directory and one by name, and count this week against the goal', async () => {
    const fromDirectory = await call('POST', '/api/outside-attendance', {
      as: resident,
      body: { outsideMeetingId: directoryId, attendedOn: today() },
    });
    expect(fromDirectory.status, fromDirectory.text).toBe(201);
    expect(fromDirectory.body).toMatchObject({ name: 'Attended One', outsideMeetingId: directoryId });
    const byName = await call('POST', '/api/outside-attendance', {
      as: resident,
      body: { name: 'Church basement NA', attendedOn: today() },
    });
    expect(byName.status).toBe(201);
    const lastWeek = addDays(weekStartOf(today()), -1);
    await call('POST', '/api/outside-attendance', {
      as: resident,
      body: { name: 'Last week', attendedOn: lastWeek },
    });
    const mine = await call('GET', '/api/outside-attendance', { as: resident });
    expect(mine.body).toMatchObject({ thisWeek: 2, goal: 3, weekStart: weekStartOf(today()) });
    expect(mine.body.recent).toHaveLength(3);
  });

  it.each([
    [
      { attendedOn: '2026-01-01' },
      'name',
      'outside_meetings.name_required',
      'is required when the meeting is not listed',
    ],
    [
      { name: 'x', attendedOn: 'yesterday' },
      'attendedOn',
      'field.not_a_date',
      'must be a date like 2026-01-31',
    ],
    [
      { name: '<b>x</b>', attendedOn: '2026-01-01' },
      'name',
      'outside_meetings.not_plain_text',
      'must be plain text, without HTML',
    ],
  ])('should refuse %j naming the field and its reason', async (body, field, reason, message) => {
    const result = await call('POST', '/api/outside-attendance', { as: resident, body });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toContainEqual(expect.objectContaining({ field, reason, message }));
  });

  it('should fail with 400 outside_meetings.attended_in_future / attended_too_long_ago / unknown_meeting', async () => {
    const future = await call('POST', '/api/outside-attendance', {
      as: resident,
      body: { name: 'x', attendedOn: addDays(today(), 3) },
    });
    expect(future.status).toBe(400);
    expect(future.body.error.reason).toBe('outside_meetings.attended_in_future');
    expect(future.body.error.fields).toEqual([
      expect.objectContaining({ field: 'attendedOn', reason: 'outside_meetings.attended_in_future' }),
    ]);
    const old = await call('POST', '/api/outside-attendance', {
      as: resident,
      body: { name: 'x', attendedOn: addDays(today(), -200) },
    });
    expect(old.status).toBe(400);
    expect(old.body.error.reason).toBe('outside_meetings.attended_too_long_ago');
    expect(old.body.error.fields).toEqual([
      expect.objectContaining({
        field: 'attendedOn',
        reason: 'outside_meetings.attended_too_long_ago',
        params: { days: 90 },
      }),
    ]);
    const foreign = await call('POST', '/api/outside-meetings', {
      as: otherOrgAdmin,
      body: meeting({ name: 'Theirs' }),
    });
    const result = await call('POST', '/api/outside-attendance', {
      as: resident,
      body: { outsideMeetingId: foreign.body.id, attendedOn: today() },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.reason).toBe('outside_meetings.unknown_meeting');
    expect(result.body.error.fields).toEqual([
      expect.objectContaining({ field: 'outsideMeetingId', reason: 'outside_meetings.unknown_meeting' }),
    ]);
  });

  it('should let only the person remove their own entry (others: 404)', async () => {
    const made = await call('POST', '/api/outside-attendance', {
      as: housemate,
      body: { name: 'Mine', attendedOn: today() },
    });
    expect((await call('DELETE', `/api/outside-attendance/${made.body.id}`, { as: resident })).status).toBe(
      404,
    );
    expect((await call('DELETE', `/api/outside-attendance/${made.body.id}`, { as: admin })).status).toBe(404);
    expect((await call('DELETE', `/api/outside-attendance/${made.body.id}`, { as: housemate })).status).toBe(
      200,
    );
  });

  it('should keep an entry’s name when its meeting leaves the directory', async () => {
    const gone = await call('POST', '/api/outside-meetings', {
      as: admin,
      body: meeting({ name: 'Soon Gone' }),
    });
    await call('POST', '/api/outside-attendance', {
      as: housemate,
      body: { outsideMeetingId: gone.body.id, attendedOn: today() },
    });
    await call('DELETE', `/api/outside-meetings/${gone.body.id}`, { as: admin });
    const mine = await call('GET', '/api/outside-attendance', { as: housemate });
    expect(mine.body.recent).toContainEqual(
      expect.objectContaining({ name: 'Soon Gone', outsideMeetingId: null }),
    );
  });
});

describe('the peer leader’s weekly counts', () => {
  it('should show counts per resident per week, never which meetings or last names, and audit the read', async () => {
    const result = await call('GET', `/api/residences/${houseA}/outside-attendance?weeks=2`, { as: leader });
    expect(result.status, result.text).toBe(200);
    expect(result.body.goal).toBe(3);
    expect(result.body.weeks).toEqual([addDays(weekStartOf(today()), -7), weekStartOf(today())]);
    const ana = result.body.residents.find((r: { personId: string }) => r.personId === resident.id);
    expect(ana).toEqual({ personId: resident.id, displayName: 'Ana Z.', counts: [1, 2] });
    expect(result.text).not.toContain('Zabaleta');
    expect(result.text).not.toContain('Church basement');
    const audits = await testDb()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'outside_attendance.house.read'), eq(auditEvents.actorId, leader.id)),
      );
    expect(audits.length).toBeGreaterThan(0);
  });

  it('should answer 403 to a resident and to another house’s peer leader, 404 to another organization', async () => {
    expect((await call('GET', `/api/residences/${houseA}/outside-attendance`, { as: resident })).status).toBe(
      403,
    );
    expect(
      (await call('GET', `/api/residences/${houseA}/outside-attendance`, { as: otherLeader })).status,
    ).toBe(403);
    expect(
      (await call('GET', `/api/residences/${houseA}/outside-attendance`, { as: otherHouseResident })).status,
    ).toBe(403);
    expect(
      (await call('GET', `/api/residences/${houseA}/outside-attendance`, { as: otherOrgAdmin })).status,
    ).toBe(404);
    expect((await call('GET', `/api/residences/${houseA}/outside-attendance`, { as: admin })).status).toBe(
      200,
    );
    expect(
      (await call('GET', `/api/residences/${houseA}/outside-attendance?weeks=40`, { as: admin })).status,
    ).toBe(400);
  });
});
