// Two real Hearth processes (child `node` processes running startHearth, each with its own push sender)
// on this file's database: both hear every new notification at commit, and each push still goes out
// exactly once. Only the push service is replaced, by a receiver on 127.0.0.1.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call, testDb } from '../../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import {
  type HearthProcess,
  startHearthProcess as startHearth,
  stopHearthProcess,
} from '../../../test/hearth-process.ts';
import { type PushReceiver, startPushReceiver } from '../../../test/push-receiver.ts';
import { expectNothingFor } from '../../../test/wait.ts';
import { notifyPeople } from '../../platform/notify.ts';

type Hearth = HearthProcess;

let processes: Hearth[] = [];
let receiver: PushReceiver;
let app: FastifyInstance;
let admin: TestPerson;
let people: TestPerson[];

beforeAll(async () => {
  admin = await setUpOrganization();
  const houseId = (await buildResidence(admin, { bedCapacity: 20 })).id;
  people = [];
  for (let i = 0; i < 4; i += 1)
    people.push(await buildPerson(admin, { role: 'resident', residenceId: houseId }));
  receiver = await startPushReceiver();
  app = await buildTestApp({ PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true' });
  await app.ready();
  processes = await Promise.all([
    startHearth({ PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true', PUSH_CONTACT: 'mailto:care@hearth.example.org' }),
    startHearth({ PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true', PUSH_CONTACT: 'mailto:care@hearth.example.org' }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(processes.map(stopHearthProcess));
  await app?.close();
  await receiver?.close();
}, 30_000);

describe('web push with two Hearth processes on one database', () => {
  it('should sign with the same VAPID key in both processes', async () => {
    const keys = await Promise.all(
      processes.map(async (p) => {
        const response = await fetch(`${p.base}/api/push/key`, { headers: { cookie: admin.cookie } });
        return ((await response.json()) as { publicKey: string }).publicKey;
      }),
    );
    expect(keys[0]).toMatch(/^B/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('should push every notification committed to each device once, soon after commit', async () => {
    for (const [i, person] of people.entries()) {
      const result = await call('POST', '/api/push/subscriptions', {
        app,
        as: person,
        body: receiver.subscription(`two-${i}`),
      });
      expect(result.status).toBe(201);
    }
    const started = Date.now();
    for (let round = 0; round < 5; round += 1) {
      await testDb().transaction(async (tx) => {
        await notifyPeople(tx, {
          organizationId: admin.organizationId,
          personIds: people.map((p) => p.id),
          kind: round % 2 ? 'support_offer' : 'chat_message',
          data: { round },
        });
      });
    }
    await receiver.waitFor(20, 15_000);
    const firstAll = Date.now() - started;
    // Give a duplicate every chance to arrive.
    await expectNothingFor(1500, () => {
      expect(receiver.problems).toEqual([]);
      expect(receiver.received).toHaveLength(20);
    });
    expect(new Set(receiver.received.map((r) => r.message.tag)).size).toBe(20);
    expect(firstAll).toBeLessThan(15_000);
  });
});
