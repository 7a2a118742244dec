import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../../shared/domain/notifications.ts';
import { call, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import { notificationSettings, notifications, realtimeEvents } from '../../platform/database/schema.ts';
import { notifyPeople } from '../../platform/notify.ts';

let admin: TestPerson;
let ana: TestPerson;
let ben: TestPerson;
let houseId: string;
let otherOrgAdmin: TestPerson;

const notify = (
  people: TestPerson[],
  kind: NotificationKind,
  data: Record<string, string | number | null> = {},
  urgent = false,
) =>
  notifyPeople(testDb(), {
    organizationId: admin.organizationId,
    personIds: people.map((p) => p.id),
    kind,
    data,
    urgent,
  });
const listOf = async (person: TestPerson, query = '') =>
  (await call('GET', `/api/notifications${query}`, { as: person })).body;

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { timeZone: 'America/Chicago' })).id;
  ana = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Ana' });
  ben = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Ben' });
  otherOrgAdmin = (await buildOtherOrganization()).admin;
});

describe('GET /api/notifications', () => {
  it('should list my notifications of every kind, newest first, with their data and the urgent flag', async () => {
    await notify([ana], 'support_offer', { requestId: crypto.randomUUID(), helperName: 'Ben B.' });
    await notify([ana], 'reach_out_alert', { alertId: crypto.randomUUID(), personName: 'Cal C.' }, true);
    // A kind an earlier version stored and no area sends any more still lists.
    await notify([ana], 'a_kind_nobody_knows_yet' as NotificationKind, { count: 2 });
    const list = await listOf(ana);
    expect(list.notifications.map((n: { kind: string }) => n.kind)).toEqual([
      'a_kind_nobody_knows_yet',
      'reach_out_alert',
      'support_offer',
    ]);
    expect(list.notifications[1]).toMatchObject({
      urgent: true,
      data: { personName: 'Cal C.' },
      readAt: null,
      meetingId: null,
    });
    expect(list.notifications[1].data).not.toHaveProperty('urgent');
    expect(list.notifications[2]).toMatchObject({ urgent: false, data: { helperName: 'Ben B.' } });
    expect(list.unread).toBe(3);
    expect(list.nextBefore).toBeNull();
  });

  it('should never show me anyone else’s notifications', async () => {
    await notify([ben], 'chat_message', { conversationId: crypto.randomUUID(), fromName: 'Ana A.' });
    const anas = await listOf(ana);
    expect(anas.notifications.some((n: { kind: string }) => n.kind === 'chat_message')).toBe(false);
    expect((await listOf(otherOrgAdmin)).notifications).toEqual([]);
  });

  it('should page through older ones with before', async () => {
    const reader = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    for (let i = 0; i < 53; i += 1) await notify([reader], 'congratulations', { n: i });
    const first = await listOf(reader);
    expect(first.notifications).toHaveLength(50);
    expect(first.nextBefore).toEqual(expect.any(String));
    const second = await listOf(reader, `?before=${encodeURIComponent(first.nextBefore)}`);
    expect(second.notifications.map((n: { data: { n: number } }) => n.data.n)).toEqual([2, 1, 0]);
    expect(second.nextBefore).toBeNull();
  });

  it('should skip none made in the same moment when a page ends among them', async () => {
    const reader = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    // One transaction: all 55 have the very same time (now()), so only the id tells them apart.
    await testDb().transaction(async (tx) => {
      for (let n = 0; n < 55; n += 1) {
        await notifyPeople(tx, {
          organizationId: admin.organizationId,
          personIds: [reader.id],
          kind: 'congratulations',
          data: { n },
        });
      }
    });
    const first = await listOf(reader);
    const second = await listOf(reader, `?before=${encodeURIComponent(first.nextBefore)}`);
    expect(second.error).toBeUndefined();
    const ids = [...first.notifications, ...second.notifications].map((n: { id: string }) => n.id);
    expect(second.notifications).toHaveLength(5);
    expect(new Set(ids).size).toBe(55);
    expect(second.nextBefore).toBeNull();
  });

  it('should take a plain time as before, for those older than it', async () => {
    const reader = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    await notify([reader], 'congratulations', { n: 1 });
    expect((await listOf(reader, '?before=2000-01-01T00:00:00Z')).notifications).toEqual([]);
    expect((await listOf(reader, '?before=2199-01-01T00:00:00Z')).notifications).toHaveLength(1);
  });

  it('should refuse a before that is not a time, naming the field', async () => {
    const result = await call('GET', '/api/notifications?before=yesterday', { as: ana });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'before', reason: expect.stringMatching(/^field\./), message: expect.any(String) },
    ]);
  });

  it('should refuse someone not signed in', async () => {
    expect((await call('GET', '/api/notifications')).status).toBe(401);
  });
});

describe('marking read', () => {
  it('should mark one of mine read, keep the first time, and tell my other screens the new count', async () => {
    const [id] = await notify([ana], 'mentor_request', { mentorshipId: crypto.randomUUID() });
    const before = (await listOf(ana)).unread;
    expect((await call('POST', `/api/notifications/${id}/read`, { as: ana })).status).toBe(200);
    const [row] = await testDb().select().from(notifications).where(eq(notifications.id, id!));
    expect((await call('POST', `/api/notifications/${id}/read`, { as: ana })).status).toBe(200);
    const [again] = await testDb().select().from(notifications).where(eq(notifications.id, id!));
    expect(again!.readAt).toEqual(row!.readAt);
    expect((await listOf(ana)).unread).toBe(before - 1);
    const events = await testDb()
      .select()
      .from(realtimeEvents)
      .where(eq(realtimeEvents.type, 'notification.read'));
    expect(events.at(-1)).toMatchObject({ recipients: [ana.id], payload: { unread: before - 1 } });
  });

  it('should not let anyone else mark mine read, nor tell them it exists', async () => {
    const [id] = await notify([ana], 'skill_match', { skill: 'cooking' });
    expect((await call('POST', `/api/notifications/${id}/read`, { as: ben })).status).toBe(404);
    expect((await call('POST', `/api/notifications/${id}/read`, { as: otherOrgAdmin })).status).toBe(404);
    const [row] = await testDb().select().from(notifications).where(eq(notifications.id, id!));
    expect(row!.readAt).toBeNull();
  });

  it('should refuse an id that is not an id', async () => {
    const result = await call('POST', '/api/notifications/not-an-id/read', { as: ana });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'id', reason: 'field.not_an_id', message: 'must be an id' },
    ]);
  });

  it('should mark all of mine read at once, and nobody else’s', async () => {
    await notify([ana, ben], 'meeting_reminder', { meetingId: crypto.randomUUID() });
    const bensBefore = (await listOf(ben)).unread;
    const result = await call('POST', '/api/notifications/read-all', { as: ana });
    expect(result.status).toBe(200);
    expect(result.body.marked).toBeGreaterThan(0);
    expect((await listOf(ana)).unread).toBe(0);
    expect((await listOf(ana)).notifications.every((n: { readAt: string | null }) => n.readAt)).toBe(true);
    expect((await listOf(ben)).unread).toBe(bensBefore);
    expect((await call('POST', '/api/notifications/read-all', { as: ana })).body).toEqual({ marked: 0 });
  });
});

describe('notification settings', () => {
  it('should start with every topic by push, no quiet hours, in my house’s time zone', async () => {
    const result = await call('GET', '/api/notifications/settings', { as: ben });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      mutedTopics: [],
      quietFrom: null,
      quietUntil: null,
      timeZone: 'America/Chicago',
    });
  });

  it('should keep what I change and leave the rest', async () => {
    const first = await call('PATCH', '/api/notifications/settings', {
      as: ben,
      body: { mutedTopics: ['chat', 'meetings', 'chat'], quietFrom: '22:30', quietUntil: '06:45' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      mutedTopics: ['chat', 'meetings'],
      quietFrom: '22:30',
      quietUntil: '06:45',
    });
    const second = await call('PATCH', '/api/notifications/settings', { as: ben, body: { mutedTopics: [] } });
    expect(second.body).toMatchObject({ mutedTopics: [], quietFrom: '22:30', quietUntil: '06:45' });
    const third = await call('PATCH', '/api/notifications/settings', {
      as: ben,
      body: { quietFrom: null, quietUntil: null },
    });
    expect(third.body).toMatchObject({ quietFrom: null, quietUntil: null });
    expect((await call('GET', '/api/notifications/settings', { as: ana })).body.mutedTopics).toEqual([]);
  });

  it.each([
    [{ mutedTopics: ['gossip'] }, 'mutedTopics.0', 'field.not_an_option'],
    [{ quietFrom: '22:00' }, 'quietUntil', 'notifications.quiet_hours_incomplete'],
    [{ quietFrom: '22:00', quietUntil: null }, 'quietUntil', 'notifications.quiet_hours_incomplete'],
    [{ quietFrom: '25:00', quietUntil: '07:00' }, 'quietFrom', 'field.characters'],
    [{ quietFrom: '07:00', quietUntil: '07:00' }, 'quietUntil', 'notifications.quiet_hours_same'],
    [{ quietFrom: '22:00', quietUntil: '7am' }, 'quietUntil', 'field.characters'],
    [{ somethingElse: true }, 'somethingElse', 'field.unknown'],
  ])('should refuse %j, naming %s with reason %s, and change nothing', async (body, field, reason) => {
    const before = (await call('GET', '/api/notifications/settings', { as: ana })).body;
    const result = await call('PATCH', '/api/notifications/settings', { as: ana, body });
    expect(result.status).toBe(400);
    expect(result.body.error.reason).toBe('request.invalid');
    expect(result.body.error.fields).toContainEqual(expect.objectContaining({ field, reason }));
    expect((await call('GET', '/api/notifications/settings', { as: ana })).body).toEqual(before);
  });
});

describe('the demo', () => {
  it('should give a peer leader quiet hours and residents notifications of several kinds, none left to push', async () => {
    const seeded = await testDb()
      .select()
      .from(notifications)
      .where(sql`${notifications.dedupeKey} like 'demo:%'`);
    expect(new Set(seeded.map((n) => n.kind)).size).toBeGreaterThanOrEqual(5);
    expect(seeded.some((n) => n.readAt === null)).toBe(true);
    expect(seeded.every((n) => n.pushedAt !== null)).toBe(true);
    const quiet = await testDb().select().from(notificationSettings);
    expect(quiet).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ quietFrom: '22:00', quietUntil: '07:00', mutedTopics: ['chat'] }),
      ]),
    );
  });
});
