// Child processes of the benchmark: Hearth and the raw baseline, each in its own process group so that
// nothing outlives the benchmark, whatever way it ends.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPostmasterOf } from '../src/server/platform/database/process-identity.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type Proc = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Every child still running; killed with its process group if the benchmark exits any other way. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Node flags of `npm run demo` (package.json), so the benchmark runs Hearth exactly as people do;
 * BENCH_NODE_FLAGS replaces them to try one before it goes into package.json.
 */
export function hearthNodeFlags(): string[] {
  if (process.env.BENCH_NODE_FLAGS !== undefined)
    return process.env.BENCH_NODE_FLAGS.split(/\s+/).filter(Boolean);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const words = (pkg.scripts.demo ?? '').split(/\s+/);
  const script = words.indexOf('src/server/cli/start.ts');
  return words[0] === 'node' && script > 0 ? words.slice(1, script) : [];
}

/** Hearth's environment in the benchmark: its own data directory and port, loopback, quiet logs. */
export function hearthEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HEARTH_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // The load comes from one address and a few people at machine speed; the limits (decision 0025) are
    // measured by their own tests, not here.
    RATE_LIMIT_FACTOR: '1000',
  };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  return env;
}

/** A Node child in its own process group, so a stuck one and its PostgreSQL can be killed together. */
export function startNode(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  children.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => output, exited };
}

export async function waitForOutput(proc: Proc, text: string | RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void proc.exited.then(() => {
    exited = true;
  });
  for (;;) {
    const found = typeof text === 'string' ? proc.output().includes(text) : text.test(proc.output());
    if (found) return proc.output();
    if (exited || Date.now() > deadline) {
      throw new Error(`${exited ? 'exited' : 'timed out'} before printing ${text}:\n${proc.output()}`);
    }
    await sleep(50);
  }
}

/** SIGTERM (Hearth stops its PostgreSQL cleanly), then SIGKILL to the whole group if it hangs. */
export async function stopNode(proc: Proc | null, timeoutMs = 15_000): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill('SIGTERM');
  const done = await Promise.race([proc.exited.then(() => true), sleep(timeoutMs).then(() => false)]);
  if (!done && proc.child.pid) {
    try {
      process.kill(-proc.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await proc.exited;
  }
}

/** A PostgreSQL left behind by a killed Hearth (its postmaster.pid says so, and the pid still is it). */
export async function stopOrphanedPostgres(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!(pid > 0) || !isPostmasterOf(pid, path.join(dataDir, 'postgres'))) return;
  try {
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 50; i++) {
      await sleep(100);
      process.kill(pid, 0);
    }
    process.kill(pid, 'SIGKILL');
  } catch {
    // stopped
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
