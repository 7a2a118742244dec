// An alert resolved ("I'm okay now", or closed by someone who answered) updates its notifications
// everywhere: the list stops asking anyone to call, open screens hear of it, and a phone already shown
// the alert gets a push with the same tag that replaces it (decision 0033).
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call, testDb } from '../../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import { type PushReceiver, startPushReceiver } from '../../../test/push-receiver.ts';
import { drainDuePushes } from '../notifications/pending.ts';
import { type PushOptions, sendPendingPushes } from '../notifications/sender.ts';

let admin: TestPerson;
let receiver: PushReceiver;
let app: FastifyInstance;
const options: PushOptions = { subject: 'mailto:care@hearth.example.org', allowPrivateEndpoints: true };

let sequence = 0;
const raise = async (as: TestPerson) => {
  const result = await call('POST', '/api/reach-out/alerts', {
    app,
    as,
    body: { idempotencyKey: `resolved-${Date.now()}-${++sequence}` },
  });
  expect(result.status).toBe(201);
  return result.body as { id: string };
};
const listOf = async (person: TestPerson) =>
  (await call('GET', '/api/notifications', { app, as: person })).body;
const alertNotice = async (person: TestPerson, alertId: string) =>
  (await listOf(person)).notifications.find(
    (n: { kind: string; data: { alertId?: string } }) =>
      n.kind === 'reach_out_alert' && n.data.alertId === alertId,
  );
const pushesTo = (device: string) => receiver.received.filter((r) => r.device === device);

/** A house of its own per test: its peer leader (with a phone) and the person who reaches out. */
async function house(name: string) {
  const residenceId = (await buildResidence(admin, { name, bedCapacity: 10 })).id;
  const leader = await buildPerson(admin, {
    role: 'peer_leader',
    residenceId,
    firstName: 'Lena',
    language: 'es',
  });
  const asker = await buildPerson(admin, {
    role: 'resident',
    residenceId,
    firstName: 'Brianna',
    lastName: 'Diaz',
  });
  const device = `${name}-leader-phone`;
  const subscribed = await call('POST', '/api/push/subscriptions', {
    app,
    as: leader,
    body: { ...receiver.subscription(device), expirationTime: null, label: device },
  });
  expect(subscribed.status).toBe(201);
  return { leader, asker, device };
}

beforeAll(async () => {
  admin = await setUpOrganization();
  receiver = await startPushReceiver();
  app = await buildTestApp({ PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true' });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await receiver.close();
});

describe('an alert resolved', () => {
  it('should turn the peer leader’s urgent notification into “okay now”, read, heard live, and replace the push on their phone', async () => {
    const { leader, asker, device } = await house('maple');
    const alert = await raise(asker);
    await sendPendingPushes(testDb(), options);
    const [shown] = pushesTo(device);
    expect(shown!.message).toMatchObject({ title: 'Alguien busca apoyo', urgent: true });
    const before = await alertNotice(leader, alert.id);
    expect(before).toMatchObject({ urgent: true, readAt: null, data: { personName: 'Brianna D.' } });
    expect((await listOf(leader)).unread).toBe(1);

    const closed = await call('POST', `/api/reach-out/alerts/${alert.id}/close`, { app, as: asker });
    expect(closed.status).toBe(200);

    const after = await alertNotice(leader, alert.id);
    expect(after).toMatchObject({
      id: before.id,
      urgent: false,
      readAt: expect.any(String),
      data: { alertId: alert.id, personName: 'Brianna D.', resolved: 'okay', resolvedAt: expect.any(String) },
    });
    // "You're all caught up" is true now: nothing still asks anyone to call.
    expect((await listOf(leader)).unread).toBe(0);
    const events = await testDb().execute<{ recipients: string[]; payload: Record<string, unknown> }>(sql`
      select recipients, payload from realtime_events where type = 'notification.updated' order by seq`);
    expect(events.rows.at(-1)).toEqual({
      recipients: [leader.id],
      payload: expect.objectContaining({ resolved: 'okay' }),
    });

    const report = await drainDuePushes(testDb(), options, new Date());
    expect(report).toMatchObject({ claimed: 1, delivered: 1 });
    const replaced = pushesTo(device);
    expect(replaced).toHaveLength(2);
    expect(replaced[1]!.message).toEqual({
      title: 'Ya está bien',
      body: 'La persona que buscó apoyo dice que ya está bien.',
      url: `/reach-out/alerts/${alert.id}`,
      tag: shown!.message.tag,
      urgent: false,
      replace: true,
    });
    // Nothing private on the lock screen, then or now.
    expect(JSON.stringify(receiver.received)).not.toContain('Brianna');
    expect(receiver.problems).toEqual([]);
  });

  it('should say the alert is closed when someone who answered closes it', async () => {
    const { leader, asker } = await house('oak');
    const alert = await raise(asker);
    expect(
      (await call('POST', `/api/reach-out/alerts/${alert.id}/acknowledge`, { app, as: leader })).status,
    ).toBe(200);
    expect((await call('POST', `/api/reach-out/alerts/${alert.id}/close`, { app, as: leader })).status).toBe(
      200,
    );
    expect(await alertNotice(leader, alert.id)).toMatchObject({
      urgent: false,
      data: { resolved: 'closed' },
    });
  });

  it('should push nothing at all when the alert is resolved before its push went out', async () => {
    const { leader, asker, device } = await house('birch');
    await sendPendingPushes(testDb(), options);
    const alert = await raise(asker);
    await call('POST', `/api/reach-out/alerts/${alert.id}/close`, { app, as: asker });
    expect(await sendPendingPushes(testDb(), options)).toMatchObject({ delivered: 0 });
    expect(await drainDuePushes(testDb(), options, new Date())).toMatchObject({ delivered: 0 });
    expect(pushesTo(device)).toEqual([]);
    expect(await alertNotice(leader, alert.id)).toMatchObject({ urgent: false, data: { resolved: 'okay' } });
  });
});
