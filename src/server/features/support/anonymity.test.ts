// Anonymity holds on every surface. Anonymous support posts (a request to the whole organization, one to
// the house, a standing offer) and an agenda item raised without a name go through their whole life —
// offer, accept, private thread, messages, a report, "this helped", withdrawals, minutes — while a peer,
// the helpers, the helper's peer leader, the meeting's secretary, an admin and a counselor each walk every
// GET route of the API (with every id the life produced) and keep a live WebSocket open. Everything they
// receive (bodies, headers, events, also replayed ones) is searched for the author's id and names: a
// mention that was not already there before the posts existed (e.g. the author in their house's roster)
// fails the test — so a route or an event added later that leaks the author fails it too.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type CallResult, call } from '../../../test/app.ts';
import {
  buildPerson,
  buildResidence,
  setUpOrganization,
  signIn,
  type TestPerson,
} from '../../../test/factories.ts';
import { openSocket, type TestSocket } from '../../../test/realtime.ts';
import { apiRouteKeys, buildAppWithRouteList } from '../../../test/routes.ts';
import { waitFor } from '../../../test/wait.ts';

const AUTHOR = { firstName: 'Zephyrine', lastName: 'Quillfeather', username: 'zephyrine-q' };
/** The author's house: on a post to the whole organization it would narrow who asked to a handful. */
const AUTHOR_HOUSE = 'Juniper Row';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Not walked: the socket itself (opened below) and pages that are no JSON about people. */
const NOT_WALKED = new Set(['GET /api/realtime', 'GET /api/docs', 'GET /api/openapi.json']);

let app: FastifyInstance;
let base: string;
let getRoutes: string[];
let admin: TestPerson;
let author: TestPerson;
let leader: TestPerson;
let observers: Record<string, TestPerson>;
let houseA: string;
let houseB: string;
const sockets = new Map<string, TestSocket>();
/** Ids the walk fills route parameters with: the houses, then everything the life produces. */
const pool = new Set<string>();
let personIds: Set<string>;

type Mention = { who: string; where: string; key: string };

/**
 * The author's id and names, as they could appear anywhere; and their house, for those who neither live
 * there nor run the organization (to a housemate it is home, to an admin a line of counts per house).
 */
const needles = (who: string) =>
  [
    author.id,
    AUTHOR.firstName,
    AUTHOR.lastName,
    AUTHOR.username,
    ...(OUTSIDE_THE_HOUSE.includes(who) ? [AUTHOR_HOUSE] : []),
  ].map((n) => n.toLowerCase());
const OUTSIDE_THE_HOUSE = ['helper', 'helperLeader', 'counselor'];

/**
 * Where a value mentions the author: one key per mention, its JSON path with each array element named by
 * its record's id (so a new record mentioning the author is a new key; the same roster line is not).
 */
function mentionKeys(who: string, value: unknown, path = '$', out: string[] = []): string[] {
  const hit = (s: string) => needles(who).some((n) => s.toLowerCase().includes(n));
  if (typeof value === 'string') {
    if (hit(value)) out.push(path);
  } else if (Array.isArray(value)) {
    for (const item of value) {
      const id = item && typeof item === 'object' && 'id' in item ? String(item.id) : '';
      mentionKeys(who, item, `${path}[${id && id !== author.id ? id : ''}]`, out);
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (hit(k)) out.push(`${path}.{key}`);
      mentionKeys(who, v, `${path}.${k}`, out);
    }
  }
  return out;
}

function mentionsIn(who: string, result: CallResult): string[] {
  const keys = result.body !== null ? mentionKeys(who, result.body) : mentionKeys(who, result.text, '$text');
  const headers = JSON.stringify(result.headers).toLowerCase();
  if (needles(who).some((n) => headers.includes(n))) keys.push('$headers');
  return keys;
}

/** Every uuid in a value except people's: the records a life step made, to walk routes with. */
function harvest(value: unknown): void {
  if (typeof value === 'string') {
    if (UUID.test(value) && !personIds.has(value) && value !== admin.organizationId) pool.add(value);
  } else if (Array.isArray(value)) for (const v of value) harvest(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) harvest(v);
}

const baseline = new Map<string, Set<string>>();
const leaks: Mention[] = [];
const seenByAuthor: string[] = [];

function record(who: string, where: string, result: CallResult, phase: 'baseline' | 'life') {
  const keys = mentionsIn(who, result);
  const mark = `${who} ${where}`;
  if (who === 'author') {
    seenByAuthor.push(...keys);
    return;
  }
  if (!(who in observers)) return;
  if (phase === 'baseline') {
    baseline.set(mark, new Set([...(baseline.get(mark) ?? []), ...keys]));
    return;
  }
  const before = baseline.get(mark) ?? new Set();
  for (const key of keys) if (!before.has(key)) leaks.push({ who, where, key });
}

const everyone = (): Record<string, TestPerson> => ({ author, leader, ...observers });

/** A step of the life, taken by one of the people; what they receive is searched like the rest. */
async function as(who: string, method: string, url: string, body?: unknown) {
  const person = everyone()[who];
  if (!person) throw new Error(`nobody called ${who}`);
  const result = await call(method, url, { as: person, app, ...(body !== undefined ? { body } : {}) });
  if (result.status >= 400) throw new Error(`${who} ${method} ${url}: ${result.status} ${result.text}`);
  harvest(result.body);
  record(who, `${method} ${url}`, result, 'life');
  return result.body;
}

/** Every GET route, each parameter filled with every id of the pool; what each observer receives. */
async function walk(phase: 'baseline' | 'life') {
  for (const [who, person] of Object.entries(observers)) {
    for (const route of getRoutes) {
      const url = route.slice('GET '.length);
      const names = url.match(/:[A-Za-z]+/g) ?? [];
      const urls =
        names.length === 0 ? [url] : [...pool].map((id) => names.reduce((u, n) => u.replace(n, id), url));
      for (const u of urls) {
        const result = await call('GET', u, { as: person, app });
        expect(result.status, `${who} GET ${u}`).toBeLessThan(500);
        record(who, `GET ${u}`, result, phase);
      }
    }
    // The whole audit log since the life began, page by page (the walk itself fills it fast).
    let before: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = await call(
        'GET',
        `/api/audit?limit=200${before ? `&before=${encodeURIComponent(before)}` : ''}`,
        {
          as: person,
          app,
        },
      );
      if (result.status !== 200 || result.body.events.length === 0) break;
      record(who, 'GET /api/audit (every page)', result, phase);
      before = result.body.events.at(-1).at;
    }
  }
}

beforeAll(async () => {
  admin = await setUpOrganization();
  houseA = (await buildResidence(admin, { name: AUTHOR_HOUSE })).id;
  houseB = (await buildResidence(admin, { name: 'Cedar House' })).id;
  author = await buildPerson(admin, { role: 'resident', residenceId: houseA, ...AUTHOR });
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseA, firstName: 'Lena' });
  observers = {
    peer: await buildPerson(admin, { role: 'resident', residenceId: houseA, firstName: 'Pablo' }),
    secretary: await buildPerson(admin, { role: 'resident', residenceId: houseA, firstName: 'Sofia' }),
    helper: await buildPerson(admin, { role: 'resident', residenceId: houseB, firstName: 'Hollis' }),
    helperLeader: await buildPerson(admin, { role: 'peer_leader', residenceId: houseB, firstName: 'Bruno' }),
    counselor: await buildPerson(admin, { role: 'counselor', firstName: 'Carmen' }),
    admin,
  };
  personIds = new Set(Object.values(everyone()).map((p) => p.id));
  const assigned = await call('POST', '/api/counselor-assignments', {
    as: admin,
    body: { counselorId: observers.counselor!.id, residentId: author.id },
  });
  expect(assigned.status).toBe(201);
  // The author signs in again now, so the baseline already holds it.
  author.cookie = await signIn(AUTHOR.username);
  const built = await buildAppWithRouteList();
  await built.app.close();
  getRoutes = apiRouteKeys(built.routes).filter((r) => r.startsWith('GET ') && !NOT_WALKED.has(r));
  app = await buildTestApp();
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  pool.add(houseA);
  pool.add(houseB);
}, 120_000);

afterAll(async () => {
  for (const s of sockets.values()) await s.close().catch(() => {});
  await app?.close();
});

describe('anonymity across every surface', () => {
  it('never names the author of anonymous posts and agenda items to anyone who may not know', async () => {
    // A meeting of house A, its peer leader in the chair and a housemate as secretary.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const meeting = await call('POST', `/api/residences/${houseA}/meetings`, {
      as: admin,
      body: { kind: 'one_off', title: 'House meeting', date: tomorrow, time: '20:00' },
    });
    expect(meeting.status).toBe(201);
    const meetingId = meeting.body.id as string;
    const roles = await call('PATCH', `/api/meetings/${meetingId}`, {
      as: leader,
      body: { chairId: leader.id, secretaryId: observers.secretary!.id },
    });
    expect(roles.status).toBe(200);
    pool.add(meetingId);

    await walk('baseline');
    for (const [who, person] of Object.entries(observers)) {
      sockets.set(who, await openSocket(base, { cookie: person.cookie }));
    }

    // An anonymous request to the whole organization: offered, accepted, talked about, reported, helped.
    const wide = await as('author', 'POST', '/api/support/requests', {
      type: 'request',
      supportKind: 'emotional',
      body: 'Rough night, could use someone to talk to',
      audience: 'organization',
      anonymous: true,
    });
    const offered = await as('helper', 'POST', `/api/support/requests/${wide.id}/responses`, {
      note: 'I am around tonight',
    });
    const wideResponse = offered.responses[0].id as string;
    // A house request too: the peer offers; and a third one to the organization the helper takes back.
    const house = await as('author', 'POST', '/api/support/requests', {
      type: 'request',
      supportKind: 'instrumental',
      body: 'A ride to the clinic on Friday?',
      audience: 'house',
      anonymous: true,
    });
    const houseOffer = await as('peer', 'POST', `/api/support/requests/${house.id}/responses`, {});
    const third = await as('author', 'POST', '/api/support/requests', {
      type: 'request',
      supportKind: 'informational',
      body: 'How do I find a sponsor?',
      audience: 'organization',
      anonymous: true,
    });
    const thirdOffer = await as('helper', 'POST', `/api/support/requests/${third.id}/responses`, {});
    await as('helper', 'POST', `/api/support/responses/${thirdOffer.responses[0].id}/withdraw`);
    await as('author', 'POST', `/api/support/requests/${third.id}/withdraw`);
    // A standing offer without a name: the peer asks for it.
    const standing = await as('author', 'POST', '/api/support/requests', {
      type: 'offer',
      supportKind: 'affiliational',
      body: 'Walks in the park on Sundays',
      audience: 'house',
      anonymous: true,
    });
    const asked = await as('peer', 'POST', `/api/support/requests/${standing.id}/responses`, {});

    const accepted = await as('author', 'POST', `/api/support/responses/${wideResponse}/accept`);
    const thread = accepted.responses[0].conversationId as string;
    const houseAccepted = await as(
      'author',
      'POST',
      `/api/support/responses/${houseOffer.responses[0].id}/accept`,
    );
    const houseThread = houseAccepted.responses[0].conversationId as string;
    const standingAccepted = await as(
      'author',
      'POST',
      `/api/support/responses/${asked.responses[0].id}/accept`,
    );
    const standingThread = standingAccepted.responses[0].conversationId as string;

    await as('helper', 'POST', `/api/chat/conversations/${thread}/messages`, { body: 'Hi, I am here.' });
    const said = await as('author', 'POST', `/api/chat/conversations/${thread}/messages`, {
      body: 'Thank you. It has been a hard week.',
    });
    await as('author', 'GET', `/api/chat/conversations/${thread}/messages`);
    await as('author', 'POST', `/api/chat/conversations/${thread}/read`, { seq: said.seq });
    await as('helper', 'POST', `/api/chat/conversations/${thread}/read`, { seq: said.seq });
    await as('author', 'POST', `/api/chat/conversations/${houseThread}/messages`, { body: 'Friday at 9?' });
    await as('peer', 'POST', `/api/chat/conversations/${houseThread}/messages`, { body: 'Works for me.' });
    await as('author', 'POST', `/api/chat/conversations/${standingThread}/messages`, { body: 'Sunday?' });
    // The helper reports one of the author's messages; their own peer leader reviews and hides it.
    await as('helper', 'POST', `/api/chat/messages/${said.id}/report`, { reason: 'just checking' });
    await as('helperLeader', 'GET', '/api/chat/reports');
    await as('helperLeader', 'POST', `/api/chat/messages/${said.id}/hide`);

    // The anonymous agenda item: raised, reworded, minuted, given a commitment, published.
    const item = await as('author', 'POST', `/api/meetings/${meetingId}/agenda`, {
      title: 'Noise after midnight',
      details: 'It keeps me up',
      anonymous: true,
    });
    await as('author', 'PATCH', `/api/agenda-items/${item.id}`, { title: 'Noise late at night' });
    await walk('life');

    await as('leader', 'POST', `/api/meetings/${meetingId}/start`);
    await as('secretary', 'PATCH', `/api/agenda-items/${item.id}`, { minutes: 'Quiet hours from 11.' });
    await as('secretary', 'POST', `/api/meetings/${meetingId}/commitments`, {
      agendaItemId: item.id,
      helperId: observers.peer!.id,
      helpedId: null,
      description: 'Put up a quiet-hours sign',
      supportKind: 'instrumental',
    });
    await as('leader', 'POST', `/api/meetings/${meetingId}/close`);

    // "This helped", the house request taken back after it was accepted, the standing offer marked.
    await as('author', 'POST', `/api/support/responses/${wideResponse}/helped`, { note: 'It did' });
    await as('author', 'POST', `/api/support/requests/${house.id}/withdraw`);
    await as('peer', 'POST', `/api/support/responses/${asked.responses[0].id}/helped`, {});
    await walk('life');

    // Every live event, and the same again as a reconnecting phone gets them replayed.
    for (const [who, person] of Object.entries(observers)) {
      const live = sockets.get(who)!;
      const replay = await openSocket(base, { cookie: person.cookie, after: 0 });
      // Every event replayed has reached the live socket too.
      const lastSeq = (socket: TestSocket) => Math.max(0, ...socket.events().map((e) => e.seq));
      await waitFor(() => lastSeq(live) >= lastSeq(replay), { message: `${who}'s live events` });
      for (const [how, socket] of [
        ['live', live],
        ['replayed', replay],
      ] as const) {
        for (const event of socket.events()) {
          for (const key of mentionKeys(who, event.payload)) {
            leaks.push({ who, where: `${how} event ${event.type}`, key });
          }
        }
      }
      await replay.close();
    }

    // The search is not blind: the author sees their own name, the helper had something to receive.
    expect(seenByAuthor.length).toBeGreaterThan(0);
    expect(
      sockets
        .get('helper')!
        .events()
        .map((e) => e.type),
    ).toEqual(
      expect.arrayContaining([
        'support.request.created',
        'support.response.accepted',
        'chat.message',
        'support.helped',
      ]),
    );
    const leaderView = await call('GET', `/api/support/requests/${wide.id}`, { as: leader, app });
    expect(leaderView.body.author.displayName).toContain(AUTHOR.firstName);
    expect(leaks).toEqual([]);
  }, 300_000);
});

describe('PATCH /api/chat/conversations/:conversationId/my-name', () => {
  /** An anonymous organization-wide request, offered on by the helper and accepted: its thread's id. */
  async function anonymousThread(supportKind: string, body: string): Promise<string> {
    const post = await as('author', 'POST', '/api/support/requests', {
      type: 'request',
      supportKind,
      body,
      audience: 'organization',
      anonymous: true,
    });
    const offer = await as('helper', 'POST', `/api/support/requests/${post.id}/responses`, {});
    const accepted = await as('author', 'POST', `/api/support/responses/${offer.responses[0].id}/accept`);
    return accepted.responses[0].conversationId as string;
  }

  it('lets the author of an anonymous request show their name to the helper, live, and hide it again', async () => {
    const thread = await anonymousThread('emotional', 'Anyone free for coffee?');
    await as('author', 'POST', `/api/chat/conversations/${thread}/messages`, { body: 'Hello' });
    const helper = observers.helper!;
    const seenBy = async (person: TestPerson) => {
      const detail = await call('GET', `/api/chat/conversations/${thread}`, { as: person, app });
      const page = await call('GET', `/api/chat/conversations/${thread}/messages`, { as: person, app });
      return { detail: detail.body, firstAuthor: page.body.messages[0].author };
    };

    const before = await seenBy(helper);
    expect(before.detail.others).toEqual([{ unnamed: 'helped' }]);
    expect(before.detail.myName).toBe('shown');
    expect(before.firstAuthor).toEqual({ unnamed: 'helped' });
    expect((await seenBy(author)).detail.myName).toBe('hidden');

    const socket = await openSocket(base, { cookie: helper.cookie });
    const shown = await call('PATCH', `/api/chat/conversations/${thread}/my-name`, {
      as: author,
      app,
      body: { shown: true },
    });
    expect(shown.status).toBe(200);
    expect(shown.body.myName).toBe('revealed');
    const update = await socket.waitFor(
      'event',
      (e) => e.type === 'chat.conversation.updated' && e.payload.conversationId === thread,
    );
    expect(JSON.stringify(update.payload)).not.toContain(AUTHOR.firstName);
    const after = await seenBy(helper);
    expect(after.detail.others).toEqual([
      { id: author.id, displayName: expect.stringContaining(AUTHOR.firstName) },
    ]);
    expect(after.firstAuthor).toMatchObject({ id: author.id });
    await call('POST', `/api/chat/conversations/${thread}/messages`, {
      as: author,
      app,
      body: { body: "It's me" },
    });
    const named = await socket.waitFor(
      'event',
      (e) => e.type === 'chat.message' && e.payload.conversationId === thread,
    );
    expect(named.payload.message).toMatchObject({ author: { id: author.id } });

    const hidden = await call('PATCH', `/api/chat/conversations/${thread}/my-name`, {
      as: author,
      app,
      body: { shown: false },
    });
    expect(hidden.body.myName).toBe('hidden');
    const again = await seenBy(helper);
    expect(again.detail.others).toEqual([{ unnamed: 'helped' }]);
    expect(again.firstAuthor).toEqual({ unnamed: 'helped' });
    await socket.close();

    // The name change is audited without a name, like everything the author does here.
    const audit = await call('GET', '/api/audit?limit=200', { as: admin, app });
    const changes = audit.body.events.filter((e: { action: string }) => e.action.startsWith('chat.name.'));
    expect(changes.map((e: { action: string; actorId: string | null }) => [e.action, e.actorId])).toEqual([
      ['chat.name.hidden', null],
      ['chat.name.shown', null],
    ]);
  });

  it('refuses with 409 chat.name_already_shown someone whose name is already shown, 404 outside the thread and 400 a bad body', async () => {
    const url = `/api/chat/conversations/${await anonymousThread('informational', 'Tips for a first meeting?')}/my-name`;
    const byHelper = await call('PATCH', url, { as: observers.helper!, app, body: { shown: false } });
    expect(byHelper.status).toBe(409);
    expect(byHelper.body.error.reason).toBe('chat.name_already_shown');
    expect(byHelper.body.error.fields).toEqual([
      { field: 'shown', reason: 'chat.name_already_shown', message: expect.any(String) },
    ]);
    expect((await call('PATCH', url, { as: observers.peer!, app, body: { shown: true } })).status).toBe(404);
    const bad = await call('PATCH', url, { as: author, app, body: { shown: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { field: 'shown', reason: 'field.wrong_type', message: expect.any(String) },
    ]);
    const still = await call('GET', url.replace('/my-name', ''), { as: author, app });
    expect(still.body.myName).toBe('hidden');
  });
});
