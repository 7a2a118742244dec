// Setup file of the integration tier: this test file gets its own database, cloned from the migrated
// template (it takes a moment), and the real app built on it, logging into the log collector (an error
// line fails the test that caused it). The database is dropped afterwards.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/platform/config.ts';
import { connectDatabase, type Database, withDatabaseName } from '../server/platform/database/connect.ts';
import { setTestContext, type TestContext } from './app.ts';
import { testClock } from './clock.ts';
import { assertNoUnexpectedErrorLogs, logCollector, startCollectingLogs } from './log-collector.ts';

const adminUrl = inject('databaseAdminUrl');
const template = inject('templateDatabase');
const name = `hearth_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
let context: TestContext | null = null;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`create database ${name} template ${template}`);
  const databaseUrl = withDatabaseName(adminUrl, name);
  const database: Database = connectDatabase(databaseUrl, 5);
  const app = await buildApp({
    // Test files make many people from one address in seconds; rate-limit tests build their own app.
    config: loadConfig({
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
      SESSION_CACHE_MS: '0',
      RATE_LIMIT_FACTOR: '1000',
    }),
    database,
    checkAnswers: true,
    webDir: null,
    logStream: logCollector,
    clock: testClock(),
  });
  context = { app, database, databaseUrl };
  setTestContext(context);
});

beforeEach(() => {
  startCollectingLogs();
  testClock().reset();
});
afterEach(() => assertNoUnexpectedErrorLogs());

afterAll(async () => {
  setTestContext(null);
  await context?.app.close();
  await context?.database.close();
  await admin(`drop database if exists ${name} with (force)`);
  // What the file's hooks and its app's closing logged.
  assertNoUnexpectedErrorLogs();
});
