import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildProgram,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import {
  conversationMembers,
  notifications,
  realtimeEvents,
  supportLedger,
  supportRequests,
  supportResponses,
} from '../../platform/database/schema.ts';
import { expireSupportPosts } from './service.ts';

let admin: TestPerson;
let houseA: string;
let houseB: string;
let houseC: string;
let asker: TestPerson;
let helper: TestPerson;
let second: TestPerson;
let leader: TestPerson;
let otherHouse: TestPerson;
let programHouse: TestPerson;
let alumnus: TestPerson;
let counselor: TestPerson;
let otherOrgAdmin: TestPerson;

const ASKER_FIRST = 'Quintessa';
const ASKER_LAST = 'Vandermolen';
const SECRET = 'a ride to my job interview Thursday';

let sequence = 0;
const ask = (as: TestPerson, overrides: Record<string, unknown> = {}) =>
  call('POST', '/api/support/requests', {
    as,
    body: { supportKind: 'instrumental', body: `${SECRET} #${++sequence}`, audience: 'house', ...overrides },
  });
const respond = (as: TestPerson, id: string, note = 'I have a car') =>
  call('POST', `/api/support/requests/${id}/responses`, { as, body: { note } });
const countRows = async () => {
  const [r] = await testDb()
    .select({
      requests: sql<number>`(select count(*)::int from support_requests)`,
      responses: sql<number>`(select count(*)::int from support_responses)`,
      ledger: sql<number>`(select count(*)::int from support_ledger)`,
      events: sql<number>`(select count(*)::int from realtime_events)`,
    })
    .from(sql`(select 1) as one`);
  return r!;
};
const eventsAbout = async (requestId: string) =>
  (await testDb().select().from(realtimeEvents)).filter(
    (e) => (e.payload as { requestId?: string }).requestId === requestId,
  );

beforeAll(async () => {
  admin = await setUpOrganization();
  const program = await buildProgram(admin, { name: 'Women in recovery' });
  houseA = (await buildResidence(admin, { name: 'Maple', bedCapacity: 20, programIds: [program.id] })).id;
  houseB = (await buildResidence(admin, { name: 'Oak', bedCapacity: 20 })).id;
  houseC = (await buildResidence(admin, { name: 'Birch', bedCapacity: 20, programIds: [program.id] })).id;
  asker = await buildPerson(admin, {
    role: 'resident',
    residenceId: houseA,
    firstName: ASKER_FIRST,
    lastName: ASKER_LAST,
  });
  helper = await buildPerson(admin, { role: 'resident', residenceId: houseA, firstName: 'Hana' });
  second = await buildPerson(admin, { role: 'resident', residenceId: houseA, firstName: 'Sol' });
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseA, firstName: 'Lena' });
  otherHouse = await buildPerson(admin, { role: 'resident', residenceId: houseB });
  programHouse = await buildPerson(admin, { role: 'resident', residenceId: houseC });
  alumnus = await buildPerson(admin, { role: 'alumni' });
  counselor = await buildPerson(admin, { role: 'counselor' });
  otherOrgAdmin = (await buildOtherOrganization()).admin;
});

describe('asking for help', () => {
  it('should post a house request, reach the house live, and nobody from another house or organization', async () => {
    const posted = await ask(asker);
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ state: 'open', audience: 'house', isMine: true, type: 'request' });
    const events = await eventsAbout(posted.body.id);
    const created = events.filter((e) => e.type === 'support.request.created');
    const recipients = created.flatMap((e) => e.recipients);
    expect(recipients).toEqual(expect.arrayContaining([helper.id, second.id, leader.id, asker.id]));
    for (const outsider of [otherHouse, programHouse, alumnus, counselor, admin, otherOrgAdmin]) {
      expect(recipients).not.toContain(outsider.id);
    }
    // Housemates see it in their list; another house sees nothing, not even by its id.
    const browse = await call('GET', '/api/support/requests', { as: helper });
    expect(browse.body.requests.map((r: { id: string }) => r.id)).toContain(posted.body.id);
    const outside = await call('GET', '/api/support/requests', { as: otherHouse });
    expect(outside.text).not.toContain(posted.body.id);
    expect((await call('GET', `/api/support/requests/${posted.body.id}`, { as: otherHouse })).status).toBe(
      404,
    );
    expect((await call('GET', `/api/support/requests/${posted.body.id}`, { as: otherOrgAdmin })).status).toBe(
      404,
    );
    // The house hears of it in their notifications, the author does not.
    const notes = await testDb()
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, `support_request:${posted.body.id}`));
    expect(notes.map((n) => n.personId).sort()).toEqual([helper.id, second.id, leader.id].sort());
  });

  it('should refuse an unknown kind with a 400 naming the field, and write nothing', async () => {
    const before = await countRows();
    const result = await ask(asker, { supportKind: 'financial' });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([expect.objectContaining({ field: 'supportKind' })]);
    expect(await countRows()).toEqual(before);
  });

  it('should refuse a missing kind with a 400 naming the field, and write nothing', async () => {
    const before = await countRows();
    const result = await ask(asker, { supportKind: undefined });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({ reason: 'request.invalid' });
    expect(result.body.error.fields).toEqual([expect.objectContaining({ field: 'supportKind' })]);
    expect(await countRows()).toEqual(before);
  });

  it('should refuse an empty text, an unknown audience and a text over 280 characters', async () => {
    expect((await ask(asker, { body: '  ' })).status).toBe(400);
    expect((await ask(asker, { audience: 'world' })).status).toBe(400);
    expect((await ask(asker, { body: 'x'.repeat(281) })).status).toBe(400);
  });

  it('should post once for a retried request with the same idempotency key', async () => {
    const first = await ask(asker, { idempotencyKey: 'retry-key-0001' });
    const again = await ask(asker, { idempotencyKey: 'retry-key-0001' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const created = (await eventsAbout(first.body.id)).filter((e) => e.type === 'support.request.created');
    expect(created).toHaveLength(1);
  });

  it('should fail with 403 support.not_peer when a counselor or an admin who is not a peer posts', async () => {
    for (const person of [counselor, admin]) {
      const refused = await ask(person, { audience: 'organization' });
      expect(refused.status).toBe(403);
      expect(refused.body.error).toMatchObject({ code: 'forbidden', reason: 'support.not_peer' });
    }
  });

  it('should fail with 400 support.no_house on the audience when someone without a house asks their house', async () => {
    const refused = await ask(alumnus, { audience: 'house' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.reason).toBe('support.no_house');
    expect(refused.body.error.fields).toEqual([
      { field: 'audience', reason: 'support.no_house', message: expect.any(String) },
    ]);
  });

  it('should reach the houses of the program, and refuse the program audience for a house without one', async () => {
    const posted = await ask(asker, { audience: 'program' });
    expect(posted.status).toBe(201);
    expect((await call('GET', `/api/support/requests/${posted.body.id}`, { as: programHouse })).status).toBe(
      200,
    );
    expect((await call('GET', `/api/support/requests/${posted.body.id}`, { as: otherHouse })).status).toBe(
      404,
    );
    const recipients = (await eventsAbout(posted.body.id)).flatMap((e) => e.recipients);
    expect(recipients).toContain(programHouse.id);
    expect(recipients).not.toContain(otherHouse.id);
    const refused = await ask(otherHouse, { audience: 'program' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.reason).toBe('support.no_program');
    expect(refused.body.error.fields).toEqual([
      { field: 'audience', reason: 'support.no_program', message: expect.any(String) },
    ]);
  });

  it('should reach only alumni with the alumni audience, and every peer with the organization audience', async () => {
    const alumni = await ask(asker, { audience: 'alumni' });
    expect((await call('GET', `/api/support/requests/${alumni.body.id}`, { as: alumnus })).status).toBe(200);
    expect((await call('GET', `/api/support/requests/${alumni.body.id}`, { as: otherHouse })).status).toBe(
      404,
    );
    const org = await ask(asker, { audience: 'organization' });
    expect((await call('GET', `/api/support/requests/${org.body.id}`, { as: otherHouse })).status).toBe(200);
    expect((await call('GET', `/api/support/requests/${org.body.id}`, { as: counselor })).status).toBe(404);
    expect((await call('GET', `/api/support/requests/${org.body.id}`, { as: otherOrgAdmin })).status).toBe(
      404,
    );
  });
});

describe('anonymous requests', () => {
  it('should never show the author to peers in a response, event or notification; the peer leader sees who', async () => {
    const posted = await ask(asker, { anonymous: true, audience: 'organization' });
    const id = posted.body.id;
    expect(posted.body.author.displayName).toContain(ASKER_FIRST);
    const peerView = await call('GET', `/api/support/requests/${id}`, { as: helper });
    expect(peerView.body.author).toBeNull();
    const farView = await call('GET', `/api/support/requests/${id}`, { as: otherHouse });
    expect(farView.body.author).toBeNull();
    const listed = (await call('GET', '/api/support/requests', { as: helper })).body.requests.find(
      (r: { id: string }) => r.id === id,
    );
    for (const text of [peerView.text, farView.text, JSON.stringify(listed)]) {
      expect(text).not.toContain(ASKER_FIRST);
      expect(text).not.toContain(asker.id);
    }
    const leaderView = await call('GET', `/api/support/requests/${id}`, { as: leader });
    expect(leaderView.body.author.displayName).toContain(ASKER_FIRST);

    // Respond, accept, mark helped: every event and notification a peer gets is without the author.
    const offered = await respond(helper, id);
    expect(offered.text).not.toContain(ASKER_FIRST);
    const responseId = offered.body.responses[0].id;
    const accepted = await call('POST', `/api/support/responses/${responseId}/accept`, { as: asker });
    expect(accepted.status).toBe(200);
    expect(
      (await call('POST', `/api/support/responses/${responseId}/helped`, { as: asker, body: {} })).status,
    ).toBe(200);
    const events = await eventsAbout(id);
    expect(events.length).toBeGreaterThan(3);
    for (const e of events) {
      const text = JSON.stringify(e.payload);
      const namedForLeaderOrAuthor = e.recipients.every((r) => r === asker.id || r === leader.id);
      if (!namedForLeaderOrAuthor) {
        expect(text, e.type).not.toContain(ASKER_FIRST);
        expect(text, e.type).not.toContain(asker.id);
      }
      expect(text).not.toContain(SECRET);
    }
    expect(
      events.some((e) => e.recipients.includes(leader.id) && JSON.stringify(e.payload).includes(ASKER_FIRST)),
    ).toBe(true);
    const peerNotes = await testDb()
      .select()
      .from(notifications)
      .where(eq(notifications.personId, helper.id));
    const aboutThis = peerNotes.filter((n) => (n.data as { requestId?: string }).requestId === id);
    expect(aboutThis.map((n) => n.kind).sort()).toEqual([
      'support_accepted',
      'support_helped',
      'support_request',
    ]);
    for (const n of aboutThis) expect(JSON.stringify(n.data)).not.toContain(ASKER_FIRST);
    // The helper's own ledger keeps the person helped unnamed too.
    const ledger = await call('GET', '/api/support/ledger/mine', { as: helper });
    expect(ledger.text).not.toContain(ASKER_FIRST);
    expect(ledger.body.given[0]).toMatchObject({
      supportKind: 'instrumental',
      other: null,
      source: 'request',
    });
  });
});

describe('offers, acceptance and "this helped"', () => {
  it("should take one offer per peer, tell the author, and fail with 400 support.own_post on one's own request", async () => {
    const posted = await ask(asker);
    const id = posted.body.id;
    const before = await countRows();
    const own = await respond(asker, id);
    expect(own.status).toBe(400);
    expect(own.body.error.reason).toBe('support.own_post');
    expect(await countRows()).toEqual(before);

    const first = await respond(helper, id);
    expect(first.status).toBe(201);
    expect(first.body.state).toBe('offered');
    expect(first.body.responses).toHaveLength(1);
    const again = await respond(helper, id);
    expect(again.status).toBe(200);
    const rows = await testDb().select().from(supportResponses).where(eq(supportResponses.requestId, id));
    expect(rows).toHaveLength(1);
    const note = (
      await testDb()
        .select()
        .from(notifications)
        .where(and(eq(notifications.personId, asker.id), eq(notifications.kind, 'support_offer')))
    ).find((n) => (n.data as { requestId?: string }).requestId === id);
    expect(note?.data).toMatchObject({ requestId: id, personName: expect.stringContaining('Hana') });
    // Another house cannot respond to what it cannot see.
    expect((await respond(otherHouse, id)).status).toBe(404);
  });

  it('should accept one or more offers, open a private thread with each, and fail with 409 support.offer_withdrawn on a withdrawn one', async () => {
    const id = (await ask(asker)).body.id;
    const a = (await respond(helper, id)).body.responses[0].id;
    const b = (await respond(second, id)).body.responses[0].id;
    // Only the author accepts.
    const byLeader = await call('POST', `/api/support/responses/${a}/accept`, { as: leader });
    expect(byLeader.status).toBe(403);
    expect(byLeader.body.error.reason).toBe('support.not_author');
    const accepted = await call('POST', `/api/support/responses/${a}/accept`, { as: asker });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('accepted');
    const mine = accepted.body.responses.find((r: { id: string }) => r.id === a);
    expect(mine.state).toBe('accepted');
    expect(mine.conversationId).toEqual(expect.any(String));
    const members = await testDb()
      .select({ personId: conversationMembers.personId })
      .from(conversationMembers)
      .where(eq(conversationMembers.conversationId, mine.conversationId));
    expect(members.map((m) => m.personId).sort()).toEqual([asker.id, helper.id].sort());
    const [told] = await testDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.personId, helper.id), eq(notifications.kind, 'support_accepted')))
      .orderBy(sql`created_at desc`);
    expect(told?.data).toMatchObject({ requestId: id, conversationId: mine.conversationId });
    // Accepting again is the same thread.
    const twice = await call('POST', `/api/support/responses/${a}/accept`, { as: asker });
    expect(twice.body.responses.find((r: { id: string }) => r.id === a).conversationId).toBe(
      mine.conversationId,
    );

    // The second helper withdraws; accepting that offer is refused and changes nothing.
    const byAuthor = await call('POST', `/api/support/responses/${b}/withdraw`, { as: asker });
    expect(byAuthor.status).toBe(403);
    expect(byAuthor.body.error.reason).toBe('support.not_responder');
    expect((await call('POST', `/api/support/responses/${b}/withdraw`, { as: second })).status).toBe(200);
    const before = await countRows();
    const refused = await call('POST', `/api/support/responses/${b}/accept`, { as: asker });
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('support.offer_withdrawn');
    expect(await countRows()).toEqual(before);
    const [stillWithdrawn] = await testDb().select().from(supportResponses).where(eq(supportResponses.id, b));
    expect(stillWithdrawn?.state).toBe('withdrawn');
    expect(stillWithdrawn?.conversationId).toBeNull();
  });

  it('should record "this helped" once in the support ledger, close the request, and show both people', async () => {
    const id = (await ask(asker, { supportKind: 'emotional' })).body.id;
    const responseId = (await respond(helper, id)).body.responses[0].id;
    // Not before it is accepted, and only by the person helped.
    const early = await call('POST', `/api/support/responses/${responseId}/helped`, { as: asker, body: {} });
    expect(early.status).toBe(409);
    expect(early.body.error.reason).toBe('support.not_accepted');
    await call('POST', `/api/support/responses/${responseId}/accept`, { as: asker });
    const byHelper = await call('POST', `/api/support/responses/${responseId}/helped`, {
      as: helper,
      body: {},
    });
    expect(byHelper.status).toBe(403);
    expect(byHelper.body.error.reason).toBe('support.not_receiver');
    const helped = await call('POST', `/api/support/responses/${responseId}/helped`, {
      as: asker,
      body: { note: 'Thank you' },
    });
    expect(helped.status).toBe(200);
    expect(helped.body.state).toBe('done');
    await call('POST', `/api/support/responses/${responseId}/helped`, { as: asker, body: {} });
    const entries = await testDb().select().from(supportLedger).where(eq(supportLedger.supportRequestId, id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      giverId: helper.id,
      receiverId: asker.id,
      supportKind: 'emotional',
      source: 'request',
      residenceId: houseA,
    });
    const given = await call('GET', '/api/support/ledger/mine', { as: helper });
    expect(
      given.body.given.some((g: { other: { displayName: string } | null }) =>
        g.other?.displayName.includes(ASKER_FIRST),
      ),
    ).toBe(true);
    expect(given.body.givenThisMonth).toBeGreaterThanOrEqual(1);
    expect(given.body.peopleHelpedThisMonth).toBeGreaterThanOrEqual(1);
    const received = await call('GET', '/api/support/ledger/mine', { as: asker });
    expect(
      received.body.received.some((r: { other: { displayName: string } }) =>
        r.other.displayName.includes('Hana'),
      ),
    ).toBe(true);
    const [told] = await testDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.personId, helper.id), eq(notifications.kind, 'support_helped')));
    expect(told).toBeDefined();
    // A done request takes no more offers.
    const done = await respond(second, id);
    expect(done.status).toBe(409);
    expect(done.body.error.reason).toBe('support.closed');
  });

  it('should let the author withdraw a request, tell the helpers, and take no more offers', async () => {
    const id = (await ask(asker)).body.id;
    await respond(helper, id);
    const byHelper = await call('POST', `/api/support/requests/${id}/withdraw`, { as: helper });
    expect(byHelper.status).toBe(403);
    expect(byHelper.body.error.reason).toBe('support.not_author');
    const withdrawn = await call('POST', `/api/support/requests/${id}/withdraw`, { as: asker });
    expect(withdrawn.body.state).toBe('withdrawn');
    const [told] = await testDb()
      .select()
      .from(notifications)
      .where(and(eq(notifications.personId, helper.id), eq(notifications.kind, 'support_withdrawn')));
    expect(told?.data).toMatchObject({ requestId: id });
    const before = await countRows();
    const late = await respond(second, id);
    expect(late.status).toBe(409);
    expect(late.body.error.reason).toBe('support.closed');
    expect(await countRows()).toEqual(before);
    const browse = await call('GET', '/api/support/requests', { as: second });
    expect(browse.text).not.toContain(id);
  });

  it('should expire open requests past their expiry, and tell the author', async () => {
    const id = (await ask(asker, { expiresInDays: 1 })).body.id;
    testClock().advance({ days: 1, minutes: 1 });
    // Already shown as expired before the job runs, and gone from browsing.
    expect((await call('GET', `/api/support/requests/${id}`, { as: helper })).body.state).toBe('expired');
    const late = await respond(helper, id);
    expect(late.status).toBe(409);
    expect(late.body.error.reason).toBe('support.closed');
    expect(await expireSupportPosts(testDb(), testClock().now())).toBeGreaterThanOrEqual(1);
    const [row] = await testDb().select().from(supportRequests).where(eq(supportRequests.id, id));
    expect(row?.state).toBe('expired');
    const [told] = await testDb()
      .select()
      .from(notifications)
      .where(eq(notifications.dedupeKey, `support_expired:${id}`));
    expect(told?.personId).toBe(asker.id);
    expect(await expireSupportPosts(testDb(), testClock().now())).toBe(0);
  });
});

describe('standing offers', () => {
  it('should let a peer ask for a standing offer; the offerer accepts, the one helped marks it, the offer stays open', async () => {
    const offer = await call('POST', '/api/support/requests', {
      as: helper,
      body: {
        type: 'offer',
        supportKind: 'instrumental',
        body: 'I can give rides on weekends',
        audience: 'house',
      },
    });
    expect(offer.status).toBe(201);
    expect(new Date(offer.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const browse = await call('GET', '/api/support/requests?type=offer', { as: second });
    expect(browse.body.requests.map((r: { id: string }) => r.id)).toContain(offer.body.id);
    const wants = await respond(second, offer.body.id, 'Saturday to the market?');
    const responseId = wants.body.responses[0].id;
    await call('POST', `/api/support/responses/${responseId}/accept`, { as: helper });
    expect(
      (await call('POST', `/api/support/responses/${responseId}/helped`, { as: helper, body: {} })).status,
    ).toBe(403);
    const helped = await call('POST', `/api/support/responses/${responseId}/helped`, {
      as: second,
      body: {},
    });
    expect(helped.status).toBe(200);
    const [entry] = await testDb()
      .select()
      .from(supportLedger)
      .where(eq(supportLedger.supportRequestId, offer.body.id));
    expect(entry).toMatchObject({ giverId: helper.id, receiverId: second.id });
    // The one who offered hears that it helped, and sees it on the offer.
    const heard = (await eventsAbout(offer.body.id)).filter((e) => e.type === 'support.helped');
    expect(heard.map((e) => e.recipients)).toEqual([[helper.id]]);
    const authorView = await call('GET', `/api/support/requests/${offer.body.id}`, { as: helper });
    expect(authorView.body.responses[0].helpedAt).toEqual(expect.any(String));
    const stillOpen = await call('GET', `/api/support/requests/${offer.body.id}`, { as: asker });
    expect(stillOpen.body.state).toBe('accepted');
    expect(stillOpen.body.canRespond).toBe(true);
  });
});

describe('the ledger by house', () => {
  it('should give peer leaders and admins counts by kind per house per week, with no names or texts', async () => {
    const forLeader = await call('GET', '/api/support/ledger/houses?weeks=4', { as: leader });
    expect(forLeader.status).toBe(200);
    const maple = forLeader.body.weeks.filter((w: { residenceId: string }) => w.residenceId === houseA);
    expect(maple.length).toBeGreaterThan(0);
    const total = maple.reduce(
      (
        n: number,
        w: { emotional: number; instrumental: number; informational: number; affiliational: number },
      ) => n + w.emotional + w.instrumental + w.informational + w.affiliational,
      0,
    );
    expect(total).toBeGreaterThanOrEqual(3);
    expect(forLeader.text).not.toContain(ASKER_FIRST);
    expect(forLeader.text).not.toContain(SECRET);
    expect(forLeader.text).not.toContain('Thank you');
    // The leader sees their own house only; the admin every house.
    expect(forLeader.body.weeks.every((w: { residenceId: string }) => w.residenceId === houseA)).toBe(true);
    const forAdmin = await call('GET', '/api/support/ledger/houses', { as: admin });
    expect(forAdmin.body.weeks.some((w: { residenceId: string }) => w.residenceId === houseA)).toBe(true);
    expect((await call('GET', '/api/support/ledger/houses', { as: helper })).status).toBe(403);
    const elsewhere = await call('GET', '/api/support/ledger/houses', { as: otherOrgAdmin });
    expect(elsewhere.text).not.toContain(houseA);
    expect((await call('GET', '/api/support/ledger/houses?weeks=0', { as: admin })).status).toBe(400);
  });

  it('should keep the admin from reading request texts', async () => {
    const browse = await call('GET', '/api/support/requests', { as: admin });
    expect(browse.body.requests).toEqual([]);
    const mine = await call('GET', '/api/support/mine', { as: counselor });
    expect(mine.body).toEqual({ posts: [], responded: [] });
  });
});

describe('the list of what reaches me', () => {
  it('should still list a visible post behind more than 200 newer ones the viewer may not see', async () => {
    const posted = await ask(asker);
    expect(posted.status).toBe(201);
    // 250 newer open posts of another house (made as rows: posting them would meet the rate limit).
    const hidden = Array.from({ length: 250 }, (_, i) => ({
      organizationId: admin.organizationId,
      authorId: otherHouse.id,
      residenceId: houseB,
      type: 'request',
      supportKind: 'emotional',
      body: `Someone to talk to tonight #${i}`,
      audience: 'house',
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
      createdAt: new Date(Date.now() + 60_000 + i),
    }));
    const rows = await testDb().insert(supportRequests).values(hidden).returning({ id: supportRequests.id });
    try {
      const browse = await call('GET', '/api/support/requests', { as: helper });
      expect(browse.status).toBe(200);
      const ids = browse.body.requests.map((r: { id: string }) => r.id);
      expect(ids).toContain(posted.body.id);
      expect(ids.some((id: string) => rows.some((r) => r.id === id))).toBe(false);
      // The other house still sees its own newest ones, and not the asker's.
      const outside = await call('GET', '/api/support/requests', { as: second });
      expect(outside.body.requests.map((r: { id: string }) => r.id)).toContain(posted.body.id);
      const theirs = await call('GET', '/api/support/requests', { as: programHouse });
      expect(theirs.text).not.toContain(posted.body.id);
    } finally {
      for (const r of rows) await testDb().delete(supportRequests).where(eq(supportRequests.id, r.id));
    }
  });
});
