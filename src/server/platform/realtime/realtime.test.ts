// The realtime WebSocket on a listening app: who may connect (session cookie, Origin, channels), delivery
// by person id only, replay of missed events with ?after=<seq>, the cleanup of old events, the LISTEN
// connection coming back after a drop, and a signed-out session's socket being closed.
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REALTIME_CLOSE } from '../../../shared/contracts/realtime.ts';
import { buildTestApp, call, testDb } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  signIn,
  type TestPerson,
} from '../../../test/factories.ts';
import { connectSocket, openSocket, type Refusal, type TestSocket } from '../../../test/realtime.ts';
import { expectNothingFor } from '../../../test/wait.ts';
import { cleanUpRealtimeEvents } from './cleanup.ts';
import { publish } from './publish.ts';

let app: FastifyInstance;
let base: string;
let admin: TestPerson;
let houseA: string;
let houseB: string;
let ana: TestPerson;
let amir: TestPerson;
let leader: TestPerson;
let bea: TestPerson;
let otherAdmin: TestPerson;
let otherOrgId: string;
const open: TestSocket[] = [];

async function socketOf(person: TestPerson, options: { after?: number; channels?: string[] } = {}) {
  const socket = await openSocket(base, { cookie: person.cookie, ...options });
  open.push(socket);
  return socket;
}

async function refusal(options: Parameters<typeof connectSocket>[1]): Promise<Refusal> {
  const result = await connectSocket(base, options);
  if (!('refused' in result)) {
    await result.close();
    throw new Error('the socket was accepted');
  }
  return result;
}

const houseEvent = (recipients: string[], residenceId: string, n: number) =>
  publish(testDb(), {
    organizationId: admin.organizationId,
    recipients,
    type: 'test.house_event',
    payload: { residenceId, n },
  });

beforeAll(async () => {
  admin = await setUpOrganization();
  houseA = (await buildResidence(admin, { name: 'Maple House' })).id;
  houseB = (await buildResidence(admin, { name: 'Cedar House' })).id;
  ana = await buildPerson(admin, { role: 'resident', residenceId: houseA, firstName: 'Ana' });
  amir = await buildPerson(admin, { role: 'resident', residenceId: houseA, firstName: 'Amir' });
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseA });
  bea = await buildPerson(admin, { role: 'resident', residenceId: houseB, firstName: 'Bea' });
  otherAdmin = (await buildOtherOrganization()).admin;
  otherOrgId = otherAdmin.organizationId;
  app = await buildTestApp();
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  base = address;
});

afterAll(async () => {
  for (const s of open) await s.close().catch(() => {});
  await app?.close();
});

describe('GET /api/realtime: who may connect', () => {
  it('should refuse a socket without a session (401), before any upgrade', async () => {
    const refused = await refusal({});
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body).error.code).toBe('not_signed_in');
  });

  it('should refuse a session that was signed out (401)', async () => {
    const cookie = await signIn(ana.username);
    expect((await call('POST', '/api/auth/sign-out', { as: cookie })).status).toBe(200);
    const refused = await refusal({ cookie });
    expect(refused.status).toBe(401);
  });

  it("should refuse a page of another site even with the person's cookie (403 realtime.cross_site), and take this site's page", async () => {
    const refused = await refusal({ cookie: ana.cookie, origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body).error).toMatchObject({
      code: 'csrf_rejected',
      reason: 'realtime.cross_site',
    });
    expect((await refusal({ cookie: ana.cookie, origin: 'null' })).status).toBe(403);
    const same = await openSocket(base, { cookie: ana.cookie, origin: base });
    await same.close();
  });

  it('should answer a plain GET (no upgrade) with a clear 400 realtime.not_a_websocket, and an anonymous one with 401', async () => {
    const plain = await call('GET', '/api/realtime', { as: ana, app });
    expect(plain.status).toBe(400);
    expect(plain.body.error.reason).toBe('realtime.not_a_websocket');
    expect(plain.body.error.message).toContain('WebSocket');
    expect((await call('GET', '/api/realtime', { app })).status).toBe(401);
  });

  it("should refuse another organization's channel, and another house's for a resident (403)", async () => {
    expect((await refusal({ cookie: ana.cookie, channels: [`organization:${otherOrgId}`] })).status).toBe(
      403,
    );
    expect((await refusal({ cookie: ana.cookie, channels: [`house:${houseB}`] })).status).toBe(403);
    expect((await refusal({ cookie: ana.cookie, channels: [`person:${amir.id}`] })).status).toBe(403);
    // An admin sees every house of their own organization, and none of another's.
    expect((await refusal({ cookie: otherAdmin.cookie, channels: [`house:${houseA}`] })).status).toBe(403);
    expect(
      (await refusal({ cookie: otherAdmin.cookie, channels: [`organization:${admin.organizationId}`] }))
        .status,
    ).toBe(403);
  });

  it('should refuse a name that is no channel (400 realtime.unknown_channel naming the field) and a bad after (400)', async () => {
    const unknown = await refusal({ cookie: ana.cookie, channels: ['town:square'] });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error).toMatchObject({
      reason: 'realtime.unknown_channel',
      fields: [{ field: 'channels', reason: 'realtime.unknown_channel', params: { channel: 'town:square' } }],
    });
    const bad = await connectSocket(`${base}`, { cookie: ana.cookie, after: -3 });
    expect('refused' in bad && bad.status).toBe(400);
  });

  it('should refuse more than 20 channels at once (400 realtime.too_many_channels)', async () => {
    const channels = Array.from({ length: 21 }, () => `person:${ana.id}`);
    const refused = await refusal({ cookie: ana.cookie, channels });
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body).error).toMatchObject({
      reason: 'realtime.too_many_channels',
      fields: [{ field: 'channels', reason: 'realtime.too_many_channels', params: { maximum: 20 } }],
    });
  });

  it('should take channels the person may see: their house, organization and self; an admin any house of theirs', async () => {
    const mine = await socketOf(ana, {
      channels: [`house:${houseA}`, `organization:${admin.organizationId}`, `person:${ana.id}`],
    });
    const ready = await mine.waitFor('ready');
    expect(ready.channels.sort()).toEqual(
      [`house:${houseA}`, `organization:${admin.organizationId}`, `person:${ana.id}`].sort(),
    );
    const adminSocket = await socketOf(admin, { channels: [`house:${houseB}`] });
    expect((await adminSocket.waitFor('ready')).channels).toEqual([`house:${houseB}`]);
  });
});

describe('delivery', () => {
  it('should deliver an event to its recipients only: not to another house, not to another organization', async () => {
    const [anaSocket, amirSocket, beaSocket, otherSocket] = [
      await socketOf(ana),
      await socketOf(amir),
      await socketOf(bea),
      await socketOf(otherAdmin),
    ];
    const seq = await houseEvent([ana.id, amir.id, leader.id], houseA, 1);
    expect(seq).toEqual(expect.any(Number));
    const got = await anaSocket.waitFor('event', (e) => e.seq === seq);
    expect(got).toMatchObject({ type: 'test.house_event', payload: { residenceId: houseA, n: 1 } });
    await amirSocket.waitFor('event', (e) => e.seq === seq);
    await expectNothingFor(300, () => {
      expect(beaSocket.events().map((e) => e.seq)).not.toContain(seq);
      expect(otherSocket.events().map((e) => e.seq)).not.toContain(seq);
    });
  });

  it('should deliver an event published in a transaction at commit, and never one rolled back', async () => {
    const socket = await socketOf(ana);
    const rolledBack = await testDb()
      .transaction(async (tx) => {
        await publish(tx, {
          organizationId: admin.organizationId,
          recipients: [ana.id],
          type: 'test.rolled_back',
          payload: {},
        });
        throw new Error('changed my mind');
      })
      .catch((e: Error) => e.message);
    expect(rolledBack).toBe('changed my mind');
    const committed = await testDb().transaction(async (tx) =>
      publish(tx, {
        organizationId: admin.organizationId,
        recipients: [ana.id],
        type: 'test.committed',
        payload: {},
      }),
    );
    await socket.waitFor('event', (e) => e.seq === committed);
    await expectNothingFor(300, () => {
      expect(socket.events().map((e) => e.type)).not.toContain('test.rolled_back');
    });
  });

  it('should deliver an event too big to travel whole in the NOTIFY (fetched by its seq)', async () => {
    const socket = await socketOf(ana);
    const many = [ana.id, ...Array.from({ length: 250 }, () => crypto.randomUUID())];
    const seq = await publish(testDb(), {
      organizationId: admin.organizationId,
      recipients: many,
      type: 'test.big',
      payload: { note: 'x'.repeat(2000) },
    });
    const got = await socket.waitFor('event', (e) => e.seq === seq);
    expect(got.payload).toEqual({ note: 'x'.repeat(2000) });
  });

  it("should narrow to the channels subscribed to, and refuse another house's channel by message", async () => {
    const socket = await socketOf(leader);
    socket.ws.send(JSON.stringify({ kind: 'subscribe', channels: [`house:${houseB}`] }));
    const refused = await socket.waitFor('refused');
    expect(refused).toEqual({ kind: 'refused', channel: `house:${houseB}`, reason: 'forbidden' });
    socket.ws.send(JSON.stringify({ kind: 'subscribe', channels: [`house:${houseA}`] }));
    await socket.waitFor('subscribed', (m) => m.channels.includes(`house:${houseA}`));
    // Addressed to the leader, but about another house: filtered out by the channel.
    const elsewhere = await houseEvent([leader.id], houseB, 2);
    const here = await houseEvent([leader.id], houseA, 3);
    await socket.waitFor('event', (e) => e.seq === here);
    await expectNothingFor(300, () => {
      expect(socket.events().map((e) => e.seq)).not.toContain(elsewhere);
    });
    socket.ws.send(JSON.stringify({ kind: 'unsubscribe', channels: [`house:${houseA}`] }));
    await socket.waitFor('subscribed', (m) => m.channels.length === 0);
    const anywhere = await houseEvent([leader.id], houseB, 4);
    await socket.waitFor('event', (e) => e.seq === anywhere);
  });

  it('should close the oldest socket of a person who opens too many', async () => {
    const sockets: TestSocket[] = [];
    for (let i = 0; i < 13; i++) sockets.push(await socketOf(amir));
    const first = await sockets[0]!.closed;
    expect(first.code).toBe(REALTIME_CLOSE.tooMany);
    for (const s of sockets.slice(1)) await s.close();
  });
});

describe('replay of missed events', () => {
  it('should send what was missed since ?after=<seq>, in order, only the person’s own, then live ones once', async () => {
    const first = await socketOf(ana);
    const { lastSeq } = await first.waitFor('ready');
    await first.close();
    const missed = [
      await houseEvent([ana.id, amir.id], houseA, 10),
      await houseEvent([amir.id], houseA, 11),
      await houseEvent([ana.id], houseA, 12),
      await houseEvent([bea.id], houseB, 13),
    ];
    const again = await socketOf(ana, { after: lastSeq });
    const ready = await again.waitFor('ready');
    expect(ready).toMatchObject({ replayed: 2, resync: false });
    expect(again.events().map((e) => e.seq)).toEqual([missed[0], missed[2]]);
    expect(ready.lastSeq).toBeGreaterThanOrEqual(missed[3]!);
    const live = await houseEvent([ana.id], houseA, 14);
    await again.waitFor('event', (e) => e.seq === live);
    await expectNothingFor(300, () => {
      const seqs = again.events().map((e) => e.seq);
      expect(seqs).toEqual([...new Set(seqs)]);
      expect(seqs).toEqual([missed[0], missed[2], live]);
    });
  });

  it('should say "resync" when missed events are older than the kept window and were cleaned away', async () => {
    const first = await socketOf(bea);
    const { lastSeq } = await first.waitFor('ready');
    await first.close();
    const old = await houseEvent([bea.id], houseB, 20);
    // Two days pass: everything so far is older than the window.
    testClock().advance({ days: 2 });
    const deleted = await cleanUpRealtimeEvents(testDb(), testClock().now());
    expect(deleted).toBeGreaterThan(0);
    const { rows } = await testDb().$client.query('select seq from realtime_events where seq = $1', [old]);
    expect(rows).toEqual([]);
    const again = await socketOf(bea, { after: lastSeq });
    expect(await again.waitFor('ready')).toMatchObject({ replayed: 0, resync: true });
  });

  it('should keep events within the window when cleaning up', async () => {
    const recent = await houseEvent([bea.id], houseB, 21);
    expect(await cleanUpRealtimeEvents(testDb(), testClock().now())).toBe(0);
    const { rows } = await testDb().$client.query('select seq from realtime_events where seq = $1', [recent]);
    expect(rows).toHaveLength(1);
  });
});

describe('the LISTEN connection and the session behind a socket', () => {
  it('should deliver events published while the LISTEN connection was down, once it is back', async () => {
    const socket = await socketOf(amir);
    app.realtime.dropListenerForTest();
    const whileDown = await houseEvent([amir.id], houseA, 30);
    await socket.waitFor('event', (e) => e.seq === whileDown, 8000);
    const after = await houseEvent([amir.id], houseA, 31);
    await socket.waitFor('event', (e) => e.seq === after);
  });

  it('should close the socket of a session signed out elsewhere at once (4401), and keep the other sessions', async () => {
    const cookie = await signIn(amir.username);
    const socket = await openSocket(base, { cookie });
    const other = await socketOf(amir);
    open.push(socket);
    // Signed out through the test's own app instance: the database announces it to this one.
    await call('POST', '/api/auth/sign-out', { as: cookie });
    expect((await socket.closed).code).toBe(REALTIME_CLOSE.sessionEnded);
    const still = await houseEvent([amir.id], houseA, 40);
    await other.waitFor('event', (e) => e.seq === still);
  });

  it('should drop a channel the person may no longer see when their role ends', async () => {
    const moving = await buildPerson(admin, { role: 'resident', residenceId: houseB, firstName: 'Mo' });
    const socket = await socketOf(moving, { channels: [`house:${houseB}`] });
    // Mo moved in a while ago (time passing), and moved out yesterday.
    const membership = await testDb().$client.query<{ id: string }>(
      `update memberships set starts_on = current_date - 30 where person_id = $1 and residence_id = $2 returning id`,
      [moving.id, houseB],
    );
    const ended = await call('POST', `/api/memberships/${membership.rows[0]!.id}/end`, {
      as: admin,
      body: { endsOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) },
    });
    expect(ended.status, ended.text).toBe(200);
    expect(await socket.waitFor('refused')).toEqual({
      kind: 'refused',
      channel: `house:${houseB}`,
      reason: 'forbidden',
    });
  });
});
