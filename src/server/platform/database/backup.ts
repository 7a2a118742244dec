// Backup and restore of Hearth's database with PostgreSQL's own pg_dump and pg_restore (custom format).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config.ts';
import { connectDatabase, MIGRATION_TIMEOUTS, withDatabaseName } from './connect.ts';
import { embeddedBinDir, startEmbeddedDatabase } from './embedded.ts';
import { DataDirLockedError, lockDataDir } from './lock.ts';
import { applyMigrations } from './migrate.ts';
import { embeddedDatabaseUrl, readRuntimeInfo } from './runtime.ts';

/** A problem the operator can fix; the CLI prints its message without a stack. */
export class BackupError extends Error {}

export type PgTool = { path: string; major: number };
type ToolName = 'pg_dump' | 'pg_restore';

/** Where to look, in order: the embedded binaries, PATH, then Debian's /usr/lib/postgresql/<n>/bin, newest first. */
function candidateDirs(): string[] {
  const dirs: string[] = [];
  try {
    dirs.push(embeddedBinDir());
  } catch {
    // no embedded binaries for this platform
  }
  dirs.push(...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean));
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    const versions = fs
      .readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => path.join(debian, v, 'bin')));
  }
  const real = (dir: string) => {
    try {
      return fs.realpathSync(dir);
    } catch {
      return dir;
    }
  };
  return [...new Set(dirs.map(real))];
}

function toolMajor(file: string): number | null {
  const result = spawnSync(file, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout ?? '');
  return result.status === 0 && match ? Number(match[1]) : null;
}

/** The first pg_dump / pg_restore whose major version can read the server's (it must be ≥ the server's). */
export function findPgTool(name: ToolName, serverMajor: number): PgTool {
  const tooOld: string[] = [];
  for (const dir of candidateDirs()) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
    } catch {
      continue;
    }
    const major = toolMajor(file);
    if (major === null) continue;
    if (major >= serverMajor) return { path: file, major };
    tooOld.push(`${file} (PostgreSQL ${major})`);
  }
  throw new BackupError(
    [
      `Hearth needs ${name} from PostgreSQL ${serverMajor} or newer to match its database server, and found ${
        tooOld.length ? `only older ones: ${tooOld.join(', ')}` : 'none'
      }.`,
      "The embedded PostgreSQL does not ship it; install PostgreSQL's client tools, for example:",
      '  Debian, Ubuntu:  sudo apt-get install postgresql-client',
      `  macOS:           brew install postgresql@${serverMajor}`,
      'then run this command again.',
    ].join('\n'),
  );
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>('show server_version_num');
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/** The password goes in the environment, not on the command line where `ps` would show it. */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function run(tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(tool.path, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new BackupError(`${path.basename(tool.path)} failed (exit ${code}):\n${stderr.trim()}`);
  }
}

/** backups/hearth-YYYYMMDD-HHMMSS.dump in local time. */
export function defaultBackupFile(dir = 'backups', prefix = 'hearth', at = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
  return path.resolve(dir, `${prefix}-${stamp}.dump`);
}

export type BackupResult = { file: string; bytes: number; tool: PgTool };

/** Writes a custom-format dump; the file appears only once it is complete. */
export async function backupDatabase(url: string, file: string): Promise<BackupResult> {
  const tool = findPgTool('pg_dump', await serverMajor(url));
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const partial = `${target}.partial`;
  const { dbname, env } = toolConnection(url);
  try {
    // The job queue (pg-boss's own schema) is transient and rebuilt at start: not part of a backup.
    const args = ['--format=custom', '--no-password', '--exclude-schema=pgboss'];
    await run(tool, [...args, `--file=${partial}`, `--dbname=${dbname}`], env);
    // A backup holds every resident's personal data: readable by its owner only.
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file: target, bytes: fs.statSync(target).size, tool };
}

/** How to reach the database to back up or restore, and how to let go of it afterwards. */
export type DatabaseAccess = {
  url: string;
  /** external: DATABASE_URL; running: a running Hearth's embedded server; embedded: started for this command. */
  kind: 'external' | 'running' | 'embedded';
  describe: string;
  done: () => Promise<void>;
};

async function startForMaintenance(config: Config, requireExisting: boolean): Promise<DatabaseAccess> {
  if (requireExisting && !fs.existsSync(path.join(config.dataDir, 'postgres', 'PG_VERSION'))) {
    throw new BackupError(
      `There is no Hearth database in ${config.dataDir} yet. Set HEARTH_DATA_DIR to the data directory ` +
        'Hearth uses (npm run demo uses ./data-demo), or DATABASE_URL for an external PostgreSQL.',
    );
  }
  const release = lockDataDir(config.dataDir);
  try {
    const embedded = await startEmbeddedDatabase(config.dataDir);
    return {
      url: embedded.url,
      kind: 'embedded',
      describe: `the embedded database in ${config.dataDir}`,
      done: async () => {
        await embedded.stop().catch(() => {});
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running Hearth on this data directory, if any (a file left by a killed one names a dead pid). */
function runningHearth(dataDir: string) {
  const runtime = readRuntimeInfo(dataDir);
  return runtime && isAlive(runtime.pid) ? runtime : null;
}

const externalAccess = (url: string): DatabaseAccess => ({
  url,
  kind: 'external',
  describe: 'the database at DATABASE_URL',
  done: async () => {},
});

/** Backup works with Hearth running (through its own server) or stopped (we start the server ourselves). */
export async function openForBackup(config: Config): Promise<DatabaseAccess> {
  if (config.databaseUrl) return externalAccess(config.databaseUrl);
  const running = runningHearth(config.dataDir);
  if (running) {
    return {
      url: embeddedDatabaseUrl(config.dataDir, running.port),
      kind: 'running',
      describe: `the running Hearth's database (pid ${running.pid}, ${config.dataDir})`,
      done: async () => {},
    };
  }
  try {
    return await startForMaintenance(config, true);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new BackupError(
      `${config.dataDir} is in use by another process (Hearth starting or stopping, or another backup or ` +
        'restore). Try again in a moment.',
    );
  }
}

/** Restore replaces every row, so it never runs under a live Hearth on the same data directory. */
export async function openForRestore(config: Config): Promise<DatabaseAccess> {
  if (config.databaseUrl) return externalAccess(config.databaseUrl);
  const running = runningHearth(config.dataDir);
  try {
    if (running) throw new DataDirLockedError('running');
    return await startForMaintenance(config, false);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new BackupError(
      `Hearth is running on ${config.dataDir}${running ? ` (pid ${running.pid})` : ''}, and a restore would ` +
        'replace its data underneath it. Stop Hearth first (Ctrl+C where it runs), then run the restore again.',
    );
  }
}

async function hasTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      "select 1 from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') limit 1",
    );
    return rows.length > 0;
  } finally {
    await client.end();
  }
}

export type RestoreOptions = {
  /** Before replacing a database that holds tables, back it up here first (a folder); null skips it. */
  safetyBackupDir?: string | null;
};

export type RestoreResult = { tool: PgTool; safetyBackup: string | null };

/**
 * Replaces the database with the dump, then applies the migrations, so a backup taken by an older
 * Hearth is brought up to date.
 */
export async function restoreDatabase(
  access: DatabaseAccess,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`No such backup file: ${source}`);
  const tool = findPgTool('pg_restore', await serverMajor(access.url));
  const { dbname, env } = toolConnection(access.url);
  // Reading the table of contents first proves the file is a dump before anything is dropped.
  await run(tool, ['--list', source], env).catch(() => {
    throw new BackupError(`${source} is not a backup made by npm run backup (pg_dump custom format).`);
  });

  let safetyBackup: string | null = null;
  if (options.safetyBackupDir && (await hasTables(access.url))) {
    safetyBackup = (
      await backupDatabase(access.url, defaultBackupFile(options.safetyBackupDir, 'hearth-before-restore'))
    ).file;
  }

  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--no-password'];
  if (access.kind === 'external') {
    // An external database may not be ours to drop (a managed service, a role without CREATEDB), so
    // pg_restore drops and recreates each object of the dump instead. Objects that the dump doesn't
    // know (tables of a newer Hearth) stay.
    args.push('--clean', '--if-exists');
  } else {
    // The embedded server is ours: a fresh, empty `hearth` database is the cleanest target.
    await recreateDatabase(access.url);
  }
  await run(tool, [...args, `--dbname=${dbname}`, source], env);

  // Migrating a restored database may touch every row: no statement limit (decision 0026).
  const database = connectDatabase(access.url, 1, MIGRATION_TIMEOUTS);
  try {
    await applyMigrations(database.db);
  } finally {
    await database.close();
  }
  return { tool, safetyBackup };
}

async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') });
  await client.connect();
  try {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    await client.query(`drop database if exists ${quoted} with (force)`);
    await client.query(`create database ${quoted}`);
  } finally {
    await client.end();
  }
}
