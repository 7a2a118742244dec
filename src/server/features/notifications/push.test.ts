// Web push end to end, with only the push service replaced: a receiver on 127.0.0.1 that checks the
// VAPID signature and decrypts each aes128gcm payload with its subscription's private key.
import net from 'node:net';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../../shared/domain/notifications.ts';
import { buildTestApp, call, testDatabaseUrl, testDb } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import { type PushReceiver, startPushReceiver } from '../../../test/push-receiver.ts';
import { expectNothingFor } from '../../../test/wait.ts';
import { connectDatabase, type Database } from '../../platform/database/connect.ts';
import { notifications, pushSubscriptions, pushVapidKeys } from '../../platform/database/schema.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { startPushSender } from './push-listener.ts';
import { drainPendingPushes, type PushOptions, pushToDevice, sendPendingPushes } from './sender.ts';

let admin: TestPerson;
let houseId: string;
let receiver: PushReceiver;
let app: FastifyInstance;
const options: PushOptions = { subject: 'mailto:care@hearth.example.org', allowPrivateEndpoints: true };

const resident = () => buildPerson(admin, { role: 'resident', residenceId: houseId });
const subscribe = async (person: TestPerson, device: string) => {
  const result = await call('POST', '/api/push/subscriptions', {
    app,
    as: person,
    body: { ...receiver.subscription(device), expirationTime: null, label: `${device} phone` },
  });
  expect(result.status, result.text).toBe(201);
  return result.body as { id: string; endpoint: string };
};
const notify = (
  people: TestPerson[],
  kind: NotificationKind,
  extra: { urgent?: boolean; data?: Record<string, string> } = {},
) =>
  notifyPeople(testDb(), {
    organizationId: admin.organizationId,
    personIds: people.map((p) => p.id),
    kind,
    data: extra.data ?? {},
    urgent: extra.urgent ?? false,
  });
const pushesTo = (device: string) => receiver.received.filter((r) => r.device === device);
/** Settles anything pending from earlier tests, so each test counts only its own pushes. */
const settle = async () => {
  await drainPendingPushes(testDb(), options);
  receiver.received.length = 0;
};

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { timeZone: 'America/Chicago', bedCapacity: 100 })).id;
  receiver = await startPushReceiver();
  app = await buildTestApp({ PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true' });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await receiver.close();
});

describe('the VAPID key', () => {
  it('should be made once and be the same for every process', async () => {
    const first = await call('GET', '/api/push/key', { as: admin });
    expect(first.status).toBe(200);
    expect(first.body.publicKey).toMatch(/^B[A-Za-z0-9_-]{86}$/);
    const other = connectDatabase(testDatabaseUrl(), 2);
    try {
      const { ensureVapidKeys } = await import('./vapid.ts');
      expect((await ensureVapidKeys(other.db)).publicKey).toBe(first.body.publicKey);
    } finally {
      await other.close();
    }
    expect(await testDb().select().from(pushVapidKeys)).toHaveLength(1);
  });
});

describe('subscribing a device', () => {
  it('should keep my device, list it, and let only me remove it', async () => {
    const ana = await resident();
    const ben = await resident();
    const device = await subscribe(ana, 'ana-list');
    const mine = await call('GET', '/api/push/subscriptions', { as: ana });
    expect(mine.body.subscriptions).toEqual([
      expect.objectContaining({ id: device.id, label: 'ana-list phone', lastPushedAt: null }),
    ]);
    expect((await call('GET', '/api/push/subscriptions', { as: ben })).body.subscriptions).toEqual([]);
    expect((await call('DELETE', `/api/push/subscriptions/${device.id}`, { as: ben })).status).toBe(404);
    expect((await call('DELETE', `/api/push/subscriptions/${device.id}`, { as: ana })).status).toBe(200);
    expect((await call('GET', '/api/push/subscriptions', { as: ana })).body.subscriptions).toEqual([]);
  });

  it('should give a device to whoever subscribes it last (one endpoint, one person)', async () => {
    const ana = await resident();
    const ben = await resident();
    await subscribe(ana, 'shared-phone');
    await subscribe(ben, 'shared-phone');
    const rows = await testDb()
      .select()
      .from(pushSubscriptions)
      .where(eq(pushSubscriptions.endpoint, receiver.subscription('shared-phone').endpoint));
    expect(rows.map((r) => r.personId)).toEqual([ben.id]);
  });

  const notHttps = 'notifications.endpoint_not_https';
  const privateAddress = 'notifications.endpoint_private';
  it.each([
    ['http://push.example.org/x', 'an http endpoint', notHttps],
    ['https://127.0.0.1:9/x', 'a loopback address', privateAddress],
    ['https://10.1.2.3/x', 'a private network address', privateAddress],
    ['https://localhost/x', 'localhost', privateAddress],
    ['https://[::ffff:7f00:1]/x', 'mapped loopback in hex', privateAddress],
    ['https://[0:0:0:0:0:ffff:7f00:1]/x', 'mapped loopback written out', privateAddress],
    ['https://[::ffff:a9fe:a9fe]/x', 'mapped link-local (cloud metadata)', privateAddress],
    ['https://[64:ff9b::a00:1]/x', 'NAT64 of a private address', privateAddress],
    ['https://0x7f.1/x', 'loopback in hex', privateAddress],
  ])(
    'should fail with 400 for %s (%s) unless private endpoints are allowed, with reason %s',
    async (endpoint, _what, reason) => {
      const ana = await resident();
      const result = await call('POST', '/api/push/subscriptions', {
        as: ana,
        body: { endpoint, keys: receiver.subscription('refused').keys },
      });
      expect(result.status).toBe(400);
      expect(result.body.error.reason).toBe(reason);
      expect(result.body.error.fields).toEqual([{ field: 'endpoint', reason, message: expect.any(String) }]);
      expect((await call('GET', '/api/push/subscriptions', { as: ana })).body.subscriptions).toEqual([]);
    },
  );

  it.each([
    [
      {
        endpoint: 'not a url',
        keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4', auth: 'tBHItJI5svbpez7KI4CCXg' },
      },
      'endpoint',
    ],
    [
      { endpoint: 'https://push.example.org/x', keys: { p256dh: 'short', auth: 'tBHItJI5svbpez7KI4CCXg' } },
      'keys.p256dh',
    ],
    [
      { endpoint: 'https://push.example.org/x', keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4' } },
      'keys.auth',
    ],
    [{ endpoint: 'https://push.example.org/x' }, 'keys'],
  ])('should refuse a malformed subscription %j naming %s', async (body, field) => {
    const result = await call('POST', '/api/push/subscriptions', { as: admin, body });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});

describe('the push sender', () => {
  it('should not connect to an endpoint whose name now resolves to a private address', async () => {
    let connections = 0;
    const inside = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => inside.listen(0, '127.0.0.1', resolve));
    const { port } = inside.address() as net.AddressInfo;
    try {
      const device = {
        ...receiver.subscription('rebound'),
        endpoint: `https://push.example.test:${port}/push/x`,
      };
      const outcome = await pushToDevice(
        testDb(),
        { endpoint: device.endpoint, p256dh: device.keys.p256dh, auth: device.keys.auth },
        { title: 't', body: 'b', url: '/', tag: 'x', urgent: false },
        { ...options, allowPrivateEndpoints: false, outbound: { resolveHost: async () => ['127.0.0.1'] } },
      );
      expect(outcome).toBe('failed');
      expect(connections).toBe(0);
    } finally {
      await new Promise((resolve) => inside.close(resolve));
    }
  });

  it('should push a new notification to each of my devices, signed and encrypted, in my language', async () => {
    await settle();
    const ana = await buildPerson(admin, { role: 'resident', residenceId: houseId, language: 'es' });
    await subscribe(ana, 'ana-phone');
    await subscribe(ana, 'ana-laptop');
    const requestId = crypto.randomUUID();
    const [id] = await notify([ana], 'support_offer', { data: { requestId, helperName: 'Ben B.' } });
    const report = await sendPendingPushes(testDb(), options);
    expect(report).toMatchObject({ delivered: 2, heldBack: 0, failed: 0, removed: 0 });
    expect(receiver.problems).toEqual([]);
    const key = (await call('GET', '/api/push/key', { as: ana })).body.publicKey;
    for (const device of ['ana-phone', 'ana-laptop']) {
      const [push] = pushesTo(device);
      expect(push!.message).toEqual({
        title: 'Alguien puede ayudar',
        body: 'Un compañero ofreció ayuda con tu pedido.',
        url: '/support/mine',
        tag: id,
        urgent: false,
      });
      expect(push!.vapid).toMatchObject({ publicKey: key, subject: 'mailto:care@hearth.example.org' });
      expect(push!.headers).toMatchObject({ ttl: String(12 * 60 * 60), urgency: 'normal' });
    }
    // Nothing private reaches a lock screen: neither the helper's name nor any text.
    expect(JSON.stringify(receiver.received)).not.toContain('Ben B.');
    const [row] = await testDb().select().from(notifications).where(eq(notifications.id, id!));
    expect(row!.pushedAt).not.toBeNull();
    const devices = (await call('GET', '/api/push/subscriptions', { as: ana })).body.subscriptions;
    expect(devices.every((d: { lastPushedAt: string | null }) => d.lastPushedAt)).toBe(true);
    // Sent once: a second round finds nothing to send.
    expect(await sendPendingPushes(testDb(), options)).toMatchObject({ claimed: 0, delivered: 0 });
    expect(receiver.received).toHaveLength(2);
  });

  it('should hold back muted topics and quiet hours, but never an urgent alert', async () => {
    await settle();
    const ben = await resident();
    await subscribe(ben, 'ben-phone');
    await call('PATCH', '/api/notifications/settings', {
      as: ben,
      body: { mutedTopics: ['chat', 'reach_out'], quietFrom: '00:00', quietUntil: '23:59' },
    });
    await notify([ben], 'chat_message', { data: { conversationId: crypto.randomUUID() } });
    await notify([ben], 'support_offer', { data: { requestId: crypto.randomUUID() } });
    await notify([ben], 'reach_out_alert', { urgent: true, data: { alertId: crypto.randomUUID() } });
    // Quiet hours 00:00–23:59 in Chicago: only 23:59–00:00 there is not quiet.
    const noon = new Date('2026-01-15T18:00:00Z');
    const report = await sendPendingPushes(testDb(), options, noon);
    expect(report).toMatchObject({ claimed: 3, delivered: 1, heldBack: 2 });
    expect(pushesTo('ben-phone').map((p) => p.message)).toEqual([
      expect.objectContaining({ title: 'Someone is reaching out', urgent: true }),
    ]);
    expect(pushesTo('ben-phone')[0]!.headers).toMatchObject({ urgency: 'high', ttl: String(15 * 60) });
    // The list still has all three.
    expect((await call('GET', '/api/notifications', { as: ben })).body.unread).toBe(3);
  });

  it('should forget a device the push service says is gone (404 or 410), and keep the others', async () => {
    await settle();
    const cal = await resident();
    await subscribe(cal, 'cal-old');
    await subscribe(cal, 'cal-gone');
    await subscribe(cal, 'cal-new');
    receiver.answer('cal-old', 404);
    receiver.answer('cal-gone', 410);
    await notify([cal], 'congratulations');
    const report = await sendPendingPushes(testDb(), options);
    expect(report).toMatchObject({ delivered: 1, removed: 2 });
    const left = (await call('GET', '/api/push/subscriptions', { as: cal })).body.subscriptions;
    expect(left.map((d: { label: string }) => d.label)).toEqual(['cal-new phone']);
  });

  it('should not push old news (created before the window) when a server comes back', async () => {
    await settle();
    const dee = await resident();
    await subscribe(dee, 'dee-phone');
    const [id] = await notify([dee], 'meeting_reminder');
    testClock().advance({ hours: 1 });
    await drainPendingPushes(testDb(), options, testClock().now());
    expect(pushesTo('dee-phone')).toEqual([]);
    const [row] = await testDb().select().from(notifications).where(eq(notifications.id, id!));
    expect(row!.pushedAt).not.toBeNull();
  });

  it('should push each notification once even when two processes send at the same time', async () => {
    await settle();
    const people = await Promise.all([resident(), resident(), resident()]);
    for (const [i, person] of people.entries()) await subscribe(person, `race-${i}`);
    for (let i = 0; i < 10; i += 1) await notify(people, 'chat_message', { data: { n: String(i) } });
    const one = connectDatabase(testDatabaseUrl(), 3);
    const two = connectDatabase(testDatabaseUrl(), 3);
    try {
      const reports = await Promise.all([
        drainPendingPushes(one.db, options),
        drainPendingPushes(two.db, options),
      ]);
      expect(reports[0]!.claimed + reports[1]!.claimed).toBe(30);
      expect(reports[0]!.delivered + reports[1]!.delivered).toBe(30);
    } finally {
      await one.close();
      await two.close();
    }
    expect(receiver.received).toHaveLength(30);
    expect(new Set(receiver.received.map((r) => r.message.tag)).size).toBe(30);
    expect(receiver.problems).toEqual([]);
  });
});

describe('the push sender woken after commit', () => {
  let databases: Database[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.close()));
  });

  it('should push soon after the transaction commits, once, with two processes listening — and nothing for a rollback', async () => {
    await settle();
    databases = [connectDatabase(testDatabaseUrl(), 3), connectDatabase(testDatabaseUrl(), 3)];
    const senders = await Promise.all(
      databases.map((d) =>
        startPushSender({ db: d.db, databaseUrl: testDatabaseUrl(), options, sweepMs: 60_000 }),
      ),
    );
    try {
      const eve = await resident();
      await subscribe(eve, 'eve-phone');
      await Promise.all(senders.map((s) => s.idle()));
      await testDb()
        .transaction(async (tx) => {
          await notifyPeople(tx, {
            organizationId: admin.organizationId,
            personIds: [eve.id],
            kind: 'support_accepted',
            data: {},
          });
          throw new Error('changed my mind');
        })
        .catch(() => {});
      const started = Date.now();
      await testDb().transaction(async (tx) => {
        await notifyPeople(tx, {
          organizationId: admin.organizationId,
          personIds: [eve.id],
          kind: 'mentor_accepted',
          data: {},
        });
        // Still inside the transaction: nobody may have pushed it yet.
        await expectNothingFor(150, () => {
          expect(pushesTo('eve-phone')).toEqual([]);
        });
      });
      await receiver.waitFor(1, 3000);
      expect(Date.now() - started).toBeLessThan(3000);
      // No second process pushes it again.
      await expectNothingFor(300, () => {
        expect(pushesTo('eve-phone')).toHaveLength(1);
      });
      await Promise.all(senders.map((s) => s.idle()));
      expect(pushesTo('eve-phone').map((p) => p.message.title)).toEqual(['Mentorship accepted']);
    } finally {
      await Promise.all(senders.map((s) => s.stop()));
    }
  });
});

describe('POST /api/push/test', () => {
  it('should send a test to each of my devices and add nothing to my list', async () => {
    await settle();
    const fay = await resident();
    expect((await call('POST', '/api/push/test', { app, as: fay })).body).toEqual({ devices: 0 });
    await subscribe(fay, 'fay-phone');
    const result = await call('POST', '/api/push/test', { app, as: fay });
    expect(result.body).toEqual({ devices: 1 });
    expect(pushesTo('fay-phone').map((p) => p.message)).toEqual([
      expect.objectContaining({ title: 'Hearth', url: '/settings/notifications' }),
    ]);
    expect((await call('GET', '/api/notifications', { as: fay })).body.notifications).toEqual([]);
  });
});
