// Two real Hearth processes (child `node` processes running startHearth) on this file's PostgreSQL
// database: an event published by one reaches sockets held by the other through LISTEN/NOTIFY, and a
// socket that reconnects to the other process gets the events it missed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import {
  type HearthProcess,
  startHearthProcess as startHearth,
  stopHearthProcess,
} from '../../../test/hearth-process.ts';
import { openSocket, type TestSocket } from '../../../test/realtime.ts';
import { expectNothingFor } from '../../../test/wait.ts';
import { publish } from './publish.ts';

type Hearth = HearthProcess;

let first: Hearth;
let second: Hearth;
let admin: TestPerson;
let ana: TestPerson;
let amir: TestPerson;
let bea: TestPerson;
const sockets: TestSocket[] = [];

async function socketOf(hearth: Hearth, person: TestPerson, after?: number) {
  const socket = await openSocket(hearth.base, {
    cookie: person.cookie,
    ...(after !== undefined ? { after } : {}),
  });
  sockets.push(socket);
  return socket;
}

async function houseConversation(hearth: Hearth, person: TestPerson): Promise<string> {
  const response = await fetch(`${hearth.base}/api/chat/conversations`, {
    headers: { cookie: person.cookie },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { conversations: { id: string; kind: string }[] };
  return body.conversations.find((c) => c.kind === 'house')!.id;
}

async function say(hearth: Hearth, person: TestPerson, conversationId: string, text: string) {
  const response = await fetch(`${hearth.base}/api/chat/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { cookie: person.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ body: text }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

beforeAll(async () => {
  admin = await setUpOrganization();
  const maple = (await buildResidence(admin, { name: 'Maple House' })).id;
  const cedar = (await buildResidence(admin, { name: 'Cedar House' })).id;
  ana = await buildPerson(admin, { role: 'resident', residenceId: maple, firstName: 'Ana' });
  amir = await buildPerson(admin, { role: 'resident', residenceId: maple, firstName: 'Amir' });
  bea = await buildPerson(admin, { role: 'resident', residenceId: cedar, firstName: 'Bea' });
  [first, second] = await Promise.all([startHearth(), startHearth()]);
}, 120_000);

afterAll(async () => {
  for (const s of sockets) await s.close().catch(() => {});
  await Promise.all([stopHearthProcess(first), stopHearthProcess(second)]);
}, 30_000);

describe('two Hearth processes on one PostgreSQL', () => {
  it('should be two processes on two ports', () => {
    expect(first.child.pid).not.toBe(second.child.pid);
    expect(first.base).not.toBe(second.base);
  });

  it("should deliver a house chat message posted on one process to the members' sockets on both, and to nobody else", async () => {
    const anaOnFirst = await socketOf(first, ana);
    const amirOnSecond = await socketOf(second, amir);
    const beaOnSecond = await socketOf(second, bea);
    const conversationId = await houseConversation(first, ana);
    await say(first, ana, conversationId, 'Anyone up for the 7pm meeting?');
    const onSecond = await amirOnSecond.waitFor('event', (e) => e.type === 'chat.message');
    expect(onSecond.payload).toMatchObject({
      conversationId,
      message: { body: 'Anyone up for the 7pm meeting?' },
    });
    const onFirst = await anaOnFirst.waitFor('event', (e) => e.type === 'chat.message');
    expect(onFirst.seq).toBe(onSecond.seq);
    await expectNothingFor(300, () => {
      expect(beaOnSecond.events()).toEqual([]);
    });
  });

  it('should deliver an event published by a third process (this test) to sockets on both', async () => {
    const anaOnSecond = await socketOf(second, ana);
    const amirOnFirst = await socketOf(first, amir);
    const seq = await publish(testDb(), {
      organizationId: admin.organizationId,
      recipients: [ana.id, amir.id],
      type: 'test.cross_process',
      payload: { n: 1 },
    });
    await anaOnSecond.waitFor('event', (e) => e.seq === seq);
    await amirOnFirst.waitFor('event', (e) => e.seq === seq);
  });

  it('should replay on the other process what a socket missed while it was away', async () => {
    const before = await socketOf(first, amir);
    const { lastSeq } = await before.waitFor('ready');
    await before.close();
    // While Amir's phone is away, Ana writes twice through the first process.
    const conversationId = await houseConversation(first, ana);
    await say(first, ana, conversationId, 'Dinner is at 6');
    await say(first, ana, conversationId, 'Bring a dish if you can');
    // Amir comes back through the second process, from where he left off.
    const back = await socketOf(second, amir, lastSeq);
    const ready = await back.waitFor('ready');
    expect(ready).toMatchObject({ replayed: 2, resync: false });
    const texts = back
      .events()
      .filter((e) => e.type === 'chat.message')
      .map((e) => (e.payload as { message: { body: string } }).message.body);
    expect(texts).toEqual(['Dinner is at 6', 'Bring a dish if you can']);
    // And live again: the next message arrives once.
    await say(first, ana, conversationId, 'See you there');
    await back.waitFor(
      'event',
      (e) => (e.payload as { message?: { body: string } }).message?.body === 'See you there',
    );
    await expectNothingFor(300, () => {
      const seqs = back.events().map((e) => e.seq);
      expect(seqs).toEqual([...new Set(seqs)]);
    });
  });
});
