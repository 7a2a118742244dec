// `npm run backup [FILE]`: a PostgreSQL custom-format dump of Hearth's database, with Hearth running or not.
import { ConfigError, loadConfig } from '../platform/config.ts';
import {
  BackupError,
  backupDatabase,
  defaultBackupFile,
  openForBackup,
} from '../platform/database/backup.ts';
import { DataDirLockedError } from '../platform/database/lock.ts';
import { describeError } from '../platform/error-log.ts';

const args = process.argv.slice(2);
const demo = args.includes('--demo');
const fileArg = args.find((a) => !a.startsWith('--'));

async function main() {
  const config = loadConfig();
  // Same data directory as `npm run demo`.
  if (demo && !process.env.HEARTH_DATA_DIR && !config.databaseUrl) config.dataDir = `${config.dataDir}-demo`;
  const access = await openForBackup(config);
  const stop = () => void access.done().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    console.log(`Backing up ${access.describe}…`);
    const result = await backupDatabase(access.url, fileArg ?? defaultBackupFile());
    console.log(
      `Backup written: ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB, ${result.tool.path})`,
    );
    console.log(`Restore it with: npm run restore ${result.file}`);
  } finally {
    await access.done();
  }
}

main().catch((error: unknown) => {
  if (error instanceof BackupError || error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('The backup failed:', describeError(error));
  }
  process.exit(1);
});
