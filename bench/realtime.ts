// Issue 5's realtime figures: 1,000 WebSocket clients (50 houses × 20 residents, made with plain SQL in an
// organization of their own) on two Hearth processes sharing one PostgreSQL, each house split across both.
// House events are real house chat messages (POST /api/chat/conversations/:id/messages), sent to alternate
// processes, 20 a second; the figure is the time from sending the POST until EVERY member's socket has the
// event (p50, p99), with each single delivery beside it. The org-wide fan-out is a real support request to
// the whole organization (POST /api/support/requests, audience organization) reaching all the other 999.
//
// Run by `npm run bench` after the other scenarios; `node bench/realtime.ts` runs it alone on a fresh
// demo data directory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import WebSocket from 'ws';
import { hashToken } from '../src/server/platform/auth/secrets.ts';
import { SESSION_COOKIE } from '../src/server/platform/auth/sessions.ts';
import { embeddedDatabaseUrl, readRuntimeInfo } from '../src/server/platform/database/runtime.ts';
import {
  freePort,
  hearthEnv,
  hearthNodeFlags,
  type Proc,
  sleep,
  startNode,
  stopNode,
  stopOrphanedPostgres,
  waitForOutput,
} from './processes.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOUSES = 50;
const PER_HOUSE = 20;
/** House events sent per second (open loop: each is sent on time whether or not the last has arrived). */
const HOUSE_EVENTS_PER_SECOND = 20;
const HOUSE_EVENT_SECONDS = 10;
const WARMUP_EVENTS = 40;
const ORG_EVENTS = 10;
export const REALTIME_TARGETS = { houseP99Ms: 100 };

type Client = { ws: WebSocket; house: number; personId: string; received: Map<string, number> };
type Member = { personId: string; cookie: string; house: number };
type World = { organizationId: string; houses: string[]; members: Member[] };

export type RealtimeFigures = {
  clients: number;
  processes: number;
  houseEvents: { sent: number; complete: number; p50Ms: number; p99Ms: number; maxMs: number };
  /** The POST's own answer time (the event is published at its commit, so it bounds delivery from below). */
  housePost: Spread;
  /** The last member's receipt after the POST answered (negative: before): what delivery itself adds. */
  houseBeyondAnswer: Spread;
  orgPost: Spread;
  orgBeyondAnswer: Spread;
  loadAverage: number;
  houseDeliveries: { count: number; p50Ms: number; p99Ms: number };
  orgFanOut: {
    sent: number;
    recipients: number;
    complete: number;
    p50Ms: number;
    p99Ms: number;
    maxMs: number;
  };
  connectMs: number;
};

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (ms: number) => Math.round(ms * 10) / 10;
type Spread = { p50Ms: number; p99Ms: number };
const spread = (values: number[]): Spread => ({
  p50Ms: round(percentile(values, 50)),
  p99Ms: round(percentile(values, 99)),
});

/** 50 houses of 20 residents each, with a session per resident, in one transaction of plain SQL. */
async function makeWorld(client: pg.Client): Promise<World> {
  const count = HOUSES * PER_HOUSE;
  const tokens = Array.from({ length: count }, () => crypto.randomBytes(24).toString('base64url'));
  await client.query('begin');
  try {
    const { rows: orgRows } = await client.query<{ id: string; hash: string }>(
      `insert into organizations (name, slug) values ('Realtime benchmark', 'realtime-bench-' || md5(random()::text))
       returning id, (select password_hash from people order by created_at limit 1) as hash`,
    );
    const { id: org, hash } = orgRows[0]!;
    const { rows: houseRows } = await client.query<{ id: string }>(
      `insert into residences (organization_id, name, time_zone, bed_capacity, narr_level)
       select $1, 'Bench House ' || h, 'America/Chicago', $2, 2 from generate_series(1, $3::int) h
       returning id`,
      [org, PER_HOUSE, HOUSES],
    );
    const houses = houseRows.map((r) => r.id);
    const { rows: people } = await client.query<{ id: string; n: string }>(
      `with made as (
         insert into people (organization_id, first_name, last_name, username, password_hash)
         select $1, 'Resident', 'R' || i, 'rt-bench-' || md5(random()::text) || '-' || i, $2
         from generate_series(1, $3::int) i
         returning id
       ), numbered as (select id, row_number() over () - 1 as n from made),
       lived as (
         insert into memberships (organization_id, person_id, residence_id, role, starts_on)
         select $1, id, ($4::uuid[])[((n / ${PER_HOUSE}) + 1)::int], 'resident', current_date - 60 from numbered
       ), signed as (
         insert into sessions (organization_id, person_id, token_hash, device, expires_at)
         select $1, numbered.id, t.hash, 'benchmark', now() + interval '1 day'
         from numbered join unnest($5::text[]) with ordinality as t(hash, k) on t.k = numbered.n + 1
       )
       select id, n from numbered order by n`,
      [org, hash, count, houses, tokens.map(hashToken)],
    );
    await client.query('commit');
    const members = people.map((p) => {
      const n = Number(p.n);
      return { personId: p.id, cookie: `${SESSION_COOKIE}=${tokens[n]}`, house: Math.floor(n / PER_HOUSE) };
    });
    return { organizationId: org, houses, members };
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * Each Hearth start runs its catch-up jobs (milestones and silence for everyone: tens of thousands of
 * people after the check-in scenarios). The figures are about delivery, so they wait until those are done
 * (at most 90 s; the run says so if they were not).
 */
async function waitForQuietJobs(client: pg.Client): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const { rows } = await client
      .query<{ n: string }>(
        `select count(*) as n from pgboss.job where state in ('created', 'retry', 'active') and start_after <= now()`,
      )
      .catch(() => ({ rows: [{ n: '0' }] }));
    if (Number(rows[0]?.n ?? 0) === 0) return;
    if (Date.now() > deadline) {
      console.log('  Note: scheduled jobs were still running when the realtime figures were taken.');
      return;
    }
    await sleep(500);
  }
}

function connectClient(base: string, member: Member): Promise<Client> {
  const url = `${base.replace(/^http/, 'ws')}/api/realtime`;
  const ws = new WebSocket(url, { headers: { cookie: member.cookie } });
  const client: Client = { ws, house: member.house, personId: member.personId, received: new Map() };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a benchmark socket did not get ready in 30 s')), 30_000);
    ws.on('message', (data) => {
      const at = performance.now();
      const message = JSON.parse(data.toString()) as {
        kind: string;
        type?: string;
        payload?: { message?: { id: string }; requestId?: string };
      };
      if (message.kind === 'ready') {
        clearTimeout(timer);
        resolve(client);
        return;
      }
      // Chat messages by message id, support requests by request id: what the POST answers with.
      const key = message.payload?.message?.id ?? message.payload?.requestId;
      if (key && !client.received.has(key)) client.received.set(key, at);
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`socket refused: ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

async function postJson(url: string, cookie: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201)
    throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as { id: string };
}

/** Each house's chat conversation (made on first use by the list route), as its first resident sees it. */
async function houseConversations(bases: string[], world: World): Promise<string[]> {
  const ids: string[] = [];
  for (let h = 0; h < HOUSES; h++) {
    const member = world.members[h * PER_HOUSE]!;
    const response = await fetch(`${bases[h % bases.length]}/api/chat/conversations`, {
      headers: { cookie: member.cookie },
    });
    if (response.status !== 200) throw new Error(`GET /api/chat/conversations answered ${response.status}`);
    const body = (await response.json()) as { conversations: { id: string; kind: string }[] };
    const house = body.conversations.find((c) => c.kind === 'house');
    if (!house) throw new Error('no house conversation');
    ids.push(house.id);
  }
  return ids;
}

type Sent = { key: string; house: number | null; at: number; answeredMs: number };

/** For each event, when every intended client had it (null if some never did within the wait). */
function completions(sent: Sent[], clients: Client[], authorOf: (s: Sent) => string) {
  const all: number[] = [];
  const single: number[] = [];
  /** Last member's receipt minus the POST's answer: what delivery adds once the author has their answer. */
  const beyondAnswer: number[] = [];
  let incomplete = 0;
  for (const s of sent) {
    const audience = clients.filter(
      (c) => (s.house === null || c.house === s.house) && c.personId !== authorOf(s),
    );
    let last = 0;
    let missing = 0;
    for (const c of audience) {
      const at = c.received.get(s.key);
      if (at === undefined) {
        missing++;
        continue;
      }
      single.push(at - s.at);
      last = Math.max(last, at - s.at);
    }
    if (missing > 0) incomplete++;
    else {
      all.push(last);
      beyondAnswer.push(last - s.answeredMs);
    }
  }
  return { all, single, beyondAnswer, incomplete };
}

export async function benchRealtime(input: {
  base: string;
  databaseUrl: string;
  nodeFlags: string[];
}): Promise<{
  figures: RealtimeFigures;
  goals: { name: string; target: string; actual: string; pass: boolean }[];
}> {
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  let second: Proc | null = null;
  const clients: Client[] = [];
  try {
    console.log(`\nRealtime (issue 5): ${HOUSES} houses × ${PER_HOUSE} residents on two Hearth processes`);
    const world = await makeWorld(client);
    await client.query('vacuum (analyze) people, memberships, sessions, residences');
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: input.databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_FACTOR: '1000',
    };
    delete env.HEARTH_DATA_DIR;
    delete env.PUBLIC_URL;
    second = startNode([...input.nodeFlags, 'src/server/cli/start.ts'], env);
    // A start may rebuild the web app if its sources changed meanwhile.
    await waitForOutput(second, 'Hearth is running at', 300_000);
    await waitForQuietJobs(client);
    const bases = [input.base, `http://127.0.0.1:${port}`];

    const started = performance.now();
    // Each house's residents alternate between the two processes, so every house event crosses over.
    for (let i = 0; i < world.members.length; i += 50) {
      const batch = world.members.slice(i, i + 50);
      clients.push(...(await Promise.all(batch.map((m, j) => connectClient(bases[(i + j) % 2]!, m)))));
    }
    const connectMs = Math.round(performance.now() - started);
    console.log(`  ${clients.length} sockets connected in ${connectMs} ms`);
    const conversations = await houseConversations(bases, world);

    const authorOf = new Map<string, string>();
    const sendHouseEvent = async (i: number, sent: Sent[]) => {
      const house = i % HOUSES;
      // A different resident of the house writes each time (not always the same phone).
      const author = world.members[house * PER_HOUSE + (Math.floor(i / HOUSES) % PER_HOUSE)]!;
      const at = performance.now();
      const message = await postJson(
        `${bases[i % 2]}/api/chat/conversations/${conversations[house]}/messages`,
        author.cookie,
        { body: `Who is cooking tonight? (${i})` },
      );
      authorOf.set(message.id, author.personId);
      sent.push({ key: message.id, house, at, answeredMs: performance.now() - at });
    };
    const runHouseEvents = async (count: number, offset: number): Promise<Sent[]> => {
      const sent: Sent[] = [];
      const pending: Promise<void>[] = [];
      const interval = 1000 / HOUSE_EVENTS_PER_SECOND;
      const t0 = performance.now();
      for (let i = 0; i < count; i++) {
        const due = t0 + i * interval;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        pending.push(sendHouseEvent(offset + i, sent));
      }
      await Promise.all(pending);
      await sleep(2000);
      return sent;
    };
    process.stdout.write(
      `  house events: warming up (${WARMUP_EVENTS}), then ${HOUSE_EVENT_SECONDS} s at ${HOUSE_EVENTS_PER_SECOND}/s…\n`,
    );
    await runHouseEvents(WARMUP_EVENTS, 0);
    const houseSent = await runHouseEvents(HOUSE_EVENTS_PER_SECOND * HOUSE_EVENT_SECONDS, WARMUP_EVENTS);
    const house = completions(houseSent, clients, (s) => authorOf.get(s.key) ?? '');

    // Org-wide: one support request to the whole organization at a time, all 999 others to hear of it.
    process.stdout.write(`  org-wide fan-out: ${ORG_EVENTS} support requests to the whole organization…\n`);
    const orgSent: Sent[] = [];
    for (let i = 0; i < ORG_EVENTS; i++) {
      const author = world.members[(i * 37) % world.members.length]!;
      const at = performance.now();
      const request = await postJson(`${bases[i % 2]}/api/support/requests`, author.cookie, {
        type: 'request',
        supportKind: 'affiliational',
        body: 'Anyone want to walk to the Saturday meeting together?',
        audience: 'organization',
      });
      authorOf.set(request.id, author.personId);
      orgSent.push({ key: request.id, house: null, at, answeredMs: performance.now() - at });
      await sleep(1000);
    }
    await sleep(1000);
    const org = completions(orgSent, clients, (s) => authorOf.get(s.key) ?? '');

    const figures: RealtimeFigures = {
      clients: clients.length,
      processes: 2,
      houseEvents: {
        sent: houseSent.length,
        complete: house.all.length,
        p50Ms: round(percentile(house.all, 50)),
        p99Ms: round(percentile(house.all, 99)),
        maxMs: round(Math.max(...house.all)),
      },
      housePost: spread(houseSent.map((s) => s.answeredMs)),
      houseBeyondAnswer: spread(house.beyondAnswer),
      orgPost: spread(orgSent.map((s) => s.answeredMs)),
      orgBeyondAnswer: spread(org.beyondAnswer),
      loadAverage: os.loadavg()[0] ?? 0,
      houseDeliveries: {
        count: house.single.length,
        p50Ms: round(percentile(house.single, 50)),
        p99Ms: round(percentile(house.single, 99)),
      },
      orgFanOut: {
        sent: orgSent.length,
        recipients: clients.length - 1,
        complete: org.all.length,
        p50Ms: round(percentile(org.all, 50)),
        p99Ms: round(percentile(org.all, 99)),
        maxMs: round(Math.max(...org.all)),
      },
      connectMs,
    };
    const goals = [
      {
        name: `house event, POST to every member's socket, p99 (${clients.length} sockets, 2 processes)`,
        target: `≤ ${REALTIME_TARGETS.houseP99Ms} ms`,
        actual: `${figures.houseEvents.p99Ms} ms`,
        pass:
          figures.houseEvents.p99Ms <= REALTIME_TARGETS.houseP99Ms &&
          figures.houseEvents.complete === figures.houseEvents.sent,
      },
    ];
    const e = figures.houseEvents;
    const d = figures.houseDeliveries;
    const o = figures.orgFanOut;
    console.log(
      `  house event → all ${PER_HOUSE - 1} others: p50 ${e.p50Ms} ms  p99 ${e.p99Ms} ms  max ${e.maxMs} ms  (${e.complete}/${e.sent} complete)`,
    );
    console.log(`  each single delivery:        p50 ${d.p50Ms} ms  p99 ${d.p99Ms} ms  (${d.count})`);
    const line = (label: string, x: Spread) =>
      console.log(`  ${label.padEnd(38)} p50 ${x.p50Ms} ms  p99 ${x.p99Ms} ms`);
    line("the chat POST's own answer", figures.housePost);
    line('last member after that answer', figures.houseBeyondAnswer);
    console.log(
      `  org-wide → all ${o.recipients}:      p50 ${o.p50Ms} ms  p99 ${o.p99Ms} ms  max ${o.maxMs} ms  (${o.complete}/${o.sent} complete)`,
    );
    line("the support POST's own answer", figures.orgPost);
    line('last of the 999 after that answer', figures.orgBeyondAnswer);
    console.log(`  (load average ${figures.loadAverage.toFixed(1)} on ${os.cpus().length} cores)`);
    for (const g of goals)
      console.log(`  ${g.pass ? 'PASS' : 'MISS'}  ${g.name}: ${g.actual} (target ${g.target})`);
    console.log('');
    const dir = path.join(ROOT, 'bench', 'results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'realtime.json'),
      `${JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, figures, targets: goals }, null, 2)}\n`,
    );
    return { figures, goals };
  } finally {
    for (const c of clients) c.ws.terminate();
    await stopNode(second);
    await client.end().catch(() => {});
  }
}

/** `node bench/realtime.ts`: this scenario alone, on a fresh demo data directory. */
async function runAlone(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-rt-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env = hearthEnv(dataDir, port);
  const flags = hearthNodeFlags();
  let first: Proc | null = null;
  try {
    first = startNode([...flags, 'src/server/cli/start.ts', '--demo'], env);
    await waitForOutput(first, 'Hearth is running at', 180_000);
    const runtime = readRuntimeInfo(dataDir);
    if (!runtime) throw new Error('Hearth wrote no runtime.json');
    await benchRealtime({
      base: `http://127.0.0.1:${port}`,
      databaseUrl: embeddedDatabaseUrl(dataDir, runtime.port),
      nodeFlags: flags,
    });
  } finally {
    await stopNode(first);
    await stopOrphanedPostgres(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runAlone().catch((error: unknown) => {
    console.error('The realtime benchmark failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
