// Pushes that wait (decision 0033): held back by quiet hours, they go out when quiet hours end (a muted
// topic never does); a push the push service failed for a reason that may pass (a 5xx, a timeout) is
// tried again with backoff, a few times at most. Only the push service is replaced: a receiver on
// 127.0.0.1 that can answer 500 or never answer. The jobs take the time from the clock the test moves.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../../shared/domain/notifications.ts';
import { buildTestApp, call, testDatabaseUrl, testDb } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import { type PushReceiver, startPushReceiver } from '../../../test/push-receiver.ts';
import { waitFor } from '../../../test/wait.ts';
import { pendingPushes, pushSubscriptions } from '../../platform/database/schema.ts';
import { startJobs } from '../../platform/jobs.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { notificationJobs } from './jobs.ts';
import { MAX_RETRIES, type PushOptions, retryDelayMs, sendPendingPushes } from './sender.ts';

let admin: TestPerson;
let houseId: string;
let receiver: PushReceiver;
let app: FastifyInstance;
const options: PushOptions = {
  subject: 'mailto:care@hearth.example.org',
  allowPrivateEndpoints: true,
  timeoutMs: 300,
};

const resident = () => buildPerson(admin, { role: 'resident', residenceId: houseId });
const subscribe = async (person: TestPerson, device: string) => {
  const result = await call('POST', '/api/push/subscriptions', {
    app,
    as: person,
    body: { ...receiver.subscription(device), expirationTime: null, label: `${device} phone` },
  });
  expect(result.status, result.text).toBe(201);
  return result.body as { id: string };
};
const notify = async (person: TestPerson, kind: NotificationKind, urgent = false) => {
  const [id] = await notifyPeople(testDb(), {
    organizationId: admin.organizationId,
    personIds: [person.id],
    kind,
    data: {},
    urgent,
  });
  return id!;
};
const pushesTo = (device: string) => receiver.received.filter((r) => r.device === device);
const waitingFor = (notificationId: string) =>
  testDb().select().from(pendingPushes).where(eq(pendingPushes.notificationId, notificationId));
/** The delivery job's work, at the time the (moved) clock says. */
const runDeliveryJob = () => notificationJobs(options)[0]!.run(testDb(), testClock().now());
const quietAtNight = (person: TestPerson, body: Record<string, unknown> = {}) =>
  call('PATCH', '/api/notifications/settings', {
    as: person,
    body: { quietFrom: '22:00', quietUntil: '07:00', ...body },
  });

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { timeZone: 'America/Chicago', bedCapacity: 100 })).id;
  receiver = await startPushReceiver();
  app = await buildTestApp({ PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true' });
  await app.ready();
});

afterEach(() => {
  testClock().reset();
});

afterAll(async () => {
  await app.close();
  await receiver.close();
});

describe('quiet hours', () => {
  // 23:00 in Chicago (CST, UTC−6) on 14 January; quiet hours end at 07:00 there, 13:00 UTC on the 15th.
  const lateEvening = new Date('2026-01-15T05:00:00Z');
  const quietEnd = new Date('2026-01-15T13:00:00Z');

  it('should deliver a push held back by quiet hours when they end in the person’s time zone, once', async () => {
    const ana = await resident();
    await subscribe(ana, 'ana-phone');
    await quietAtNight(ana);
    const id = await notify(ana, 'support_offer');
    testClock().set(lateEvening);
    const report = await sendPendingPushes(testDb(), options, testClock().now());
    expect(report).toMatchObject({ claimed: 1, delivered: 0, heldBack: 1, deferred: 1 });
    expect(pushesTo('ana-phone')).toEqual([]);
    expect((await waitingFor(id)).map((w) => w.dueAt)).toEqual([quietEnd]);

    // A minute before quiet hours end: still quiet.
    testClock().set(new Date(quietEnd.getTime() - 60_000));
    expect(await runDeliveryJob()).toMatchObject({ claimed: 0, delivered: 0 });
    expect(pushesTo('ana-phone')).toEqual([]);

    testClock().set(new Date(quietEnd.getTime() + 30_000));
    expect(await runDeliveryJob()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(pushesTo('ana-phone').map((p) => p.message)).toEqual([
      {
        title: 'Someone can help',
        body: 'A peer offered to help with your request.',
        url: '/support/mine',
        tag: id,
        urgent: false,
      },
    ]);
    expect(await waitingFor(id)).toEqual([]);
    expect(await runDeliveryJob()).toMatchObject({ claimed: 0, delivered: 0 });
    expect(pushesTo('ana-phone')).toHaveLength(1);
    expect(receiver.problems).toEqual([]);
  });

  it('should never deliver what the person asked never to receive by push, nor what they already read', async () => {
    const ben = await resident();
    await subscribe(ben, 'ben-phone');
    await quietAtNight(ben, { mutedTopics: ['chat'] });
    const muted = await notify(ben, 'chat_message');
    const read = await notify(ben, 'meeting_reminder');
    const mutedLater = await notify(ben, 'mentor_request');
    testClock().set(lateEvening);
    expect(await sendPendingPushes(testDb(), options, testClock().now())).toMatchObject({
      heldBack: 3,
      deferred: 2,
    });
    expect(await waitingFor(muted)).toEqual([]);
    // Read in the app during the night: no push for it in the morning.
    expect((await call('POST', `/api/notifications/${read}/read`, { as: ben })).status).toBe(200);
    // Muted during the night: the morning follows the settings as they are then.
    await call('PATCH', '/api/notifications/settings', { as: ben, body: { mutedTopics: ['chat', 'peers'] } });
    testClock().set(new Date(quietEnd.getTime() + 30_000));
    expect(await runDeliveryJob()).toMatchObject({ claimed: 2, delivered: 0 });
    expect(pushesTo('ben-phone')).toEqual([]);
    expect(await waitingFor(mutedLater)).toEqual([]);
    // The list still has all three.
    expect((await call('GET', '/api/notifications', { as: ben })).body.notifications).toHaveLength(3);
  });

  it('should deliver at quiet hours’ end by itself, on pg-boss, with the jobs’ clock', async () => {
    const cam = await resident();
    await subscribe(cam, 'cam-phone');
    await quietAtNight(cam);
    const id = await notify(cam, 'skill_match');
    testClock().set(lateEvening);
    await sendPendingPushes(testDb(), options, testClock().now());
    testClock().set(new Date(quietEnd.getTime() + 30_000));
    // At start the job runs once (a server down when quiet hours ended catches up).
    const jobs = await startJobs(
      testDb(),
      testDatabaseUrl(),
      () => {},
      notificationJobs(options),
      testClock(),
    );
    try {
      await waitFor(() => expect(pushesTo('cam-phone').map((p) => p.message.tag)).toEqual([id]), {
        timeout: 15_000,
      });
    } finally {
      await jobs.stop();
    }
  });
});

describe('a push the push service failed', () => {
  it('should try again after a 500 with growing waits, and deliver once the service is back', async () => {
    const dee = await resident();
    await subscribe(dee, 'dee-phone');
    receiver.answer('dee-phone', 500);
    const id = await notify(dee, 'support_accepted');
    const start = new Date('2026-03-02T15:00:00Z');
    testClock().set(start);
    expect(await sendPendingPushes(testDb(), options, testClock().now())).toMatchObject({
      delivered: 0,
      retrying: 1,
      failed: 0,
    });
    expect(receiver.attempts('dee-phone')).toBe(1);
    const [first] = await waitingFor(id);
    expect(first).toMatchObject({ attempts: 1, dueAt: new Date(start.getTime() + retryDelayMs(1)) });

    testClock().set(new Date(start.getTime() + retryDelayMs(1) - 5_000));
    expect(await runDeliveryJob()).toMatchObject({ claimed: 0 });
    expect(receiver.attempts('dee-phone')).toBe(1);

    testClock().set(new Date(start.getTime() + retryDelayMs(1) + 1_000));
    expect(await runDeliveryJob()).toMatchObject({ claimed: 1, delivered: 0, retrying: 1 });
    expect(receiver.attempts('dee-phone')).toBe(2);
    const [second] = await waitingFor(id);
    expect(second!.attempts).toBe(2);
    expect(second!.dueAt.getTime() - testClock().now().getTime()).toBeGreaterThan(retryDelayMs(1));

    receiver.answer('dee-phone', 201);
    testClock().set(new Date(second!.dueAt.getTime() + 1_000));
    expect(await runDeliveryJob()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(pushesTo('dee-phone').map((p) => p.message)).toEqual([
      expect.objectContaining({ title: 'Your offer was accepted', tag: id }),
    ]);
    expect(await waitingFor(id)).toEqual([]);
  });

  it(`should give up after ${MAX_RETRIES} more tries, and never retry what will not pass (a 400)`, async () => {
    const eli = await resident();
    await subscribe(eli, 'eli-down');
    await subscribe(eli, 'eli-refuses');
    receiver.answer('eli-down', 503);
    receiver.answer('eli-refuses', 400);
    const id = await notify(eli, 'mentor_accepted');
    testClock().set(new Date('2026-03-03T15:00:00Z'));
    expect(await sendPendingPushes(testDb(), options, testClock().now())).toMatchObject({
      retrying: 1,
      failed: 1,
    });
    for (let attempt = 1; attempt <= MAX_RETRIES; attempt += 1) {
      testClock().advance({ ms: retryDelayMs(attempt) + 1_000 });
      const report = await runDeliveryJob();
      expect(report).toMatchObject(
        attempt < MAX_RETRIES ? { retrying: 1, failed: 0 } : { retrying: 0, failed: 1 },
      );
    }
    expect(receiver.attempts('eli-down')).toBe(1 + MAX_RETRIES);
    expect(receiver.attempts('eli-refuses')).toBe(1);
    expect(await waitingFor(id)).toEqual([]);
    testClock().advance({ hours: 1 });
    expect(await runDeliveryJob()).toMatchObject({ claimed: 0 });
    expect(receiver.attempts('eli-down')).toBe(1 + MAX_RETRIES);
  });

  it('should try again after a push service that does not answer in time, and forget a device gone meanwhile', async () => {
    const fay = await resident();
    const device = await subscribe(fay, 'fay-phone');
    receiver.answer('fay-phone', 'hang');
    const id = await notify(fay, 'reach_out_alert', true);
    testClock().set(new Date('2026-03-04T15:00:00Z'));
    expect(await sendPendingPushes(testDb(), options, testClock().now())).toMatchObject({
      delivered: 0,
      retrying: 1,
    });
    expect(await waitingFor(id)).toHaveLength(1);
    receiver.answer('fay-phone', 410);
    testClock().advance({ ms: retryDelayMs(1) + 1_000 });
    expect(await runDeliveryJob()).toMatchObject({ claimed: 1, removed: 1, retrying: 0 });
    expect(
      await testDb()
        .select()
        .from(pushSubscriptions)
        .where(and(eq(pushSubscriptions.id, device.id), eq(pushSubscriptions.personId, fay.id))),
    ).toEqual([]);
    expect(await waitingFor(id)).toEqual([]);
  });

  it('should retry only the device that failed, not the one that took it', async () => {
    const gus = await resident();
    await subscribe(gus, 'gus-phone');
    await subscribe(gus, 'gus-laptop');
    receiver.answer('gus-laptop', 502);
    await notify(gus, 'support_request');
    testClock().set(new Date('2026-03-05T15:00:00Z'));
    expect(await sendPendingPushes(testDb(), options, testClock().now())).toMatchObject({
      delivered: 1,
      retrying: 1,
    });
    receiver.answer('gus-laptop', 201);
    testClock().advance({ ms: retryDelayMs(1) + 1_000 });
    expect(await runDeliveryJob()).toMatchObject({ delivered: 1 });
    expect(pushesTo('gus-phone')).toHaveLength(1);
    expect(pushesTo('gus-laptop')).toHaveLength(1);
  });
});
