// The peer leader's day (decision 0032): a raised signal reaches the house's peer leaders — a notification,
// pushed within their settings, and a live event — and nobody else, never with the person's words; Today
// reads it by person with what is new since the leader last looked; noting a person's signals can be
// taken back within a minute, and both steps are audited.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type CallOptions, call, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import { type PushReceiver, startPushReceiver } from '../../../test/push-receiver.ts';
import { openSocket, type TestSocket } from '../../../test/realtime.ts';
import { expectNothingFor } from '../../../test/wait.ts';
import { memberships, notifications, signals } from '../../platform/database/schema.ts';
import { drainPendingPushes, type PushOptions, sendPendingPushes } from '../notifications/sender.ts';
import { raiseSignal, raiseSilenceSignals } from './service.ts';

let app: FastifyInstance;
let base: string;
let receiver: PushReceiver;
let admin: TestPerson;
let houseId: string;
let otherHouseId: string;
let leader: TestPerson;
let coLeader: TestPerson;
let otherLeader: TestPerson;
let housemate: TestPerson;
let otherOrgAdmin: TestPerson;
const sockets: TestSocket[] = [];
const pushOptions: PushOptions = { subject: 'mailto:care@hearth.example.org', allowPrivateEndpoints: true };

const api = (method: string, url: string, options: CallOptions = {}) =>
  call(method, url, { app, ...options });
let sequence = 0;
const PRIVATE = 'ElenaPrivateGratitude';
const checkIn = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: `leader-day-${++sequence}`,
  mood: 4,
  craving: 2,
  gratitude: PRIVATE,
  intention: 'ElenaPrivateIntention',
  ...overrides,
});
const newResident = (firstName = 'Elena') =>
  buildPerson(admin, { role: 'resident', residenceId: houseId, firstName, lastName: 'Montoya' });
const socketOf = async (person: TestPerson) => {
  const socket = await openSocket(base, { cookie: person.cookie });
  sockets.push(socket);
  return socket;
};
const today = async (as: TestPerson = leader) => {
  const result = await api('GET', '/api/signals/today', { as });
  expect(result.status, result.text).toBe(200);
  return result;
};
const groupOf = async (person: TestPerson, as: TestPerson = leader) =>
  (await today(as)).body.houses
    .find((h: { residenceId: string }) => h.residenceId === houseId)
    ?.people.find((p: { personId: string }) => p.personId === person.id);
const signalNotifications = async (as: TestPerson, person: TestPerson) =>
  (await api('GET', '/api/notifications', { as })).body.notifications.filter(
    (n: { kind: string; data: { personId?: string } }) =>
      n.kind === 'signal' && n.data.personId === person.id,
  );
const auditOf = async (subjectId: string) =>
  (await api('GET', '/api/audit?limit=100', { as: admin })).body.events.filter(
    (e: { subjectId: string }) => e.subjectId === subjectId,
  );

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { name: 'Maple House', bedCapacity: 100 })).id;
  otherHouseId = (await buildResidence(admin, { name: 'Oak House' })).id;
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseId, firstName: 'Lena' });
  coLeader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseId, firstName: 'Cora' });
  otherLeader = await buildPerson(admin, { role: 'peer_leader', residenceId: otherHouseId });
  housemate = await newResident('Hugo');
  otherOrgAdmin = (await buildOtherOrganization()).admin;
  receiver = await startPushReceiver();
  app = await buildTestApp({ PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true' });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  for (const s of sockets) await s.close().catch(() => {});
  await app?.close();
  await receiver?.close();
});

describe('a raised signal reaches the peer leaders of the house', () => {
  it("should notify them and tell them live, with the person's name and the kind — never the words, and nobody else", async () => {
    const elena = await newResident();
    const leaderSocket = await socketOf(leader);
    const others = await Promise.all([otherLeader, housemate, admin].map(socketOf));
    await api('POST', '/api/check-ins', { as: elena, body: checkIn({ mood: 1 }) });
    const event = await leaderSocket.waitFor(
      'event',
      (m) => m.type === 'signals.raised' && m.payload.personId === elena.id,
    );
    expect(event.payload).toEqual({
      signalId: expect.any(String),
      residenceId: houseId,
      personId: elena.id,
      personName: 'Elena M.',
      signalKind: 'low_mood',
      severity: 'high',
      raisedAt: expect.any(String),
    });
    const [notification] = await signalNotifications(leader, elena);
    expect(notification).toMatchObject({
      kind: 'signal',
      data: { personName: 'Elena M.', signalKind: 'low_mood', residenceId: houseId },
    });
    expect(await signalNotifications(coLeader, elena)).toHaveLength(1);
    for (const person of [otherLeader, housemate, admin, elena]) {
      expect(await signalNotifications(person, elena)).toEqual([]);
    }
    await expectNothingFor(300, () => {
      for (const socket of others) {
        expect(socket.events().filter((m) => m.type.startsWith('signals.'))).toEqual([]);
      }
    });
    // Neither the notification rows nor any event carry what Elena wrote, or her last name.
    const rows = await testDb().select().from(notifications).where(eq(notifications.kind, 'signal'));
    const everything = JSON.stringify([rows, leaderSocket.messages]);
    for (const secret of [PRIVATE, 'ElenaPrivateIntention', 'Montoya'])
      expect(everything).not.toContain(secret);
  });

  it('should announce each signal once: a check-in changed again, a reset and silence are announced too', async () => {
    const elena = await newResident();
    const created = (await api('POST', '/api/check-ins', { as: elena, body: checkIn() })).body;
    await api('PATCH', `/api/check-ins/${created.id}`, { as: elena, body: { craving: 9 } });
    await api('PATCH', `/api/check-ins/${created.id}`, { as: elena, body: { craving: 10 } });
    const localDate = created.localDate as string;
    const reset = {
      organizationId: admin.organizationId,
      personId: elena.id,
      kind: 'reset' as const,
      severity: 'medium' as const,
      localDate,
    };
    await raiseSignal(testDb(), reset);
    await raiseSignal(testDb(), reset);
    const kinds = (await signalNotifications(leader, elena)).map(
      (n: { data: { signalKind: string } }) => n.data.signalKind,
    );
    expect(kinds.sort()).toEqual(['craving', 'reset']);

    const quiet = await newResident('Quinn');
    await testDb()
      .update(memberships)
      .set({ startsOn: '2026-01-01' })
      .where(and(eq(memberships.personId, quiet.id), eq(memberships.role, 'resident')));
    await raiseSilenceSignals(testDb(), new Date());
    expect(await signalNotifications(leader, quiet)).toMatchObject([{ data: { signalKind: 'silence' } }]);
  });

  it("should push within the peer leader's settings: a muted 'signals' topic stays in the list only", async () => {
    await drainPendingPushes(testDb(), pushOptions);
    receiver.received.length = 0;
    const subscribe = async (person: TestPerson, device: string) =>
      expect(
        (
          await api('POST', '/api/push/subscriptions', {
            as: person,
            body: { ...receiver.subscription(device), expirationTime: null, label: device },
          })
        ).status,
      ).toBe(201);
    await subscribe(leader, 'lena-phone');
    await subscribe(coLeader, 'cora-phone');
    const muted = await api('PATCH', '/api/notifications/settings', {
      as: coLeader,
      body: { mutedTopics: ['signals'] },
    });
    expect(muted.body.mutedTopics).toEqual(['signals']);
    const elena = await newResident();
    await api('POST', '/api/check-ins', { as: elena, body: checkIn({ craving: 9 }) });
    const report = await sendPendingPushes(testDb(), pushOptions);
    expect(report).toMatchObject({ delivered: 1, heldBack: 1 });
    expect(receiver.received.map((r) => [r.device, r.message.title, r.message.url])).toEqual([
      ['lena-phone', 'Someone may need you', '/today'],
    ]);
    // A lock screen never shows who: not even the name.
    expect(JSON.stringify(receiver.received)).not.toContain('Elena');
    expect(await signalNotifications(coLeader, elena)).toHaveLength(1);
  });
});

describe('GET /api/signals/today', () => {
  it('should group open signals by person, most pressing first word, and mark what is new since the leader looked', async () => {
    const elena = await newResident();
    const saved = await api('POST', '/api/check-ins', {
      as: elena,
      body: checkIn({ mood: 1, wantsSupport: true, supportKind: 'emotional' }),
    });
    const first = await groupOf(elena);
    expect(first).toMatchObject({ displayName: 'Elena M.', severity: 'high', isNew: true });
    expect(first.signals.map((s: { kind: string }) => s.kind).sort()).toEqual([
      'low_mood',
      'support_request',
    ]);
    expect(first.signals.find((s: { kind: string }) => s.kind === 'support_request').supportKind).toBe(
      'emotional',
    );
    const body = (await today()).text;
    expect(body).not.toContain(PRIVATE);
    expect(body).not.toContain('Montoya');

    const seen = await api('POST', `/api/residences/${houseId}/signals/seen`, {
      as: leader,
      body: { upTo: first.latestAt },
    });
    expect(seen.status, seen.text).toBe(200);
    const house = (await today()).body.houses.find((h: { residenceId: string }) => h.residenceId === houseId);
    expect(house.newSince).toBe(seen.body.lastSeenAt);
    expect(house.people.find((p: { personId: string }) => p.personId === elena.id)).toMatchObject({
      isNew: false,
    });
    // Looking is mine alone: the other peer leader still sees it as new.
    expect(await groupOf(elena, coLeader)).toMatchObject({ isNew: true });
    // An earlier look never moves the mark back.
    await api('POST', `/api/residences/${houseId}/signals/seen`, {
      as: leader,
      body: { upTo: '2026-01-01T00:00:00Z' },
    });
    expect((await groupOf(elena)).isNew).toBe(false);

    // Something new for Elena brings her back, with only that signal new.
    await raiseSignal(testDb(), {
      organizationId: admin.organizationId,
      personId: elena.id,
      kind: 'reset',
      severity: 'medium',
      localDate: saved.body.localDate,
    });
    const again = await groupOf(elena);
    expect(again.isNew).toBe(true);
    expect(
      again.signals.filter((s: { isNew: boolean }) => s.isNew).map((s: { kind: string }) => s.kind),
    ).toEqual(['reset']);
    expect(again.signals).toHaveLength(3);
  });

  it('should give only the houses I lead, nothing to an admin or another organization, and audit the read', async () => {
    const houses = (await today(otherLeader)).body.houses;
    expect(houses.map((h: { residenceId: string }) => h.residenceId)).toEqual([otherHouseId]);
    expect((await today(admin)).body).toEqual({ houses: [] });
    expect((await today(otherOrgAdmin)).body).toEqual({ houses: [] });
    expect((await api('GET', '/api/signals/today', { as: housemate })).status).toBe(403);
    expect(await auditOf(houseId)).toContainEqual(
      expect.objectContaining({ action: 'signals.read', actorId: leader.id }),
    );
  });

  it('should refuse to mark seen a house I do not lead (403) or of another organization (404)', async () => {
    const body = { upTo: new Date().toISOString() };
    expect(
      (await api('POST', `/api/residences/${houseId}/signals/seen`, { as: otherLeader, body })).status,
    ).toBe(403);
    expect(
      (await api('POST', `/api/residences/${houseId}/signals/seen`, { as: otherOrgAdmin, body })).status,
    ).toBe(404);
    const bad = await api('POST', `/api/residences/${houseId}/signals/seen`, {
      as: leader,
      body: { upTo: 'soon' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('noting a person and taking it back', () => {
  it('should note all of a person’s open signals, tell the other leader live, and undo it — both audited', async () => {
    const elena = await newResident();
    await api('POST', '/api/check-ins', { as: elena, body: checkIn({ mood: 1, craving: 9 }) });
    const coSocket = await socketOf(coLeader);
    const noted = await api('POST', `/api/residences/${houseId}/signals/people/${elena.id}/acknowledge`, {
      as: leader,
      body: {},
    });
    expect(noted.status, noted.text).toBe(200);
    expect(noted.body.signals).toHaveLength(2);
    expect(noted.body.signals[0].acknowledgement).toMatchObject({ byPersonId: leader.id, note: '' });
    expect(Date.parse(noted.body.undoUntil) - Date.now()).toBeGreaterThan(30_000);
    expect(await groupOf(elena)).toBeUndefined();
    await coSocket.waitFor('event', (m) => m.type === 'signals.changed' && m.payload.personId === elena.id);

    const again = await api('POST', `/api/residences/${houseId}/signals/people/${elena.id}/acknowledge`, {
      as: coLeader,
      body: { note: 'Talked after dinner' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('signals.nothing_open');

    const ids = noted.body.signals.map((s: { id: string }) => s.id);
    const notMine = await api('POST', '/api/signals/acknowledgements/undo', { as: coLeader, body: { ids } });
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.reason).toBe('signals.undo_not_yours');
    const undone = await api('POST', '/api/signals/acknowledgements/undo', { as: leader, body: { ids } });
    expect(undone.status, undone.text).toBe(200);
    expect(undone.body.signals.every((s: { acknowledgement: unknown }) => s.acknowledgement === null)).toBe(
      true,
    );
    expect((await groupOf(elena)).signals).toHaveLength(2);
    for (const id of ids) {
      const actions = (await auditOf(id)).map((e: { action: string; actorId: string }) => [
        e.action,
        e.actorId,
      ]);
      expect(actions).toEqual(
        expect.arrayContaining([
          ['signal.acknowledge', leader.id],
          ['signal.unacknowledge', leader.id],
        ]),
      );
    }
  });

  it('should keep an acknowledgement older than a minute (409 signals.undo_too_late), and refuse others', async () => {
    const elena = await newResident();
    await api('POST', '/api/check-ins', { as: elena, body: checkIn({ craving: 10 }) });
    const url = `/api/residences/${houseId}/signals/people/${elena.id}/acknowledge`;
    expect((await api('POST', url, { as: otherLeader, body: {} })).status).toBe(403);
    expect((await api('POST', url, { as: housemate, body: {} })).status).toBe(403);
    expect((await api('POST', url, { as: otherOrgAdmin, body: {} })).status).toBe(404);
    const noted = await api('POST', url, { as: leader, body: { note: 'Called her' } });
    const ids = noted.body.signals.map((s: { id: string }) => s.id);
    await testDb()
      .update(signals)
      .set({ acknowledgedAt: new Date(Date.now() - 61_000) })
      .where(eq(signals.id, ids[0]));
    const late = await api('POST', '/api/signals/acknowledgements/undo', { as: leader, body: { ids } });
    expect(late.status).toBe(409);
    expect(late.body.error.reason).toBe('signals.undo_too_late');
    const [kept] = await testDb().select().from(signals).where(eq(signals.id, ids[0]));
    expect(kept!.acknowledgement).toBe('Called her');
    expect(
      (await api('POST', '/api/signals/acknowledgements/undo', { as: otherOrgAdmin, body: { ids } })).status,
    ).toBe(404);
  });
});
