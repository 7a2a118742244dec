// Reliability figures (decision 0026): a burst of 1,000 writes by 20 demo residents — today's check-in
// changed, house chat messages, support requests — sent 20 at a time, each retried until acknowledged
// (as the phone does, with its idempotency key, so a retry never writes twice).
//
// - kill -9: halfway through, Hearth's process is killed with SIGKILL. The benchmark is its supervisor
//   (systemd's Restart=always, a container's restart policy): it starts Hearth again at once on the same
//   data directory. Figures: the time from the kill to the first healthy /api/health, and how many
//   acknowledged writes (2xx received) are in the database afterwards — it must be all of them.
// - connections ended: halfway through another burst, every connection to Hearth's database is ended
//   from outside (pg_terminate_backend), three times 100 ms apart. Hearth's process must not exit;
//   figures: the same count, and the time from the first termination to the next acknowledged write.
//
// Run by `npm run bench` after the other scenarios; `node bench/durability.ts` runs it alone on a fresh
// demo data directory (about a minute).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/server/features/demo/seed.ts';
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
const PEOPLE = 20;
/** Per person and burst: 1 check-in change, 40 chat messages, 9 support requests = 50; × 20 = 1,000. */
const CHAT_PER_PERSON = 40;
const SUPPORT_PER_PERSON = 9;
const BURST_DEADLINE_MS = 120_000;

type Person = { cookie: string; conversationId: string; checkInId: string };
type Write = {
  kind: 'check-in' | 'chat' | 'support';
  send: () => Promise<Response>;
  person: number;
  n: number;
};
type Acknowledged = { kind: Write['kind']; id: string; person: number; gratitude?: string };

export type BurstFigures = {
  writes: number;
  acknowledged: number;
  /** Acknowledged writes found in the database afterwards. */
  present: number;
  missing: number;
  /** Attempts that got no 2xx (connection refused or reset, 503) and were sent again. */
  failedAttempts: number;
  seconds: number;
};
export type DurabilityFigures = {
  killed: BurstFigures & { killToHealthyMs: number };
  connectionsEnded: BurstFigures & { processExited: boolean; toNextAcknowledgedMs: number };
};
export type DurabilityInput = {
  base: string;
  dataDir: string;
  hearth: Proc;
  /** Starts Hearth again on the same data directory and port (the supervisor's job). */
  restart: () => Proc;
};

const databaseUrlOf = (dataDir: string) => {
  const runtime = readRuntimeInfo(dataDir);
  if (!runtime) throw new Error(`Hearth wrote no ${dataDir}/runtime.json`);
  return embeddedDatabaseUrl(dataDir, runtime.port);
};

async function json(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.json().catch(() => null) };
}

async function preparePeople(base: string, databaseUrl: string): Promise<Person[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client
    .query<{ username: string }>(
      // The demo's residents, in houses of a real size: never the benchmark's own house of 20,000
      // first-timers, where every support post would notify them all.
      `select p.username from people p
         join organizations o on o.id = p.organization_id and o.slug not like 'benchmark-%'
         join memberships m on m.person_id = p.id and m.role = 'resident' and m.ends_on is null
        order by p.username limit $1`,
      [PEOPLE],
    )
    .finally(() => client.end());
  const people: Person[] = [];
  for (const { username } of rows) {
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: username, password: DEMO_PASSWORD }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('hearth_session='))
      ?.split(';')[0];
    if (!cookie) throw new Error(`signing in as ${username} answered ${signIn.status}`);
    const list = await json(`${base}/api/chat/conversations`, { headers: { cookie } });
    const house = (list.body as { conversations?: { id: string; kind: string }[] })?.conversations?.find(
      (c) => c.kind === 'house',
    );
    if (!house) throw new Error(`${username} has no house conversation (${list.status})`);
    // Today's check-in, made now if the person has none yet: the burst changes it.
    let today = await json(`${base}/api/check-ins/today`, { headers: { cookie } });
    let checkIn = (today.body as { checkIn?: { id: string } | null })?.checkIn;
    if (!checkIn) {
      await json(`${base}/api/check-ins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ idempotencyKey: `durability-${username}-${Date.now()}`, mood: 4, craving: 2 }),
      });
      today = await json(`${base}/api/check-ins/today`, { headers: { cookie } });
      checkIn = (today.body as { checkIn?: { id: string } | null })?.checkIn;
    }
    if (!checkIn) throw new Error(`${username} has no check-in today (${today.status})`);
    people.push({ cookie, conversationId: house.id, checkInId: checkIn.id });
  }
  return people;
}

function writesOf(base: string, people: Person[], burst: string): Write[][] {
  return people.map((p, person) => {
    const headers = { 'content-type': 'application/json', cookie: p.cookie };
    const post =
      (url: string, body: unknown, method = 'POST') =>
      () =>
        fetch(`${base}${url}`, {
          method,
          headers,
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
    const writes: Write[] = [
      {
        kind: 'check-in',
        person,
        n: 0,
        send: post(`/api/check-ins/${p.checkInId}`, { gratitude: `durability ${burst} ${person}` }, 'PATCH'),
      },
    ];
    for (let n = 0; n < CHAT_PER_PERSON; n++) {
      const clientKey = `dur-${burst}-${person}-${n}`;
      writes.push({
        kind: 'chat',
        person,
        n,
        send: post(`/api/chat/conversations/${p.conversationId}/messages`, {
          body: `Durability ${n}`,
          clientKey,
        }),
      });
    }
    for (let n = 0; n < SUPPORT_PER_PERSON; n++) {
      const idempotencyKey = `durability-${burst}-${person}-${n}`;
      writes.push({
        kind: 'support',
        person,
        n,
        send: post('/api/support/requests', {
          supportKind: 'emotional',
          body: `Durability ${n}`,
          audience: 'house',
          idempotencyKey,
        }),
      });
    }
    return writes;
  });
}

/** Sends every person's writes in turn, 20 people at once; calls `halfway` once after half are acknowledged. */
async function burst(
  writes: Write[][],
  burstName: string,
  halfway: () => Promise<void>,
): Promise<{
  acknowledged: Acknowledged[];
  failedAttempts: number;
  seconds: number;
  acknowledgedAt: number[];
}> {
  const total = writes.reduce((n, w) => n + w.length, 0);
  const acknowledged: Acknowledged[] = [];
  const acknowledgedAt: number[] = [];
  let failedAttempts = 0;
  let halfwayDone: Promise<void> | null = null;
  const started = performance.now();
  await Promise.all(
    writes.map(async (mine) => {
      for (const write of mine) {
        for (;;) {
          if (performance.now() - started > BURST_DEADLINE_MS)
            throw new Error(`${burstName}: not done in time`);
          const response = await write.send().catch(() => null);
          if (response && response.status >= 200 && response.status < 300) {
            const body = (await response.json()) as { id: string };
            acknowledged.push({
              kind: write.kind,
              id: body.id,
              person: write.person,
              ...(write.kind === 'check-in' ? { gratitude: `durability ${burstName} ${write.person}` } : {}),
            });
            acknowledgedAt.push(performance.now());
            break;
          }
          await response?.arrayBuffer().catch(() => {});
          if (response && response.status < 500) {
            throw new Error(`${burstName}: a ${write.kind} write answered ${response.status}`);
          }
          failedAttempts++;
          await sleep(50);
        }
        if (!halfwayDone && acknowledged.length >= total / 2) halfwayDone = halfway();
      }
    }),
  );
  await halfwayDone;
  return { acknowledged, failedAttempts, seconds: (performance.now() - started) / 1000, acknowledgedAt };
}

/** How many acknowledged writes the database holds. */
async function countPresent(databaseUrl: string, acknowledged: Acknowledged[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const ids = (kind: Acknowledged['kind']) => acknowledged.filter((a) => a.kind === kind).map((a) => a.id);
    const chat = await client.query<{ n: number }>(
      'select count(*)::int as n from chat_messages where id = any($1::uuid[])',
      [ids('chat')],
    );
    const support = await client.query<{ n: number }>(
      'select count(*)::int as n from support_requests where id = any($1::uuid[])',
      [ids('support')],
    );
    let checkIns = 0;
    for (const a of acknowledged.filter((x) => x.kind === 'check-in')) {
      const { rows } = await client.query<{ gratitude: string | null }>(
        'select gratitude from check_ins where id = $1',
        [a.id],
      );
      if (rows[0]?.gratitude === a.gratitude) checkIns++;
    }
    return chat.rows[0]!.n + support.rows[0]!.n + checkIns;
  } finally {
    await client.end();
  }
}

async function untilHealthy(base: string, proc: Proc, timeoutMs: number): Promise<void> {
  const started = performance.now();
  let exited = false;
  void proc.exited.then(() => {
    exited = true;
  });
  for (;;) {
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return;
    if (exited || performance.now() - started > timeoutMs) {
      throw new Error(`Hearth did not come back healthy:\n${proc.output()}`);
    }
    await sleep(20);
  }
}

const figuresOf = (
  writes: Write[][],
  result: Awaited<ReturnType<typeof burst>>,
  present: number,
): BurstFigures => ({
  writes: writes.reduce((n, w) => n + w.length, 0),
  acknowledged: result.acknowledged.length,
  present,
  missing: result.acknowledged.length - present,
  failedAttempts: result.failedAttempts,
  seconds: Math.round(result.seconds * 10) / 10,
});

export async function benchDurability(
  input: DurabilityInput,
): Promise<{ figures: DurabilityFigures; goals: Goal[]; hearth: Proc }> {
  const { base, dataDir } = input;
  let hearth = input.hearth;
  console.log('\nDurability (decision 0026): 1,000 acknowledged writes by 20 people per burst');
  const people = await preparePeople(base, databaseUrlOf(dataDir));

  // kill -9 halfway, and the supervisor's restart.
  let killToHealthyMs = 0;
  const killWrites = writesOf(base, people, 'killed');
  const killed = await burst(killWrites, 'killed', async () => {
    const at = performance.now();
    const exited = hearth.exited;
    process.kill(hearth.child.pid!, 'SIGKILL');
    await exited;
    hearth = input.restart();
    await untilHealthy(base, hearth, 120_000);
    killToHealthyMs = Math.round(performance.now() - at);
  });
  const killedPresent = await countPresent(databaseUrlOf(dataDir), killed.acknowledged);

  // Every database connection ended from outside, halfway through the next burst.
  let processExited = false;
  void hearth.exited.then(() => {
    processExited = true;
  });
  let endedAt = 0;
  const endWrites = writesOf(base, people, 'ended');
  const ended = await burst(endWrites, 'ended', async () => {
    const admin = new pg.Client({ connectionString: databaseUrlOf(dataDir) });
    await admin.connect();
    try {
      endedAt = performance.now();
      for (let i = 0; i < 3; i++) {
        await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()`,
        );
        await sleep(100);
      }
    } finally {
      await admin.end();
    }
  });
  const endedPresent = await countPresent(databaseUrlOf(dataDir), ended.acknowledged);
  const nextAck = ended.acknowledgedAt.filter((t) => t > endedAt).sort((a, b) => a - b)[0] ?? endedAt;

  const figures: DurabilityFigures = {
    killed: { ...figuresOf(killWrites, killed, killedPresent), killToHealthyMs },
    connectionsEnded: {
      ...figuresOf(endWrites, ended, endedPresent),
      processExited,
      toNextAcknowledgedMs: Math.round(nextAck - endedAt),
    },
  };
  const goals = durabilityGoals(figures);
  printDurability(figures, goals);
  return { figures, goals, hearth };
}

type Goal = { name: string; target: string; actual: string; pass: boolean };

function durabilityGoals({ killed, connectionsEnded: ended }: DurabilityFigures): Goal[] {
  return [
    {
      name: 'kill -9: acknowledged writes present after restart',
      target: 'all',
      actual: `${killed.present} of ${killed.acknowledged}`,
      pass: killed.missing === 0 && killed.acknowledged === killed.writes,
    },
    {
      name: 'connections ended: acknowledged writes present',
      target: 'all',
      actual: `${ended.present} of ${ended.acknowledged}`,
      pass: ended.missing === 0 && ended.acknowledged === ended.writes,
    },
    {
      name: 'connections ended: the process stays up',
      target: 'no exit',
      actual: ended.processExited ? 'exited' : 'stayed up',
      pass: !ended.processExited,
    },
  ];
}

function printDurability({ killed, connectionsEnded: ended }: DurabilityFigures, goals: Goal[]): void {
  console.log(
    `  kill -9 of Hearth, restarted by the benchmark: ${killed.present}/${killed.acknowledged} acknowledged writes present, kill → healthy ${killed.killToHealthyMs} ms, ${killed.failedAttempts} attempts sent again, burst ${killed.seconds} s`,
  );
  console.log(
    `  database connections ended (×3): ${ended.present}/${ended.acknowledged} present, process ${ended.processExited ? 'EXITED' : 'stayed up'}, next acknowledged write after ${ended.toNextAcknowledgedMs} ms, ${ended.failedAttempts} attempts sent again, burst ${ended.seconds} s`,
  );
  for (const g of goals)
    console.log(`  ${g.pass ? 'PASS' : 'MISS'}  ${g.name}: ${g.actual} (target ${g.target})`);
}

/** `node bench/durability.ts`: this scenario alone, on a fresh demo data directory. */
async function runAlone(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-dur-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env = hearthEnv(dataDir, port);
  const flags = hearthNodeFlags();
  let hearth: Proc | null = null;
  try {
    hearth = startNode([...flags, 'src/server/cli/start.ts', '--demo'], env);
    await waitForOutput(hearth, 'Hearth is running at', 180_000);
    const result = await benchDurability({
      base: `http://127.0.0.1:${port}`,
      dataDir,
      hearth,
      restart: () => startNode([...flags, 'src/server/cli/start.ts'], env),
    });
    hearth = result.hearth;
    const dir = path.join(ROOT, 'bench', 'results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'durability.json'),
      `${JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, figures: result.figures, targets: result.goals }, null, 2)}\n`,
    );
  } finally {
    await stopNode(hearth);
    await stopOrphanedPostgres(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runAlone().catch((error: unknown) => {
    console.error('The durability benchmark failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
