// Integration: backup and restore against a real embedded PostgreSQL in a temporary data directory.
// It starts its own server (independent of the shared test database), so it takes a few seconds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type RunningHearth, startHearth } from '../../main.ts';
import { loadConfig } from '../config.ts';
import {
  BackupError,
  backupDatabase,
  findPgTool,
  openForBackup,
  openForRestore,
  restoreDatabase,
} from './backup.ts';
import { connectDatabase, withDatabaseName } from './connect.ts';
import { readRuntimeInfo } from './runtime.ts';
import { organizations } from './schema.ts';

// pg_dump and pg_restore come from PostgreSQL's client tools, not from npm: where they are missing the
// tests are skipped with a loud message, except in CI (CI=true), where they must run.
const missingTools = (() => {
  try {
    findPgTool('pg_dump', 15);
    findPgTool('pg_restore', 15);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
})();
const skip = missingTools !== null && !process.env.CI;
if (skip) console.warn(`\n  SKIPPING the backup and restore tests:\n${missingTools}\n`);

describe.skipIf(skip)('backup and restore', { timeout: 120_000 }, () => {
  let workDir: string;
  let hearth: RunningHearth | null = null;
  let willowDump = '';
  const config = () =>
    loadConfig({ HEARTH_DATA_DIR: path.join(workDir, 'data'), PORT: '0', LOG_LEVEL: 'silent' });

  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-backup-test-'));
    // Run as root, PostgreSQL runs as the "postgres" user, who must reach the data directory.
    fs.chmodSync(workDir, 0o755);
    hearth = await startHearth({ config: config(), serveWeb: false, log: () => {} });
  });

  afterAll(async () => {
    await hearth?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('backs up a running Hearth, refuses to restore under it, and restores the row once it is stopped', async () => {
    const running = hearth!;
    await running.database.db.insert(organizations).values({ name: 'Willow House Network', slug: 'willow' });
    expect(readRuntimeInfo(config().dataDir)).toMatchObject({ pid: process.pid });

    const access = await openForBackup(config());
    expect(access.kind).toBe('running');
    const file = path.join(workDir, 'backups', 'willow.dump');
    const backup = await backupDatabase(access.url, file);
    await access.done();
    willowDump = file;
    expect(backup.bytes).toBeGreaterThan(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    await expect(openForRestore(config())).rejects.toThrow(/Hearth is running on/);

    // Lose the row after the backup, then stop Hearth.
    await running.database.db.delete(organizations).where(eq(organizations.slug, 'willow'));
    await running.stop();
    hearth = null;
    expect(readRuntimeInfo(config().dataDir)).toBeNull();

    const target = await openForRestore(config());
    expect(target.kind).toBe('embedded');
    try {
      const result = await restoreDatabase(target, file, { safetyBackupDir: path.join(workDir, 'backups') });
      expect(result.safetyBackup).toMatch(/hearth-before-restore-\d{8}-\d{6}\.dump$/);
      const database = connectDatabase(target.url, 1);
      try {
        const rows = await database.db.select().from(organizations).where(eq(organizations.slug, 'willow'));
        expect(rows.map((r) => r.name)).toEqual(['Willow House Network']);
      } finally {
        await database.close();
      }
    } finally {
      await target.done();
    }

    // Hearth starts again on the restored data directory.
    hearth = await startHearth({ config: config(), serveWeb: false, log: () => {} });
    const response = await hearth.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('backs up a stopped data directory by starting its server, and says so when there is none', async () => {
    await hearth?.stop();
    hearth = null;
    const access = await openForBackup(config());
    expect(access.kind).toBe('embedded');
    try {
      const backup = await backupDatabase(access.url, path.join(workDir, 'stopped.dump'));
      expect(backup.bytes).toBeGreaterThan(0);
    } finally {
      await access.done();
    }
    const missing = loadConfig({ HEARTH_DATA_DIR: path.join(workDir, 'nothing-here') });
    await expect(openForBackup(missing)).rejects.toThrow(BackupError);
    expect(fs.existsSync(missing.dataDir)).toBe(false);
  });

  it('refuses a file that is not a backup before touching the database', async () => {
    const access = await openForRestore(config());
    try {
      const bogus = path.join(workDir, 'notes.txt');
      fs.writeFileSync(bogus, 'not a dump');
      await expect(restoreDatabase(access, bogus)).rejects.toThrow(/is not a backup/);
      await expect(restoreDatabase(access, path.join(workDir, 'missing.dump'))).rejects.toThrow(
        /No such backup file/,
      );
    } finally {
      await access.done();
    }
  });

  it('restores into an external database (DATABASE_URL) over what is there, and migrates it', async () => {
    // The integration tier's server: embedded, or Debian's PostgreSQL when DATABASE_URL is set.
    const adminUrl = inject('databaseAdminUrl');
    const name = `hearth_backup_${process.pid}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
    const url = withDatabaseName(adminUrl, name);
    const external = { url, kind: 'external' as const, describe: name, done: async () => {} };
    try {
      await restoreDatabase(external, willowDump);
      // Again, over the restored data: pg_restore --clean replaces it.
      const database = connectDatabase(url, 1);
      try {
        await database.db
          .update(organizations)
          .set({ name: 'Changed' })
          .where(eq(organizations.slug, 'willow'));
        await restoreDatabase(external, willowDump);
        const rows = await database.db.select().from(organizations).where(eq(organizations.slug, 'willow'));
        expect(rows.map((r) => r.name)).toEqual(['Willow House Network']);
      } finally {
        await database.close();
      }
    } finally {
      await admin(`drop database if exists ${name} with (force)`);
    }
  });
});
