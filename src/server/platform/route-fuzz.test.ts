// Every route of the OpenAPI document, sent thousands of generated malformed requests (fast-check,
// fixed seed) by people of several roles: none may answer 5xx, and none refused (4xx) may write a row.
// HEARTH_FUZZ_RUNS raises the count; HEARTH_FUZZ_SEED replays a run.

import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../test/app.ts';
import {
  buildInvitation,
  buildOtherOrganization,
  buildPerson,
  buildProgram,
  buildResidence,
  setUpOrganization,
  signIn,
  type TestPerson,
} from '../../test/factories.ts';
import { buildChatWorld } from '../../test/matrix/chat.ts';
import { buildDecisionsWorld } from '../../test/matrix/decisions.ts';
import { buildMeetingsWorld } from '../../test/matrix/meetings.ts';
import { buildOutsideWorld } from '../../test/matrix/outside-meetings.ts';
import { buildReachOutWorld } from '../../test/matrix/reach-out.ts';
import { buildPeersWorld } from '../../test/matrix/skills.ts';
import { buildSupportWorld } from '../../test/matrix/support.ts';
import {
  type FuzzOperation,
  type FuzzPools,
  type FuzzRequest,
  operationsOf,
  requestFor,
} from '../../test/route-fuzz.ts';
import { apiRouteKeys, buildAppWithRouteList } from '../../test/routes.ts';

const RUNS = Number(process.env.HEARTH_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.HEARTH_FUZZ_SEED ?? 20_261_204);

/**
 * The writes a refused request may make: the record of a denied attempt, a failed sign-in's count,
 * a session's last-seen time, a request limit's count. Everything else written by a 4xx is a failure.
 */
const WRITES_A_REFUSAL_MAY_MAKE = new Set([
  'audit_events:INSERT',
  'sign_in_failures:INSERT',
  'sign_in_failures:UPDATE',
  'sessions:UPDATE',
  // The request limits' counters: a refused request counts towards its limit.
  'rate_limit_counters:INSERT',
  'rate_limit_counters:UPDATE',
  // Housekeeping now and then: counters and failures past their time are forgotten.
  'rate_limit_counters:DELETE',
  'sign_in_failures:DELETE',
]);

/** Routes slow by design (a password hash on every call, the whole document): a quarter share each. */
const SLOW_ROUTES = new Set([
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-in/form',
  'POST /api/auth/reset-password',
  'POST /api/setup',
  'POST /api/invitations/code/:code/accept',
  'GET /api/openapi.json',
  'GET /api/docs',
]);

/** Routes that none of this test's callers is sent to with their own session: it would end it. */
const WITHOUT_CALLER_SESSION = new Set(['POST /api/auth/sign-out']);

type Caller = { label: string; person: TestPerson | null; cookie: string | null; weight: number };

let app: FastifyInstance;
let appRoutes: string[];
let operations: FuzzOperation[];
let pools: FuzzPools;
let callers: Caller[];

/** A row-level trigger on every table counts each row written into fuzz_writes. */
async function installWriteCounter(): Promise<void> {
  const client = testDb().$client;
  await client.query(`
    create table fuzz_writes (id bigserial primary key, table_name text not null, operation text not null);
    create function fuzz_count_write() returns trigger language plpgsql as $$
    begin
      insert into fuzz_writes (table_name, operation) values (tg_table_name, tg_op);
      return null;
    end $$;`);
  const { rows } = await client.query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public' and tablename <> 'fuzz_writes'`,
  );
  for (const { tablename } of rows) {
    await client.query(
      `create trigger fuzz_count_write after insert or update or delete on "${tablename}"
         for each row execute function fuzz_count_write()`,
    );
  }
}

async function lastWrite(): Promise<number> {
  const { rows } = await testDb().$client.query<{ id: string | null }>(
    'select max(id) as id from fuzz_writes',
  );
  return Number(rows[0]?.id ?? 0);
}

async function writesSince(id: number): Promise<{ id: number; writes: string[] }> {
  const { rows } = await testDb().$client.query<{ id: string; table_name: string; operation: string }>(
    'select id, table_name, operation from fuzz_writes where id > $1 order by id',
    [id],
  );
  const last = rows.length > 0 ? Number(rows[rows.length - 1]!.id) : id;
  return { id: last, writes: rows.map((r) => `${r.table_name}:${r.operation}`) };
}

/** Real ids of every table (to get past the lookups) and the real path values of the world. */
async function collectPools(extra: string[]): Promise<FuzzPools> {
  const client = testDb().$client;
  const { rows: tables } = await client.query<{ table_name: string }>(
    `select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'id' and data_type = 'uuid'`,
  );
  const byTable: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const { rows } = await client.query<{ id: string }>(`select id from "${table_name}" limit 50`);
    byTable[table_name] = rows.map((r) => r.id);
  }
  const { rows: slugs } = await client.query<{ slug: string }>('select slug from organizations');
  return { ids: Object.values(byTable).flat(), byTable, strings: [...slugs.map((s) => s.slug), ...extra] };
}

async function buildWorld(): Promise<void> {
  const orgAdmin = await setUpOrganization();
  const houseA = (await buildResidence(orgAdmin, { name: 'Maple House', bedCapacity: 20 })).id;
  const houseB = (await buildResidence(orgAdmin, { name: 'Oak House', bedCapacity: 20 })).id;
  const marker = await buildPerson(orgAdmin, { role: 'resident', residenceId: houseA });
  const resident = await buildPerson(orgAdmin, { role: 'resident', residenceId: houseA });
  const peerLeader = await buildPerson(orgAdmin, { role: 'peer_leader', residenceId: houseA });
  const counselor = await buildPerson(orgAdmin, { role: 'counselor' });
  const alumni = await buildPerson(orgAdmin, { role: 'alumni', residenceId: houseA });
  const otherHouse = await buildPerson(orgAdmin, { role: 'resident', residenceId: houseB });
  const otherOrgAdmin = (await buildOtherOrganization()).admin;
  await buildProgram(orgAdmin);
  const invitation = await buildInvitation(orgAdmin, { role: 'resident', residenceId: houseA });
  await call('POST', '/api/check-ins', {
    as: marker,
    body: { idempotencyKey: 'fuzz-marker-check-in', mood: 2, craving: 9, gratitude: 'a quiet morning' },
  });
  await call('POST', '/api/barc10', { as: marker, body: { answers: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5] } });
  const twentyDaysAgo = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  await call('POST', '/api/journey/clocks', {
    as: marker,
    body: { startsOn: twentyDaysAgo, visibleTo: 'house' },
  });
  await call('POST', '/api/counselor-assignments', {
    as: orgAdmin,
    body: { counselorId: counselor.id, residentId: resident.id },
  });
  await buildOutsideWorld(orgAdmin, marker);
  await buildReachOutWorld(orgAdmin, houseA, marker);
  await buildChatWorld({ marker, resident });
  await buildSupportWorld(houseA, { orgAdmin, marker });
  await buildDecisionsWorld(houseA, { resident, peerLeader, helper: marker });
  await buildMeetingsWorld(houseA, { orgAdmin, peerLeader, marker });
  await buildPeersWorld(houseA, { orgAdmin, marker, peerLeader, alumni });
  const calendar = await call('POST', '/api/calendar-feeds', { as: marker, body: { scope: 'person' } });
  const calendarFile =
    typeof calendar.body?.url === 'string' ? [calendar.body.url.split('/').pop() as string] : [];
  callers = [
    { label: 'anonymous', person: null, cookie: null, weight: 1 },
    // The people who may do most are picked most, so that more requests get past the policies.
    ...Object.entries({
      orgAdmin,
      peerLeader,
      marker,
      resident,
      counselor,
      alumni,
      otherHouse,
      otherOrgAdmin,
    }).map(([label, person]) => ({
      label,
      person,
      cookie: person.cookie,
      weight: ['orgAdmin', 'peerLeader', 'marker'].includes(label) ? 4 : 1,
    })),
  ];
  pools = await collectPools([invitation.code, ...calendarFile]);
}

async function send(request: FuzzRequest): Promise<{ status: number; code: string | undefined }> {
  const caller = callers[request.caller]!;
  const headers: Record<string, string> = {};
  if (request.cookie === 'garbage') headers.cookie = 'hearth_session=not-a-session-at-all';
  else if (request.cookie === 'nul') headers.cookie = 'hearth_session=%00abc';
  else if (caller.cookie && !WITHOUT_CALLER_SESSION.has(`${request.method} ${request.route}`)) {
    headers.cookie = caller.cookie;
  }
  if (request.contentType) headers['content-type'] = request.contentType;
  const response = await app.inject({
    method: request.method as 'GET',
    url: request.url,
    headers,
    ...(request.payload !== null ? { payload: request.payload } : {}),
  });
  let code: string | undefined;
  try {
    code = JSON.parse(response.body)?.error?.code;
  } catch {
    code = undefined;
  }
  return { status: response.statusCode, code };
}

/** RUNS requests, taking turns between the routes (a quarter share for the slow ones); route i's from seed + i. */
function sampleRequests(): FuzzRequest[] {
  const weights = callers.map((c) => c.weight);
  const shares = operations.map((op) => (SLOW_ROUTES.has(`${op.method} ${op.route}`) ? 0.25 : 1));
  const total = shares.reduce((a, b) => a + b, 0);
  const samples = operations.map((op, i) =>
    fc.sample(requestFor(op, pools, weights), {
      seed: SEED + i,
      numRuns: Math.ceil((RUNS * (shares[i] as number)) / total),
    }),
  );
  const requests: FuzzRequest[] = [];
  for (let round = 0; requests.length < RUNS; round++) {
    for (const sample of samples) if (round < sample.length) requests.push(sample[round] as FuzzRequest);
  }
  return requests.slice(0, RUNS);
}

beforeAll(async () => {
  const built = await buildAppWithRouteList();
  app = built.app;
  appRoutes = apiRouteKeys(built.routes);
  const document = (await call('GET', '/api/openapi.json', { app })).body;
  operations = operationsOf(document);
  const documented = new Set(operations.map((op) => `${op.method} ${op.route}`));
  for (const key of appRoutes.filter((route) => !documented.has(route))) {
    const [method, route] = key.split(' ') as [string, string];
    operations.push({ method, route, pathParams: [], queryParams: [], body: null, documented: false });
  }
  await buildWorld();
  await installWriteCounter();
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('generated malformed requests to every route', () => {
  it('should describe every API route in the OpenAPI document, so that every route is fuzzed', () => {
    const undocumented = operations.filter((op) => !op.documented).map((op) => `${op.method} ${op.route}`);
    // The document and its page are endpoints of their own contract too (contracts/openapi.ts).
    expect(undocumented).toEqual([]);
  });

  it('should see every row a request writes (the counter the fuzz run relies on)', async () => {
    const marker = callers.find((c) => c.label === 'marker')!;
    const before = await lastWrite();
    const made = await call('POST', '/api/barc10', {
      app,
      as: marker.cookie,
      body: { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4] },
    });
    expect(made.status, made.text).toBe(201);
    expect((await writesSince(before)).writes).toContain('barc10_assessments:INSERT');
  });

  it(`should answer ${RUNS} malformed requests without a 5xx, and refuse them without writing a row`, async () => {
    const requests = sampleRequests();
    console.info(
      `route fuzz: seed ${SEED} (HEARTH_FUZZ_SEED), ${RUNS} requests (HEARTH_FUZZ_RUNS), ${operations.length} routes`,
    );
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const started = Date.now();
    let mark = await lastWrite();
    for (const [index, request] of requests.entries()) {
      const { status, code } = await send(request);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const since = await writesSince(mark);
      mark = since.id;
      const caller = callers[request.caller]!;
      const what = `#${index} ${request.method} ${request.url.slice(0, 160)} as ${caller.label} (${request.spoiled.join('; ')})`;
      if (status >= 500)
        failures.push(`${status} ${code}: ${what} payload ${request.payload?.slice(0, 200)}`);
      const unexpected = since.writes.filter((w) => !WRITES_A_REFUSAL_MAY_MAKE.has(w));
      if (status >= 400 && status < 500 && unexpected.length > 0) {
        failures.push(`${status} wrote ${unexpected.join(', ')}: ${what}`);
      }
      // A generated request may end its caller's session (a role ended, a session revoked): sign in again.
      if (status === 401 && code === 'session_expired' && request.cookie === 'caller' && caller.person) {
        caller.cookie = await signIn(caller.person.username, caller.person.password);
        mark = await lastWrite();
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const distribution = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
    console.info(
      `route fuzz: ${requests.length} requests in ${seconds} s; statuses ${distribution.join(', ')}`,
    );
    expect(failures.slice(0, 60), `${failures.length} failures`).toEqual([]);
  }, 600_000);
});
