import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call, testDatabaseUrl, testDb } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import { openSocket, type TestSocket } from '../../../test/realtime.ts';
import { expectNothingFor, waitFor } from '../../../test/wait.ts';
import { scheduledJobs } from '../../jobs.ts';
import { reachOutAlerts } from '../../platform/database/schema.ts';
import { startJobs } from '../../platform/jobs.ts';
import { escalateDueAlerts } from './service.ts';

let admin: TestPerson;
let houseId: string;
let otherHouseId: string;
let asker: TestPerson;
let leader: TestPerson;
let available: TestPerson;
let unavailable: TestPerson;
let otherLeader: TestPerson;
let otherHouseResident: TestPerson;
let counselor: TestPerson;
let otherOrgAdmin: TestPerson;

let sequence = 0;
const key = () => `test-tap-${Date.now()}-${++sequence}`;
const raise = (as: TestPerson, idempotencyKey = key()) =>
  call('POST', '/api/reach-out/alerts', { as, body: { idempotencyKey } });

async function eventsOf(type: string, alertId: string) {
  const result = await testDb().execute<{ recipients: string[]; payload: Record<string, unknown> }>(sql`
    select recipients, payload from realtime_events
    where type = ${type} and payload->>'alertId' = ${alertId} order by seq`);
  return result.rows;
}

async function notificationsOf(kind: string, alertId: string) {
  const result = await testDb().execute<{ person_id: string; data: Record<string, unknown> }>(sql`
    select person_id, data from notifications where kind = ${kind} and data->>'alertId' = ${alertId}`);
  return result.rows;
}

/** Moves the clock a second past the alert's escalation time, as if its minutes had passed. */
async function makeDue(alertId: string) {
  const [alert] = await testDb()
    .select({ escalateAt: reachOutAlerts.escalateAt })
    .from(reachOutAlerts)
    .where(eq(reachOutAlerts.id, alertId));
  testClock().set(new Date(alert!.escalateAt.getTime() + 1000));
}

async function closeAll(person: TestPerson) {
  const state = await call('GET', '/api/reach-out', { as: person });
  if (state.body.myAlert)
    await call('POST', `/api/reach-out/alerts/${state.body.myAlert.id}/close`, { as: person });
}

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { name: 'Maple House', bedCapacity: 20 })).id;
  otherHouseId = (await buildResidence(admin, { name: 'Oak House', bedCapacity: 20 })).id;
  asker = await buildPerson(admin, {
    role: 'resident',
    residenceId: houseId,
    firstName: 'Brianna',
    lastName: 'Diaz',
  });
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseId, firstName: 'Lena' });
  available = await buildPerson(admin, {
    role: 'resident',
    residenceId: houseId,
    firstName: 'Paz',
    lastName: 'Ortiz',
  });
  unavailable = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Quinn' });
  otherLeader = await buildPerson(admin, {
    role: 'peer_leader',
    residenceId: otherHouseId,
    firstName: 'Omar',
  });
  otherHouseResident = await buildPerson(admin, { role: 'resident', residenceId: otherHouseId });
  counselor = await buildPerson(admin, { role: 'counselor' });
  otherOrgAdmin = (await buildOtherOrganization()).admin;
  const optIn = await call('POST', '/api/reach-out/availability', {
    as: available,
    body: { available: true },
  });
  expect(optIn.status).toBe(200);
});

describe('available to be called', () => {
  it('should let a resident opt in and out, and refuse someone who lives in no house', async () => {
    const on = await call('POST', '/api/reach-out/availability', {
      as: unavailable,
      body: { available: true },
    });
    expect(on.body).toEqual({ available: true });
    expect((await call('GET', '/api/reach-out', { as: unavailable })).body.available).toBe(true);
    const off = await call('POST', '/api/reach-out/availability', {
      as: unavailable,
      body: { available: false },
    });
    expect(off.body).toEqual({ available: false });
    expect((await call('GET', '/api/reach-out', { as: unavailable })).body).toMatchObject({
      available: false,
      canBeAvailable: true,
    });
    const refused = await call('POST', '/api/reach-out/availability', {
      as: counselor,
      body: { available: true },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.reason).toBe('reach_out.not_on_call');
    expect((await call('GET', '/api/reach-out', { as: counselor })).body.canBeAvailable).toBe(false);
  });

  it('should refuse an answer that is not true or false, naming the field', async () => {
    const result = await call('POST', '/api/reach-out/availability', {
      as: available,
      body: { available: 'yes' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'available', reason: 'field.wrong_type', message: expect.any(String) },
    ]);
  });
});

describe('reaching out', () => {
  it('should alert the house’s peer leader and the peers who opted in, urgently, and nobody else', async () => {
    // A peer of another house who is available is on call for their own house, not this one.
    await call('POST', '/api/reach-out/availability', { as: otherHouseResident, body: { available: true } });
    const result = await raise(asker);
    expect(result.status).toBe(201);
    const alert = result.body;
    expect(alert).toMatchObject({
      personId: asker.id,
      displayName: 'Brianna D.',
      residenceName: 'Maple House',
      state: 'open',
      alerted: { house: 2, escalation: 0 },
      acknowledgements: [],
      mine: true,
    });
    const [event] = await eventsOf('reach_out.alert', alert.id);
    expect([...event!.recipients].sort()).toEqual([leader.id, available.id].sort());
    expect(event!.payload).toMatchObject({ displayName: 'Brianna D.', circle: 'house' });
    const notified = await notificationsOf('reach_out_alert', alert.id);
    expect(notified.map((n) => n.person_id).sort()).toEqual([leader.id, available.id].sort());
    expect(notified[0]!.data).toMatchObject({ urgent: true, alertId: alert.id });
    // Nobody outside the circle hears anything of it, in any event.
    const all = await testDb().execute<{ recipients: string[] }>(
      sql`select recipients from realtime_events where payload->>'alertId' = ${alert.id}`,
    );
    const reached = new Set(all.rows.flatMap((r) => r.recipients));
    for (const outsider of [unavailable, otherLeader, otherHouseResident, counselor, admin, otherOrgAdmin]) {
      expect(reached.has(outsider.id)).toBe(false);
    }
    await closeAll(asker);
  });

  it('should turn a flood of taps into one alert: the same key, another key a moment later, fifty at once', async () => {
    const tapKey = key();
    const first = await raise(asker, tapKey);
    expect(first.status).toBe(201);
    const again = await raise(asker, tapKey);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const flood = await Promise.all(Array.from({ length: 50 }, () => raise(asker)));
    expect(new Set(flood.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(flood.map((r) => r.body.id))).toEqual(new Set([first.body.id]));
    const count = await testDb().execute<{ n: number }>(
      sql`select count(*)::int as n from reach_out_alerts where person_id = ${asker.id} and closed_at is null`,
    );
    expect(count.rows[0]!.n).toBe(1);
    expect(await notificationsOf('reach_out_alert', first.body.id)).toHaveLength(2);
    await closeAll(asker);
  });

  it('should refuse a tap without a usable key, naming the field, and write nothing', async () => {
    const before = await testDb().execute<{ n: number }>(
      sql`select count(*)::int as n from reach_out_alerts`,
    );
    for (const body of [{}, { idempotencyKey: 'short' }, { idempotencyKey: 'has spaces in it' }]) {
      const result = await call('POST', '/api/reach-out/alerts', { as: asker, body });
      expect(result.status).toBe(400);
      expect(result.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['idempotencyKey']);
    }
    const extra = await call('POST', '/api/reach-out/alerts', {
      as: asker,
      body: { idempotencyKey: key(), note: 'words' },
    });
    expect(extra.status).toBe(400);
    const after = await testDb().execute<{ n: number }>(sql`select count(*)::int as n from reach_out_alerts`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('should show the crisis lines from configuration, signed in or not', async () => {
    const lines = { call: '988', text: '988', veteransKey: '1', spanishKey: '2', emergency: '911' };
    expect((await call('GET', '/api/reach-out/crisis-lines')).body).toEqual(lines);
    expect((await call('GET', '/api/reach-out', { as: asker })).body.crisisLines).toEqual(lines);
    const elsewhere = await buildTestApp({
      CRISIS_LINE: '116 123',
      CRISIS_TEXT_LINE: 'none',
      CRISIS_LINE_VETERANS_KEY: 'none',
      EMERGENCY_NUMBER: '112',
    });
    try {
      expect((await call('GET', '/api/reach-out/crisis-lines', { app: elsewhere })).body).toEqual({
        call: '116 123',
        text: null,
        veteransKey: null,
        spanishKey: '2',
        emergency: '112',
      });
    } finally {
      await elsewhere.close();
    }
  });
});

describe('I am calling you', () => {
  it('should record who answered and when, and tell the person who asked at once', async () => {
    const alert = (await raise(asker)).body;
    const forMe = (await call('GET', '/api/reach-out', { as: available })).body.forMe;
    expect(forMe.map((a: { id: string }) => a.id)).toContain(alert.id);
    const answered = await call('POST', `/api/reach-out/alerts/${alert.id}/acknowledge`, { as: available });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ state: 'acknowledged', iAcknowledged: true, myCircle: 'house' });
    const mine = (await call('GET', '/api/reach-out', { as: asker })).body.myAlert;
    expect(mine.acknowledgements).toEqual([
      { personId: available.id, displayName: 'Paz O.', at: expect.any(String) },
    ]);
    const [event] = await eventsOf('reach_out.acknowledged', alert.id);
    expect(event!.recipients).toContain(asker.id);
    expect(event!.payload).toMatchObject({ personId: available.id, displayName: 'Paz O.' });
    expect(event!.recipients).not.toContain(otherLeader.id);
    const [told] = await notificationsOf('reach_out_ack', alert.id);
    expect(told).toMatchObject({ person_id: asker.id, data: { urgent: true } });
    // Saying it twice records it once.
    await call('POST', `/api/reach-out/alerts/${alert.id}/acknowledge`, { as: available });
    expect(
      (await call('GET', `/api/reach-out/alerts/${alert.id}`, { as: asker })).body.acknowledgements,
    ).toHaveLength(1);
    // Acknowledged in time: it never escalates.
    await makeDue(alert.id);
    await escalateDueAlerts(testDb(), testClock().now());
    expect(
      (await call('GET', `/api/reach-out/alerts/${alert.id}`, { as: asker })).body.escalatedAt,
    ).toBeNull();
    await closeAll(asker);
  });

  it('should not let the person who asked, someone it did not reach, or another organization answer', async () => {
    const alert = (await raise(asker)).body;
    for (const person of [asker, unavailable, otherLeader, otherHouseResident, otherOrgAdmin]) {
      const result = await call('POST', `/api/reach-out/alerts/${alert.id}/acknowledge`, { as: person });
      expect(result.status, person.firstName).toBe(404);
    }
    expect(await eventsOf('reach_out.acknowledged', alert.id)).toEqual([]);
    await closeAll(asker);
  });
});

describe('escalation', () => {
  it('should reach the organization’s other peer leaders when nobody answered in time, once', async () => {
    const alert = (await raise(asker)).body;
    expect(await escalateDueAlerts(testDb(), testClock().now())).toBe(0);
    await makeDue(alert.id);
    expect(await escalateDueAlerts(testDb(), testClock().now())).toBe(1);
    expect(await escalateDueAlerts(testDb(), testClock().now())).toBe(0);
    const after = (await call('GET', `/api/reach-out/alerts/${alert.id}`, { as: asker })).body;
    expect(after).toMatchObject({ alerted: { house: 2, escalation: 1 }, escalatedAt: expect.any(String) });
    const alerts = await eventsOf('reach_out.alert', alert.id);
    expect(alerts).toHaveLength(2);
    expect(alerts[1]!.recipients).toEqual([otherLeader.id]);
    expect(alerts[1]!.payload).toMatchObject({ circle: 'escalation' });
    const [escalated] = await eventsOf('reach_out.escalated', alert.id);
    expect([...escalated!.recipients].sort()).toEqual([asker.id, leader.id, available.id].sort());
    expect((await notificationsOf('reach_out_alert', alert.id)).map((n) => n.person_id)).toContain(
      otherLeader.id,
    );
    // The next circle may answer now.
    const answered = await call('POST', `/api/reach-out/alerts/${alert.id}/acknowledge`, { as: otherLeader });
    expect(answered.body).toMatchObject({ state: 'acknowledged', myCircle: 'escalation' });
    await closeAll(asker);
  });

  it('should go straight to the organization’s peer leaders when nobody in the house is on call', async () => {
    const alert = (await raise(counselor)).body;
    expect(alert).toMatchObject({ residenceId: null, alerted: { house: 0, escalation: 2 } });
    expect(alert.escalatedAt).not.toBeNull();
    await closeAll(counselor);
  });

  it('should wait the organization’s minutes (5 by default, as the admin sets them), or the configured seconds', async () => {
    expect((await call('GET', '/api/reach-out/settings', { as: admin })).body).toEqual({
      escalateAfterMinutes: 5,
    });
    const five = (await raise(asker)).body;
    expect(Date.parse(five.escalateAt) - Date.parse(five.createdAt)).toBe(5 * 60_000);
    await closeAll(asker);
    const changed = await call('PATCH', '/api/reach-out/settings', {
      as: admin,
      body: { escalateAfterMinutes: 3 },
    });
    expect(changed.body).toEqual({ escalateAfterMinutes: 3 });
    const three = (await raise(asker)).body;
    expect(Date.parse(three.escalateAt) - Date.parse(three.createdAt)).toBe(3 * 60_000);
    await closeAll(asker);
    const quick = await buildTestApp({ REACH_OUT_ESCALATE_SECONDS: '20' });
    try {
      const fast = (
        await call('POST', '/api/reach-out/alerts', {
          app: quick,
          as: asker,
          body: { idempotencyKey: key() },
        })
      ).body;
      expect(Date.parse(fast.escalateAt) - Date.parse(fast.createdAt)).toBe(20_000);
    } finally {
      await quick.close();
    }
    await closeAll(asker);
    for (const escalateAfterMinutes of [0, 61, 2.5, '5']) {
      const bad = await call('PATCH', '/api/reach-out/settings', {
        as: admin,
        body: { escalateAfterMinutes },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].field).toBe('escalateAfterMinutes');
    }
    expect((await call('GET', '/api/reach-out/settings', { as: admin })).body).toEqual({
      escalateAfterMinutes: 3,
    });
    expect(
      (await call('PATCH', '/api/reach-out/settings', { as: leader, body: { escalateAfterMinutes: 9 } }))
        .status,
    ).toBe(403);
  });
});

describe('I am okay now, and the record afterwards', () => {
  it('should close an alert for everyone, stop its escalation, and let a new tap raise a new one', async () => {
    const alert = (await raise(asker)).body;
    const closed = await call('POST', `/api/reach-out/alerts/${alert.id}/close`, { as: asker });
    expect(closed.body).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    const [event] = await eventsOf('reach_out.closed', alert.id);
    expect([...event!.recipients].sort()).toEqual([asker.id, leader.id, available.id].sort());
    await makeDue(alert.id);
    expect(await escalateDueAlerts(testDb(), testClock().now())).toBe(0);
    const late = await call('POST', `/api/reach-out/alerts/${alert.id}/acknowledge`, { as: leader });
    expect(late.status).toBe(409);
    expect(late.body.error.reason).toBe('reach_out.alert_closed');
    expect(
      (await call('GET', '/api/reach-out', { as: leader })).body.forMe.map((a: { id: string }) => a.id),
    ).not.toContain(alert.id);
    const again = await raise(asker);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(alert.id);
    // Only someone who answered may close it for the person; the others it reached may not.
    const notAnswered = await call('POST', `/api/reach-out/alerts/${again.body.id}/close`, { as: leader });
    expect(notAnswered.status).toBe(403);
    expect(notAnswered.body.error.reason).toBe('reach_out.not_answered');
    await call('POST', `/api/reach-out/alerts/${again.body.id}/acknowledge`, { as: leader });
    expect(
      (await call('POST', `/api/reach-out/alerts/${again.body.id}/close`, { as: leader })).body.state,
    ).toBe('closed');
  });

  it('should give the house’s peer leader the record (who asked, when, who answered), audited, and nobody else', async () => {
    const record = await call('GET', `/api/residences/${houseId}/reach-out-alerts`, { as: leader });
    expect(record.status).toBe(200);
    expect(record.body.alerts.length).toBeGreaterThan(3);
    const answered = record.body.alerts.find(
      (a: { acknowledgements: unknown[] }) => a.acknowledgements.length > 0,
    );
    expect(answered).toMatchObject({ displayName: 'Brianna D.', residenceName: 'Maple House' });
    expect(record.text).not.toContain('Diaz');
    const audited = await testDb().execute<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'reach_out.record' and actor_id = ${leader.id}`,
    );
    expect(audited.rows[0]!.n).toBe(1);
    expect((await call('GET', `/api/residences/${houseId}/reach-out-alerts`, { as: admin })).status).toBe(
      200,
    );
    expect(
      (await call('GET', `/api/residences/${houseId}/reach-out-alerts`, { as: otherLeader })).status,
    ).toBe(403);
    expect((await call('GET', `/api/residences/${houseId}/reach-out-alerts`, { as: available })).status).toBe(
      403,
    );
    expect(
      (await call('GET', `/api/residences/${houseId}/reach-out-alerts`, { as: otherOrgAdmin })).status,
    ).toBe(404);
    // One alert: the leader reads it (audited); someone it never reached finds nothing.
    const id = answered.id;
    expect((await call('GET', `/api/reach-out/alerts/${id}`, { as: leader })).status).toBe(200);
    expect((await call('GET', `/api/reach-out/alerts/${id}`, { as: otherHouseResident })).status).toBe(404);
    expect((await call('GET', `/api/reach-out/alerts/${id}`, { as: otherOrgAdmin })).status).toBe(404);
  });
});

describe('live, on open screens', () => {
  it('should reach the circle’s sockets at once, tell the asker who is calling, and reach no other socket', async () => {
    const live = await buildTestApp();
    const base = await live.listen({ port: 0, host: '127.0.0.1' });
    const sockets: TestSocket[] = [];
    const socketOf = async (person: TestPerson) => {
      const socket = await openSocket(base, { cookie: person.cookie, origin: base });
      sockets.push(socket);
      return socket;
    };
    try {
      const [askerSocket, leaderSocket, availableSocket] = [
        await socketOf(asker),
        await socketOf(leader),
        await socketOf(available),
      ];
      const outsiders = [
        await socketOf(unavailable),
        await socketOf(otherLeader),
        await socketOf(otherHouseResident),
        await socketOf(otherOrgAdmin),
      ];
      const alert = (await raise(asker)).body;
      const about = (type: string) => (m: { type: string; payload: Record<string, unknown> }) =>
        m.type === type && m.payload.alertId === alert.id;
      for (const socket of [leaderSocket, availableSocket]) {
        const event = await socket.waitFor('event', about('reach_out.alert'));
        expect(event.payload).toMatchObject({ displayName: 'Brianna D.', residenceName: 'Maple House' });
      }
      await askerSocket.waitFor('event', about('reach_out.raised'));
      await call('POST', `/api/reach-out/alerts/${alert.id}/acknowledge`, { as: leader });
      const told = await askerSocket.waitFor('event', about('reach_out.acknowledged'));
      expect(told.payload).toMatchObject({ personId: leader.id, displayName: 'Lena L.' });
      await expectNothingFor(500, () => {
        for (const socket of outsiders) {
          expect(socket.events().filter((e) => JSON.stringify(e).includes(alert.id))).toEqual([]);
        }
      });
    } finally {
      for (const socket of sockets) await socket.close().catch(() => {});
      await live.close();
      await closeAll(asker);
    }
  });
});

describe('refusals, each with its reason', () => {
  it('should fail with 403 reach_out.not_on_call when someone who lives in no house opts in', async () => {
    const result = await call('POST', '/api/reach-out/availability', {
      as: counselor,
      body: { available: true },
    });
    expect(result.status).toBe(403);
    expect(result.body.error).toMatchObject({ code: 'forbidden', reason: 'reach_out.not_on_call' });
  });

  it('should fail with 409 reach_out.alert_closed when someone answers an alert the person closed', async () => {
    await closeAll(asker);
    const alert = (await raise(asker)).body;
    await call('POST', `/api/reach-out/alerts/${alert.id}/close`, { as: asker });
    const late = await call('POST', `/api/reach-out/alerts/${alert.id}/acknowledge`, { as: available });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'conflict', reason: 'reach_out.alert_closed' });
    expect(late.body.error.fields).toEqual([
      { field: 'id', reason: 'reach_out.alert_closed', message: expect.any(String) },
    ]);
  });

  it('should fail with 403 reach_out.not_answered when someone it reached closes it without having answered', async () => {
    await closeAll(asker);
    const alert = (await raise(asker)).body;
    try {
      const result = await call('POST', `/api/reach-out/alerts/${alert.id}/close`, { as: available });
      expect(result.status).toBe(403);
      expect(result.body.error).toMatchObject({ code: 'forbidden', reason: 'reach_out.not_answered' });
    } finally {
      await closeAll(asker);
    }
  });
});

describe('the escalation job on pg-boss', () => {
  it('should escalate an unanswered alert when its seconds are up, by itself', async () => {
    const lines: string[] = [];
    const jobs = await startJobs(
      testDb(),
      testDatabaseUrl(),
      (line) => lines.push(line),
      scheduledJobs({ reachOutPollSeconds: 0.5 }),
    );
    const quick = await buildTestApp({ REACH_OUT_ESCALATE_SECONDS: '1' });
    try {
      const alert = (
        await call('POST', '/api/reach-out/alerts', {
          app: quick,
          as: asker,
          body: { idempotencyKey: key() },
        })
      ).body;
      expect(alert.escalatedAt).toBeNull();
      const escalatedAt: string | null = await waitFor(
        async () => (await call('GET', `/api/reach-out/alerts/${alert.id}`, { as: asker })).body.escalatedAt,
        { timeout: 10_000, interval: 100, message: 'The alert was not escalated' },
      ).catch(() => null);
      expect(escalatedAt).not.toBeNull();
      expect(Date.parse(escalatedAt!)).toBeGreaterThanOrEqual(Date.parse(alert.escalateAt));
      expect((await eventsOf('reach_out.alert', alert.id)).at(-1)!.recipients).toEqual([otherLeader.id]);
    } finally {
      await quick.close();
      await jobs.stop();
      await closeAll(asker);
    }
    expect(lines).toEqual([]);
  });
});

afterAll(async () => {
  await closeAll(asker);
});
