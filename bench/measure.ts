// One scenario of the benchmark: autocannon warms up, then measures requests per second, latency, the
// database transactions per request and the CPU each process spent, against a running Hearth.
import autocannon, { type Options, type Request, type Result } from 'autocannon';
import type pg from 'pg';
import { cpuPerRequest, sampleCpu } from './cpu.ts';
import { sleep } from './processes.ts';

export const CONNECTIONS = 50;
export const DURATION_S = 10;
export const WARMUP_S = 2;

/** Committed transactions on the database: each autocommitted statement is one. */
async function transactions(client: pg.Client): Promise<number> {
  await client.query('select pg_stat_force_next_flush()').catch(() => {});
  await client.query('select pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ n: string }>(
    'select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()',
  );
  return Number(rows[0]?.n ?? 0);
}

export type Scenario = {
  name: string;
  route: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  dbTransactionsPerRequest: number;
  cpuMsPerRequest: ReturnType<typeof cpuPerRequest>;
  /** Responses by HTTP status (e.g. how many first check-ins were made, 201, and how many were retries, 200). */
  statuses: Record<string, number>;
  ratioToRaw?: number;
};

export type Load = {
  url: string;
  headers: Record<string, string>;
  serverPid: number;
  requests?: Request[];
  /** Gives each connection its own requests as it opens (one connection, one person's phone). */
  setupClient?: Options['setupClient'];
  /** Shorter than the usual warm-up and measure, for a scenario whose people would run out. */
  seconds?: { warmup: number; measure: number };
  /** Connections at once (CONNECTIONS unless said). */
  connections?: number;
};
export type Context = { stats: pg.Client; dataDir: string };

export async function measure(
  name: string,
  { url, headers, serverPid, requests: sequence, setupClient, seconds, connections = CONNECTIONS }: Load,
  { stats, dataDir }: Context,
): Promise<Scenario> {
  const { warmup, measure: duration } = seconds ?? { warmup: WARMUP_S, measure: DURATION_S };
  process.stdout.write(
    `  ${name}: ${connections} connections, warming up ${warmup} s, measuring ${duration} s…\n`,
  );
  const more = { ...(sequence ? { requests: sequence } : {}), ...(setupClient ? { setupClient } : {}) };
  await autocannon({ url, connections, duration: warmup, headers, ...more });
  // Stats reach pg_stat_database within a second (PostgreSQL 15 flushes them at most once a second).
  await sleep(1100);
  const before = await transactions(stats);
  const cpuBefore = sampleCpu(serverPid, dataDir);
  const result: Result = await autocannon({
    url,
    connections,
    duration,
    headers,
    ...more,
  });
  const cpuAfter = sampleCpu(serverPid, dataDir);
  await sleep(1100);
  const after = await transactions(stats);
  const requests = result.requests.total;
  const failed = result.errors + result.non2xx;
  if (failed > requests * 0.01) throw new Error(`${name}: ${failed} of ${requests} requests failed`);
  return {
    name,
    route: new URL(url).pathname,
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    errors: result.errors,
    non2xx: result.non2xx,
    // The stats reader's own three statements are taken off.
    dbTransactionsPerRequest: requests ? Math.max(0, after - before - 3) / requests : 0,
    cpuMsPerRequest: cpuPerRequest(cpuBefore, cpuAfter, requests),
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]),
    ),
  };
}
