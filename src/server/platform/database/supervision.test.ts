// A real Hearth process on an embedded PostgreSQL of its own (its own data directory): the postmaster
// killed, the whole server frozen, and stale pid files naming other live processes (decision 0026).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HearthProcess, startHearthProcess, stopHearthProcess } from '../../../test/hearth-process.ts';
import { waitFor } from '../../../test/wait.ts';
import { DataDirLockedError, lockDataDir } from './lock.ts';
import { isPostmasterOf } from './process-identity.ts';

let dataDir: string;
let hearth: HearthProcess | undefined;
const sleepers: ChildProcess[] = [];

// A first start makes the cluster (initdb) and migrates it: minutes on a busy machine.
const start = () =>
  startHearthProcess(
    {
      DATABASE_URL: '',
      HEARTH_DATA_DIR: dataDir,
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      DATABASE_STATEMENT_TIMEOUT_MS: '1000',
    },
    150_000,
  );
const postmasterPid = () =>
  Number.parseInt(
    fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]!,
    10,
  );

/** The postmaster and every process it started (backends, checkpointer, WAL writer…). */
function serverProcesses(postmaster: number): number[] {
  const pids = [postmaster];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** How long it took until `check` held (failing with `what` past `timeoutMs`). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  await waitFor(check, { timeout: timeoutMs, interval: 50, message: what });
  return performance.now() - started;
}

async function health(): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${hearth!.base}/api/health`, { signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/** Stops Hearth and waits for its PostgreSQL to be gone (it removes postmaster.pid as it goes). */
async function stopHearth(): Promise<void> {
  const postmaster = postmasterPid();
  await stopHearthProcess(hearth);
  hearth = undefined;
  await until('PostgreSQL stopped', async () => !fs.existsSync(`/proc/${postmaster}`), 15_000);
}

/** A live process that is neither Hearth nor PostgreSQL. */
function sleeper(): ChildProcess {
  const child = spawn('sleep', ['120'], { stdio: 'ignore' });
  sleepers.push(child);
  return child;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-supervision-'));
  hearth = await start();
}, 180_000);

afterAll(async () => {
  for (const s of sleepers) s.kill('SIGKILL');
  await stopHearthProcess(hearth);
  // A Hearth killed on the way (a start that timed out) leaves its PostgreSQL running.
  const pid = fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')) ? postmasterPid() : 0;
  if (pid > 0 && isPostmasterOf(pid, path.join(dataDir, 'postgres'))) process.kill(pid, 'SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded PostgreSQL, supervised', () => {
  it('should be started again when it dies, health saying "down" meanwhile, without anyone stepping in', async () => {
    expect((await health()).status).toBe(200);
    const before = postmasterPid();
    process.kill(before, 'SIGKILL');
    await until('health "down"', async () => (await health()).status === 503, 10_000);
    await until('health "ok" again', async () => (await health()).status === 200, 60_000);
    expect(postmasterPid()).not.toBe(before);
    expect(hearth!.child.exitCode).toBeNull();
    expect(hearth!.output()).toMatch(/The embedded PostgreSQL stopped unexpectedly/);
    expect(hearth!.output()).toMatch(/The embedded PostgreSQL is running again/);
  }, 90_000);

  it('should say "down" within a second or two, and answer requests 503, while the database is frozen', async () => {
    const frozen = serverProcesses(postmasterPid());
    try {
      for (const pid of frozen) process.kill(pid, 'SIGSTOP');
      const check = await health();
      expect(check.status).toBe(503);
      expect(check.ms).toBeLessThan(2500);
      // A session lookup on a connection that gets no answer: PostgreSQL cannot cancel it, the client gives up.
      const started = performance.now();
      const response = await fetch(`${hearth!.base}/api/me`, {
        headers: { cookie: 'hearth_session=not-a-session-anyone-has' },
        signal: AbortSignal.timeout(10_000),
      });
      expect(response.status).toBe(503);
      // A pooled connection: DATABASE_STATEMENT_TIMEOUT_MS=1000 and two seconds of grace; a new one:
      // DATABASE_CONNECT_TIMEOUT_MS=2000. And a little for the machine.
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
    }
    await until('health "ok" once thawed', async () => (await health()).status === 200, 15_000);
    expect(hearth!.child.exitCode).toBeNull();
  }, 40_000);

  it('should refuse a second Hearth on the data directory while the first runs', () => {
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
  });

  it('should start over stale pid files that name live processes of others, and signal none of them', async () => {
    await stopHearth();
    const other = sleeper();
    // Both pids now belong to someone else: the system gives pids to new processes.
    fs.writeFileSync(path.join(dataDir, 'hearth.lock'), String(other.pid));
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    fs.writeFileSync(pidFile, `${other.pid}\n${path.join(dataDir, 'postgres')}\n1700000000\n5432\n\n`);
    hearth = await start();
    expect((await health()).status).toBe(200);
    expect(other.exitCode).toBeNull();
    expect(other.signalCode).toBeNull();
    expect(hearth.output()).toMatch(/not this data directory's PostgreSQL: left alone/);

    // A lock that names a live process with the pid it wrote but another start time is stale too.
    await stopHearth();
    fs.writeFileSync(path.join(dataDir, 'hearth.lock'), JSON.stringify({ pid: other.pid, startTime: '1' }));
    hearth = await start();
    expect((await health()).status).toBe(200);
    expect(other.signalCode).toBeNull();
  }, 330_000);
});
