// The reads of everyday screens (a resident's, a peer leader's, an admin's), each at 20 connections against
// the raw SELECT baseline measured just before them in the same run; then, with `scale`, the same reads
// again after 10,000 residents in 500 houses with a year of data were added to the demo organization.
// `npx node bench/reads.ts [names…] [scale]` runs some of them alone on a fresh demo (names below).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/server/features/demo/seed.ts';
import { embeddedDatabaseUrl, readRuntimeInfo } from '../src/server/platform/database/runtime.ts';
import { type Context, type Load, measure, type Scenario } from './measure.ts';
import {
  freePort,
  hearthEnv,
  hearthNodeFlags,
  type Proc,
  startNode,
  stopNode,
  stopOrphanedPostgres,
  waitForOutput,
} from './processes.ts';
import { addScaleData, SCALE } from './scale-data.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const READ_CONNECTIONS = 20;
const READ_SECONDS = { warmup: 2, measure: 8 };
export const READ_TARGETS = { ratio: 0.5, p99Ms: 50, scaleSlowdown: 1.5 };

type Who = 'resident' | 'leader' | 'admin';
type Ids = { residenceId: string; houseConversationId: string };
type ReadSpec = { name: string; label: string; who: Who; path: (ids: Ids) => string };

/** Every read an everyday screen calls (the paths its web feature calls, with the same query). */
export const READS: ReadSpec[] = [
  { name: 'house', label: '"my house"', who: 'resident', path: () => '/api/house' },
  { name: 'journey', label: 'journey read', who: 'resident', path: () => '/api/journey' },
  {
    name: 'meetings',
    label: 'house meeting list',
    who: 'resident',
    path: (ids) => `/api/residences/${ids.residenceId}/meetings`,
  },
  { name: 'newcomers', label: 'newer peers to mentor', who: 'leader', path: () => '/api/mentors/newcomers' },
  { name: 'commitments', label: "Today's commitments", who: 'resident', path: () => '/api/me/commitments' },
  { name: 'support', label: 'support list', who: 'resident', path: () => '/api/support/requests' },
  {
    name: 'signals',
    label: "peer leader's signals",
    who: 'leader',
    path: (ids) => `/api/residences/${ids.residenceId}/signals?status=all`,
  },
  {
    name: 'chat-messages',
    label: 'house chat messages',
    who: 'resident',
    path: (ids) => `/api/chat/conversations/${ids.houseConversationId}/messages`,
  },
  {
    name: 'conversations',
    label: 'chat conversations',
    who: 'resident',
    path: () => '/api/chat/conversations',
  },
  { name: 'notifications', label: 'notifications', who: 'resident', path: () => '/api/notifications' },
  { name: 'people', label: "admin's people list", who: 'admin', path: () => '/api/people' },
  { name: 'audit', label: 'audit log', who: 'admin', path: () => '/api/audit?limit=50' },
];

const LOGINS: Record<Who, string> = { resident: 'brianna1', leader: 'leader1', admin: 'admin' };

async function signIn(base: string, login: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('hearth_session='));
  if (response.status !== 200 || !cookie) throw new Error(`signing in as ${login}: ${response.status}`);
  return cookie.split(';')[0]!;
}

async function getJson(url: string, cookie: string): Promise<unknown> {
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.json().catch(() => null);
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

export type ReadFigures = { small: Scenario[]; scale: Scenario[]; goals: Goal[]; scaleSetupMs?: number };
type Goal = { name: string; target: string; actual: string; pass: boolean };

export type ReadBenchInput = {
  base: string;
  rawUrl: string;
  rawPid: number;
  hearthPid: number;
  context: Context;
  /** Scenario names to run (all when empty). */
  names?: string[];
  /** Also add the scale data and measure again. */
  scale: boolean;
};

async function measureReads(
  input: ReadBenchInput,
  specs: ReadSpec[],
  suffix: string,
  cookies: Record<Who, string>,
  ids: Ids,
): Promise<Scenario[]> {
  const { base, rawUrl, rawPid, hearthPid, context } = input;
  const load = (url: string, headers: Record<string, string>, serverPid: number): Load => ({
    url,
    headers,
    serverPid,
    connections: READ_CONNECTIONS,
    seconds: READ_SECONDS,
  });
  const raw = await measure(`raw pg baseline${suffix}`, load(rawUrl, {}, rawPid), context);
  const out = [raw];
  for (const spec of specs) {
    const url = `${base}${spec.path(ids)}`;
    await getJson(url, cookies[spec.who]);
    const s = await measure(
      `${spec.label}${suffix}`,
      load(url, { cookie: cookies[spec.who] }, hearthPid),
      context,
    );
    s.ratioToRaw = raw.reqPerSec ? s.reqPerSec / raw.reqPerSec : 0;
    out.push(s);
  }
  return out;
}

export async function benchReads(input: ReadBenchInput): Promise<ReadFigures> {
  const { base, names = [], scale } = input;
  const unknown = names.filter((n) => !READS.some((r) => r.name === n));
  if (unknown.length)
    throw new Error(`No read scenario named ${unknown.join(', ')} (${READS.map((r) => r.name).join(', ')})`);
  const specs = names.length ? READS.filter((r) => names.includes(r.name)) : READS;
  const cookies = {
    resident: await signIn(base, LOGINS.resident),
    leader: await signIn(base, LOGINS.leader),
    admin: await signIn(base, LOGINS.admin),
  };
  const house = (await getJson(`${base}/api/house`, cookies.resident)) as {
    houses: { residence: { id: string } }[];
  };
  const conversations = (await getJson(`${base}/api/chat/conversations`, cookies.resident)) as {
    conversations: { id: string; kind: string }[];
  };
  const ids: Ids = {
    residenceId: house.houses[0]!.residence.id,
    houseConversationId: conversations.conversations.find((c) => c.kind === 'house')!.id,
  };
  console.log(`\nEveryday reads, ${READ_CONNECTIONS} connections`);
  const small = await measureReads(input, specs, '', cookies, ids);
  let scaled: Scenario[] = [];
  let scaleSetupMs: number | undefined;
  if (scale) {
    const started = performance.now();
    process.stdout.write(
      `  adding ${SCALE.residents} residents in ${SCALE.houses} houses with ${SCALE.days} days of data (one transaction)…\n`,
    );
    await addScaleData(input.context.stats, SCALE);
    scaleSetupMs = Math.round(performance.now() - started);
    process.stdout.write(`  added in ${(scaleSetupMs / 1000).toFixed(0)} s\n`);
    scaled = await measureReads(input, specs, ' (scale)', cookies, ids);
  }
  const goals: Goal[] = [];
  for (const s of small.slice(1)) {
    const ratio = s.ratioToRaw ?? 0;
    goals.push(
      {
        name: `${s.name} req/s vs raw SELECT baseline (${READ_CONNECTIONS} conn.)`,
        target: `≥ ${READ_TARGETS.ratio * 100}%`,
        actual: `${(ratio * 100).toFixed(0)}%`,
        pass: ratio >= READ_TARGETS.ratio,
      },
      {
        name: `${s.name} p99 latency (${READ_CONNECTIONS} conn.)`,
        target: `≤ ${READ_TARGETS.p99Ms} ms`,
        actual: `${s.p99Ms} ms`,
        pass: s.p99Ms <= READ_TARGETS.p99Ms,
      },
    );
    const big = scaled.find((x) => x.name === `${s.name} (scale)`);
    if (big) {
      const slowdown = big.reqPerSec ? s.reqPerSec / big.reqPerSec : Infinity;
      goals.push({
        name: `${s.name} at scale: small req/s ÷ scale req/s`,
        target: `≤ ${READ_TARGETS.scaleSlowdown}×`,
        actual: `${slowdown.toFixed(2)}×`,
        pass: slowdown <= READ_TARGETS.scaleSlowdown,
      });
    }
  }
  printReads([...small, ...scaled], goals);
  return { small, scale: scaled, goals, ...(scaleSetupMs ? { scaleSetupMs } : {}) };
}

function printReads(scenarios: Scenario[], goals: Goal[]): void {
  for (const s of scenarios) {
    const ratio = s.ratioToRaw === undefined ? '—' : `${(s.ratioToRaw * 100).toFixed(0)}%`;
    console.log(
      `  ${s.name.padEnd(36)} ${String(s.reqPerSec).padStart(7)} req/s  p50 ${s.p50Ms} ms  p99 ${s.p99Ms} ms  vs raw ${ratio}  db tx/req ${s.dbTransactionsPerRequest.toFixed(2)}  cpu ${s.cpuMsPerRequest.server.toFixed(3)} ms`,
    );
  }
  for (const g of goals)
    console.log(`  ${g.pass ? 'PASS' : 'MISS'}  ${g.name}: ${g.actual} (target ${g.target})`);
  console.log('');
}

/** Alone: a fresh demo, the raw baseline, the reads named on the command line (`scale` adds the scale run). */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scale = args.includes('scale');
  const names = args.filter((a) => a !== 'scale');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-reads-'));
  fs.chmodSync(dataDir, 0o755);
  let hearth: Proc | null = null;
  let baseline: Proc | null = null;
  let stats: pg.Client | null = null;
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    console.log(`Starting Hearth with the demo data in ${dataDir}…`);
    hearth = startNode([...hearthNodeFlags(), 'src/server/cli/start.ts', '--demo'], hearthEnv(dataDir, port));
    await waitForOutput(hearth, 'Hearth is running at', 180_000);
    const runtime = readRuntimeInfo(dataDir);
    if (!runtime) throw new Error(`Hearth wrote no ${dataDir}/runtime.json`);
    const databaseUrl = embeddedDatabaseUrl(dataDir, runtime.port);
    stats = new pg.Client({ connectionString: databaseUrl });
    await stats.connect();
    baseline = startNode(['bench/raw-baseline.ts'], {
      ...process.env,
      BASELINE_DATABASE_URL: databaseUrl,
      BASELINE_USERNAME: 'brianna1',
    });
    const baselinePort = /listening on (\d+)/.exec(
      await waitForOutput(baseline, /listening on \d+/, 30_000),
    )![1];
    const figures = await benchReads({
      base,
      rawUrl: `http://127.0.0.1:${baselinePort}/`,
      rawPid: baseline.child.pid!,
      hearthPid: hearth.child.pid!,
      context: { stats, dataDir },
      names,
      scale,
    });
    const dir = path.join(ROOT, 'bench', 'results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'reads.json'),
      `${JSON.stringify({ at: new Date().toISOString(), loadAverageBefore: os.loadavg()[0], ...figures }, null, 2)}\n`,
    );
  } finally {
    await stats?.end().catch(() => {});
    await stopNode(baseline, 3000);
    await stopNode(hearth);
    await stopOrphanedPostgres(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error('The read benchmark failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
