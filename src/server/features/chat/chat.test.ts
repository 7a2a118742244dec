import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import { openSocket, type TestSocket } from '../../../test/realtime.ts';
import { expectNothingFor } from '../../../test/wait.ts';
import { openConversation } from './conversations.ts';

let admin: TestPerson;
let houseId: string;
let otherHouseId: string;
let leader: TestPerson;
let ana: TestPerson;
let ben: TestPerson;
let cleo: TestPerson;
let otherHouseLeader: TestPerson;
let otherHouseResident: TestPerson;
let counselor: TestPerson;
let otherOrgAdmin: TestPerson;

type Conversation = { id: string; kind: string; unreadCount: number; others: { displayName: string }[] };

const conversations = async (as: TestPerson) => {
  const result = await call('GET', '/api/chat/conversations', { as });
  expect(result.status).toBe(200);
  return result.body as { conversations: Conversation[]; totalUnread: number };
};
const houseConversation = async (as: TestPerson) =>
  (await conversations(as)).conversations.find((c) => c.kind === 'house')!;
const post = (as: TestPerson, conversationId: string, body: unknown) =>
  call('POST', `/api/chat/conversations/${conversationId}/messages`, { as, body });
const messages = async (as: TestPerson, conversationId: string, query = '') =>
  await call('GET', `/api/chat/conversations/${conversationId}/messages${query}`, { as });
const countMessages = async () =>
  Number((await testDb().execute<{ n: string }>(sql`select count(*) as n from chat_messages`)).rows[0]!.n);
const eventsOfType = async (type: string) =>
  (
    await testDb().execute<{ recipients: string[]; payload: Record<string, unknown> }>(
      sql`select recipients, payload from realtime_events where type = ${type} order by seq`,
    )
  ).rows;
const openThread = async (
  memberIds: string[],
  subject?: { type: 'support_request' | 'mentorship'; id: string },
) =>
  await testDb().transaction(
    async (tx) =>
      await openConversation(tx, {
        organizationId: admin.organizationId,
        kind: 'thread',
        memberIds,
        ...(subject ? { subject } : {}),
      }),
  );

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { bedCapacity: 20 })).id;
  otherHouseId = (await buildResidence(admin)).id;
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseId, firstName: 'Lena' });
  ana = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Ana' });
  ben = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Ben' });
  cleo = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Cleo' });
  otherHouseLeader = await buildPerson(admin, { role: 'peer_leader', residenceId: otherHouseId });
  otherHouseResident = await buildPerson(admin, { role: 'resident', residenceId: otherHouseId });
  counselor = await buildPerson(admin, { role: 'counselor' });
  otherOrgAdmin = (await buildOtherOrganization()).admin;
});

describe('openConversation', () => {
  it('opens one thread per subject and set of people, whatever the order or repeats', async () => {
    const subject = { type: 'support_request' as const, id: '11111111-1111-4111-8111-111111111111' };
    const first = await openThread([ana.id, ben.id], subject);
    const again = await openThread([ben.id, ana.id, ben.id], subject);
    expect(again).toBe(first);
    const [a, b] = await Promise.all([
      openThread([ana.id, cleo.id], subject),
      openThread([cleo.id, ana.id], subject),
    ]);
    expect(a).toBe(b);
    expect(a).not.toBe(first);
    const otherSubject = await openThread([ana.id, ben.id], { type: 'mentorship', id: subject.id });
    expect(otherSubject).not.toBe(first);
    const none = await openThread([ana.id, ben.id]);
    expect(none).not.toBe(first);
    expect(await openThread([ben.id, ana.id])).toBe(none);
    const members = await testDb().execute(
      sql`select person_id from conversation_members where conversation_id = ${first}`,
    );
    expect(members.rows).toHaveLength(2);
  });

  it('refuses fewer than two people and people of another organization', async () => {
    await expect(openThread([ana.id])).rejects.toThrow(/at least two/);
    await expect(openThread([ana.id, otherOrgAdmin.id])).rejects.toThrow(/organization/);
  });
});

describe('house chat', () => {
  it("lists my house's conversation with unread counts and shows a message to the house only", async () => {
    const house = await houseConversation(ana);
    expect(house).toBeTruthy();
    expect((await houseConversation(leader)).id).toBe(house.id);
    expect((await houseConversation(otherHouseResident)).id).not.toBe(house.id);
    expect((await conversations(counselor)).conversations).toEqual([]);

    const before = (await houseConversation(ben)).unreadCount;
    const sent = await post(ana, house.id, { body: '  Dinner at six, tacos tonight  ' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ body: 'Dinner at six, tacos tonight', mine: true, hidden: false });
    expect(sent.body.author.displayName).toMatch(/^Ana /);

    expect((await houseConversation(ben)).unreadCount).toBe(before + 1);
    expect((await houseConversation(ana)).unreadCount).toBe(0);

    const page = await messages(ben, house.id);
    expect(page.status).toBe(200);
    expect(page.body.messages.at(-1)).toMatchObject({ id: sent.body.id, mine: false });

    // The event reaches the house's current residents and peer leaders, nobody else.
    const event = (await eventsOfType('chat.message')).at(-1)!;
    expect(new Set(event.recipients)).toEqual(new Set([leader.id, ana.id, ben.id, cleo.id]));
    expect(event.recipients).not.toContain(otherHouseResident.id);
    expect(event.recipients).not.toContain(otherHouseLeader.id);
    expect(event.recipients).not.toContain(admin.id);
    expect((event.payload as { message: { body: string } }).message.body).toBe(
      'Dinner at six, tacos tonight',
    );

    // No notification for a house message.
    const notes = await testDb().execute(sql`select 1 from notifications where kind = 'chat_message'`);
    expect(notes.rows).toHaveLength(0);

    // Reading audited.
    const audit = await testDb().execute(
      sql`select 1 from audit_events where action = 'chat.messages.read' and actor_id = ${ben.id}`,
    );
    expect(audit.rows.length).toBeGreaterThan(0);
  });

  it('marks read up to a message, never backwards and never past the newest', async () => {
    const house = await houseConversation(cleo);
    const page = await messages(cleo, house.id);
    const newest = page.body.messages.at(-1).seq as number;
    const read = await call('POST', `/api/chat/conversations/${house.id}/read`, {
      as: cleo,
      body: { seq: newest + 1000 },
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ lastReadSeq: newest, unreadCount: 0 });
    const back = await call('POST', `/api/chat/conversations/${house.id}/read`, {
      as: cleo,
      body: { seq: 0 },
    });
    expect(back.body.lastReadSeq).toBe(newest);
    expect((await houseConversation(cleo)).unreadCount).toBe(0);
    const readEvent = (await eventsOfType('chat.read')).at(-1)!;
    expect(readEvent.recipients).toEqual([cleo.id]);
    const bad = await call('POST', `/api/chat/conversations/${house.id}/read`, {
      as: cleo,
      body: { seq: -1 },
    });
    expect(bad.status).toBe(400);
  });

  it('pages older messages with ?before', async () => {
    const house = await houseConversation(ben);
    for (let i = 1; i <= 5; i++)
      expect((await post(ben, house.id, { body: `Chore swap ${i}` })).status).toBe(201);
    const newest = await messages(ben, house.id, '?limit=2');
    expect(newest.body.messages.map((m: { body: string }) => m.body)).toEqual([
      'Chore swap 4',
      'Chore swap 5',
    ]);
    expect(newest.body.hasOlder).toBe(true);
    const older = await messages(ben, house.id, `?limit=2&before=${newest.body.messages[0].seq}`);
    expect(older.body.messages.map((m: { body: string }) => m.body)).toEqual([
      'Chore swap 2',
      'Chore swap 3',
    ]);
    expect((await messages(ben, house.id, '?limit=500')).status).toBe(400);
  });

  it('refuses outsiders and bad messages, writing nothing', async () => {
    const house = await houseConversation(ana);
    const count = await countMessages();
    for (const outsider of [otherHouseResident, otherHouseLeader, counselor, admin, otherOrgAdmin]) {
      expect((await post(outsider, house.id, { body: 'let me in' })).status).toBe(404);
      expect((await messages(outsider, house.id)).status).toBe(404);
      expect((await call('GET', `/api/chat/conversations/${house.id}`, { as: outsider })).status).toBe(404);
    }
    expect(
      (await call('POST', `/api/chat/conversations/${house.id}/messages`, { body: { body: 'hi' } })).status,
    ).toBe(401);
    const empty = await post(ana, house.id, { body: '    ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('body');
    expect((await post(ana, house.id, { body: 'x'.repeat(2001) })).status).toBe(400);
    expect((await post(ana, house.id, { body: 'hi', extra: true })).status).toBe(400);
    expect((await post(ana, 'not-an-id', { body: 'hi' })).status).toBe(400);
    expect((await post(ana, '00000000-0000-4000-8000-000000000000', { body: 'hi' })).status).toBe(404);
    expect(await countMessages()).toBe(count);
  });
});

describe('sending again', () => {
  it('stores a message sent twice with the same key once, and tells its sender it was already there', async () => {
    const house = await houseConversation(cleo);
    const count = await countMessages();
    const events = (await eventsOfType('chat.message')).length;
    const first = await post(cleo, house.id, {
      body: 'On my way back with groceries',
      clientKey: 'phone-key-0001',
    });
    expect(first.status).toBe(201);
    const again = await post(cleo, house.id, {
      body: 'On my way back with groceries',
      clientKey: 'phone-key-0001',
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await countMessages()).toBe(count + 1);
    expect((await eventsOfType('chat.message')).length).toBe(events + 1);
    // Another person may use the same key: keys are per sender.
    expect((await post(ben, house.id, { body: 'Thanks!', clientKey: 'phone-key-0001' })).status).toBe(201);
    const bad = await post(cleo, house.id, { body: 'hi', clientKey: 'no spaces allowed' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('clientKey');
  });
});

describe('private threads', () => {
  it('lets only its members read and write, and notifies the others of each message', async () => {
    const subject = { type: 'support_request' as const, id: '22222222-2222-4222-8222-222222222222' };
    const threadId = await openThread([ana.id, otherHouseResident.id], subject);
    const listed = (await conversations(ana)).conversations.find((c) => c.id === threadId)!;
    expect(listed.kind).toBe('thread');
    expect(listed.others.map((o) => o.displayName)).toHaveLength(1);

    const count = await countMessages();
    for (const outsider of [ben, leader, otherHouseLeader, admin, otherOrgAdmin]) {
      const refused = await post(outsider, threadId, { body: 'a message to a thread I am not in' });
      expect(refused.status).toBe(404);
      expect((await messages(outsider, threadId)).status).toBe(404);
    }
    expect(await countMessages()).toBe(count);

    const sent = await post(otherHouseResident, threadId, { body: 'I can drive you Thursday at 9' });
    expect(sent.status).toBe(201);
    const event = (await eventsOfType('chat.message')).at(-1)!;
    expect(new Set(event.recipients)).toEqual(new Set([ana.id, otherHouseResident.id]));
    const notes = await testDb().execute<{ person_id: string; data: Record<string, unknown> }>(
      sql`select person_id, data from notifications where kind = 'chat_message'`,
    );
    expect(notes.rows.map((n) => n.person_id)).toEqual([ana.id]);
    expect(notes.rows[0]!.data.conversationId).toBe(threadId);
    expect(JSON.stringify(notes.rows[0]!.data)).not.toContain('Thursday');
    expect((await conversations(ana)).conversations.find((c) => c.id === threadId)!.unreadCount).toBe(1);

    // Reading the thread reads its notifications too.
    await call('POST', `/api/chat/conversations/${threadId}/read`, { as: ana, body: { seq: sent.body.seq } });
    const unreadNotes = await testDb().execute(
      sql`select 1 from notifications where kind = 'chat_message' and person_id = ${ana.id} and read_at is null`,
    );
    expect(unreadNotes.rows).toHaveLength(0);
    expect((await conversations(ana)).conversations.find((c) => c.id === threadId)!.unreadCount).toBe(0);
  });
});

describe('refusals, each with its reason', () => {
  it('should fail with 400 chat.own_message on the message when a member reports their own message', async () => {
    const house = await houseConversation(cleo);
    const mine = (await post(cleo, house.id, { body: 'Laundry room is free now' })).body.id as string;
    const refused = await call('POST', `/api/chat/messages/${mine}/report`, { as: cleo, body: {} });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'bad_request', reason: 'chat.own_message' });
    expect(refused.body.error.fields).toEqual([
      { field: 'messageId', reason: 'chat.own_message', message: expect.any(String) },
    ]);
  });

  it('should fail with 409 chat.not_reported when the peer leader hides a message nobody reported', async () => {
    const house = await houseConversation(cleo);
    const fine = (await post(cleo, house.id, { body: 'Movie night on Friday?' })).body.id as string;
    const refused = await call('POST', `/api/chat/messages/${fine}/hide`, { as: leader });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'conflict', reason: 'chat.not_reported' });
  });

  it('should fail with 409 chat.name_already_shown when someone whose name is shown asks to show it', async () => {
    const thread = await openThread([ana.id, cleo.id]);
    const refused = await call('PATCH', `/api/chat/conversations/${thread}/my-name`, {
      as: ana,
      body: { shown: true },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'conflict', reason: 'chat.name_already_shown' });
  });
});

describe('reporting and hiding', () => {
  it('a member reports, the peer leader hides: kept for the record, hidden from peers, shown to the leader', async () => {
    const house = await houseConversation(ben);
    const rude = await post(ben, house.id, { body: 'Something unkind about a housemate' });
    const id = rude.body.id as string;

    const own = await call('POST', `/api/chat/messages/${id}/report`, { as: ben, body: {} });
    expect(own.status).toBe(400);
    expect(own.body.error.reason).toBe('chat.own_message');
    expect(
      (await call('POST', `/api/chat/messages/${id}/report`, { as: otherHouseResident, body: {} })).status,
    ).toBe(404);
    // Nobody reported it yet: the leader cannot hide it.
    const unreported = await call('POST', `/api/chat/messages/${id}/hide`, { as: leader });
    expect(unreported.status).toBe(409);
    expect(unreported.body.error.reason).toBe('chat.not_reported');

    const reported = await call('POST', `/api/chat/messages/${id}/report`, {
      as: ana,
      body: { reason: 'Not kind' },
    });
    expect(reported.status).toBe(201);
    expect((await call('POST', `/api/chat/messages/${id}/report`, { as: ana, body: {} })).status).toBe(201);
    const reportRows = await testDb().execute(
      sql`select 1 from chat_message_reports where message_id = ${id}`,
    );
    expect(reportRows.rows).toHaveLength(1);
    expect((await eventsOfType('chat.reported')).at(-1)!.recipients).toEqual([leader.id]);

    const leaderView = await call('GET', '/api/chat/reports', { as: leader });
    expect(leaderView.status).toBe(200);
    const entry = leaderView.body.reports.find((r: { message: { id: string } }) => r.message.id === id);
    expect(entry).toMatchObject({ reasons: ['Not kind'], message: { reportCount: 1, hidden: false } });
    expect((await call('GET', '/api/chat/reports', { as: otherHouseLeader })).body.reports).toEqual([]);
    expect((await call('GET', '/api/chat/reports', { as: ana })).body.reports).toEqual([]);

    // Peers never see report counts.
    const anaPage = await messages(ana, house.id);
    const anaSees = anaPage.body.messages.find((m: { id: string }) => m.id === id);
    expect(anaSees).toMatchObject({ reportCount: 0, reportedByMe: true });

    expect((await call('POST', `/api/chat/messages/${id}/hide`, { as: ana })).status).toBe(403);
    expect((await call('POST', `/api/chat/messages/${id}/hide`, { as: otherHouseLeader })).status).toBe(404);
    expect((await call('POST', `/api/chat/messages/${id}/hide`, { as: admin })).status).toBe(404);
    const hidden = await call('POST', `/api/chat/messages/${id}/hide`, { as: leader });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ hidden: true, body: 'Something unkind about a housemate' });
    expect((await call('POST', `/api/chat/messages/${id}/hide`, { as: leader })).status).toBe(200);

    const stored = await testDb().execute<{ body: string; hidden_by: string }>(
      sql`select body, hidden_by from chat_messages where id = ${id}`,
    );
    expect(stored.rows[0]).toEqual({ body: 'Something unkind about a housemate', hidden_by: leader.id });

    for (const peer of [ana, ben, cleo]) {
      const seen = (await messages(peer, house.id)).body.messages.find((m: { id: string }) => m.id === id);
      expect(seen).toMatchObject({ hidden: true, body: null });
    }
    const leaderSees = (await messages(leader, house.id)).body.messages.find(
      (m: { id: string }) => m.id === id,
    );
    expect(leaderSees).toMatchObject({
      hidden: true,
      body: 'Something unkind about a housemate',
      reportCount: 1,
    });

    const hiddenEvents = await eventsOfType('chat.hidden');
    expect(hiddenEvents).toHaveLength(1);
    expect(JSON.stringify(hiddenEvents[0]!.payload)).not.toContain('unkind');
    expect(hiddenEvents[0]!.recipients).not.toContain(otherHouseResident.id);
    const audit = await testDb().execute(
      sql`select 1 from audit_events where action = 'chat.message.hide' and subject_id = ${id}`,
    );
    expect(audit.rows).toHaveLength(1);
  });

  it("lets the peer leader of a thread member's house review and hide in a private thread", async () => {
    const threadId = await openThread([cleo.id, otherHouseResident.id]);
    const sent = await post(otherHouseResident, threadId, { body: 'A pushy message' });
    const id = sent.body.id as string;
    expect((await call('POST', `/api/chat/messages/${id}/report`, { as: cleo, body: {} })).status).toBe(201);
    const reviewers = (await eventsOfType('chat.reported')).at(-1)!.recipients;
    expect(new Set(reviewers)).toEqual(new Set([leader.id, otherHouseLeader.id]));
    expect(
      (await call('GET', '/api/chat/reports', { as: leader })).body.reports.map(
        (r: { message: { id: string } }) => r.message.id,
      ),
    ).toContain(id);
    // The leader reviews without being in the thread: no reading the thread itself.
    expect((await messages(leader, threadId)).status).toBe(404);
    expect((await call('POST', `/api/chat/messages/${id}/hide`, { as: leader })).status).toBe(200);
    const cleoSees = (await messages(cleo, threadId)).body.messages.find((m: { id: string }) => m.id === id);
    expect(cleoSees).toMatchObject({ hidden: true, body: null });
  });
});

describe('demo chat', () => {
  it('gives every demo house two weeks of chat, a private thread and one reported message the leader hid', async () => {
    const rows = await testDb().execute<{ kind: string; messages: number; hidden: number }>(sql`
      select c.kind, count(m.id)::int as messages, count(m.hidden_at)::int as hidden
      from conversations c join chat_messages m on m.conversation_id = c.id
      where c.organization_id = ${otherOrgAdmin.organizationId}
      group by c.id, c.kind order by c.kind`);
    const houses = rows.rows.filter((r) => r.kind === 'house');
    expect(houses).toHaveLength(3);
    for (const house of houses) expect(house.messages).toBeGreaterThanOrEqual(20);
    expect(houses.reduce((n, h) => n + h.hidden, 0)).toBe(1);
    expect(rows.rows.filter((r) => r.kind === 'thread').length).toBeGreaterThanOrEqual(1);
    const reports = await testDb().execute(sql`
      select 1 from chat_message_reports where organization_id = ${otherOrgAdmin.organizationId}`);
    expect(reports.rows).toHaveLength(1);
  });
});

describe('live delivery on sockets', () => {
  let live: FastifyInstance;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    live = await buildTestApp();
    await live.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const s of sockets) await s.close().catch(() => {});
    await live?.close();
  });

  it("delivers a house message to its members' open screens and to nobody from another house", async () => {
    const base = `http://127.0.0.1:${(live.server.address() as { port: number }).port}`;
    const [benSocket, outsiderSocket, otherLeaderSocket] = await Promise.all(
      [ben, otherHouseResident, otherHouseLeader].map((p) => openSocket(base, { cookie: p.cookie })),
    );
    sockets.push(benSocket!, outsiderSocket!, otherLeaderSocket!);
    const house = await houseConversation(ana);
    const sent = await post(ana, house.id, { body: 'Movie night at eight' });
    const event = await benSocket!.waitFor(
      'event',
      (m) => m.type === 'chat.message' && m.payload.conversationId === house.id,
    );
    expect((event.payload.message as { id: string; body: string }).id).toBe(sent.body.id);
    expect((event.payload.message as { body: string }).body).toBe('Movie night at eight');
    await expectNothingFor(300, () => {
      for (const s of [outsiderSocket!, otherLeaderSocket!]) {
        expect(s.events().filter((m) => m.type.startsWith('chat.'))).toEqual([]);
      }
    });
  });
});
