// Starts Hearth: the database (embedded or external), migrations, the first-run setup link, the server.

import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type PushSender, startPushSender } from './features/notifications/push-listener.ts';
import { pushOptionsFrom } from './features/notifications/sender.ts';
import { issueSetupToken } from './features/setup/service.ts';
import { scheduledJobs } from './jobs.ts';
import type { Config } from './platform/config.ts';
import {
  connectDatabase,
  type Database,
  JOB_TIMEOUTS,
  MIGRATION_TIMEOUTS,
} from './platform/database/connect.ts';
import { type EmbeddedDatabase, startEmbeddedDatabase } from './platform/database/embedded.ts';
import { lockDataDir } from './platform/database/lock.ts';
import { applyMigrations } from './platform/database/migrate.ts';
import { writeRuntimeInfo } from './platform/database/runtime.ts';
import { type Jobs, startJobs } from './platform/jobs.ts';
import { ensureWebBuild, WEB_DIST } from './platform/web-build.ts';

export type RunningHearth = {
  app: FastifyInstance;
  url: string;
  database: Database;
  databaseUrl: string;
  embedded: EmbeddedDatabase | null;
  stop: () => Promise<void>;
};

export type StartOptions = {
  config: Config;
  serveWeb?: boolean;
  /** Runs after migrations, before listening (the demo seeds its data here). */
  beforeListen?: (database: Database) => Promise<void>;
  log?: (line: string) => void;
};

export async function startHearth(options: StartOptions): Promise<RunningHearth> {
  const { config } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  let release: (() => void) | null = null;
  let forgetRuntime: (() => void) | null = null;
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    release = lockDataDir(config.dataDir);
    try {
      embedded = await startEmbeddedDatabase(config.dataDir, () => {}, log);
    } catch (error) {
      release();
      throw error;
    }
    databaseUrl = embedded.url;
    // Lets `npm run backup` reach this running server's database.
    forgetRuntime = writeRuntimeInfo(config.dataDir, { pid: process.pid, port: embedded.port });
  }
  // Requests run with the configured timeouts; migrations and scheduled jobs, which go over everything
  // at once, on connections of their own with longer ones (decision 0026).
  const database = connectDatabase(databaseUrl, 10, config.databaseTimeouts);
  const jobsDatabase = connectDatabase(databaseUrl, 2, JOB_TIMEOUTS);
  let jobs: Jobs | null = null;
  let pushSender: PushSender | null = null;
  const stopAll = async () => {
    await pushSender?.stop().catch(() => {});
    await jobs?.stop().catch(() => {});
    await database.close().catch(() => {});
    await jobsDatabase.close().catch(() => {});
    forgetRuntime?.();
    await embedded?.stop().catch(() => {});
    release?.();
  };
  try {
    const setup = connectDatabase(databaseUrl, 2, MIGRATION_TIMEOUTS);
    try {
      await applyMigrations(setup.db);
      await options.beforeListen?.(setup);
    } finally {
      await setup.close();
    }
    jobs = await startJobs(
      jobsDatabase.db,
      databaseUrl,
      log,
      scheduledJobs({ reachOutPollSeconds: config.reachOutPollSeconds, push: pushOptionsFrom(config) }),
    );
    // Web push after commit: VAPID keys made at first start, then each new notification pushed once.
    pushSender = await startPushSender({
      db: database.db,
      databaseUrl,
      options: pushOptionsFrom(config),
      log,
    });
    if (options.serveWeb !== false) ensureWebBuild(log);
    const app = await buildApp({ config, database, webDir: options.serveWeb === false ? null : WEB_DIST });
    const address = await app.listen({ port: config.port, host: config.host });
    const url = config.publicUrl ?? address.replace('127.0.0.1', 'localhost');
    const setupToken = await issueSetupToken(database.db);
    if (setupToken) {
      log('');
      log('  Welcome to Hearth. To set it up, open this one-time link:');
      log(`  ${url}/setup?token=${setupToken}`);
      log('');
    }
    log(`Hearth is running at ${url}`);
    let stopping: Promise<void> | null = null;
    const stop = () => {
      stopping ??= (async () => {
        await app.close();
        await stopAll();
      })();
      return stopping;
    };
    return { app, url, database, databaseUrl, embedded, stop };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
