// Once per integration run: one PostgreSQL (embedded, or DATABASE_URL's server) and a template database
// with every migration applied. Each test file then clones the template (see setup-integration.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase, withDatabaseName } from '../server/platform/database/connect.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from '../server/platform/database/embedded.ts';
import { applyMigrations } from '../server/platform/database/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL on the test server with the right to create databases. */
    databaseAdminUrl: string;
    /** The migrated database every test file's database is cloned from. */
    templateDatabase: string;
  }
}

async function run(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  let embedded: EmbeddedDatabase | null = null;
  let tempDir: string | null = null;
  let adminUrl: string;
  const external = process.env.DATABASE_URL;
  if (external) {
    adminUrl = external;
  } else {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-test-db-'));
    try {
      embedded = await startEmbeddedDatabase(tempDir);
    } catch (error) {
      fs.rmSync(tempDir, { recursive: true, force: true });
      throw error;
    }
    adminUrl = withDatabaseName(embedded.url, 'postgres');
    // A throwaway server: commits need not wait for the disk (the data lives for one run).
    await run(adminUrl, 'alter system set synchronous_commit = off');
    await run(adminUrl, 'select pg_reload_conf()');
  }
  const template = `hearth_template_${process.pid}`;
  try {
    await run(adminUrl, `drop database if exists ${template} with (force)`);
    await run(adminUrl, `create database ${template}`);
    const database = connectDatabase(withDatabaseName(adminUrl, template), 1);
    try {
      await applyMigrations(database.db);
    } finally {
      await database.close();
    }
  } catch (error) {
    await embedded?.stop().catch(() => {});
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
  const where = external ? 'the server at DATABASE_URL' : 'an embedded PostgreSQL';
  console.log(`integration: ${where}, template ${template} migrated in ${Date.now() - started} ms`);
  project.provide('databaseAdminUrl', adminUrl);
  project.provide('templateDatabase', template);

  return async () => {
    await run(adminUrl, `drop database if exists ${template} with (force)`).catch(() => {});
    await embedded?.stop().catch(() => {});
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };
}
