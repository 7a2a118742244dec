// `npm run restore FILE`: replaces Hearth's database with a backup, then brings it up to date with the migrations.
import { ConfigError, loadConfig } from '../platform/config.ts';
import { BackupError, openForRestore, restoreDatabase } from '../platform/database/backup.ts';
import { DataDirLockedError } from '../platform/database/lock.ts';
import { describeError } from '../platform/error-log.ts';

const args = process.argv.slice(2);
const demo = args.includes('--demo');
const fileArg = args.find((a) => !a.startsWith('--'));

async function main() {
  if (!fileArg) {
    throw new BackupError('Which backup? Usage: npm run restore backups/hearth-YYYYMMDD-HHMMSS.dump');
  }
  const config = loadConfig();
  // Same data directory as `npm run demo`.
  if (demo && !process.env.HEARTH_DATA_DIR && !config.databaseUrl) config.dataDir = `${config.dataDir}-demo`;
  const access = await openForRestore(config);
  if (access.kind === 'external') {
    console.log('Make sure no Hearth instance is using this database while it is restored.');
  }
  const stop = () => void access.done().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    console.log(`Restoring ${fileArg} into ${access.describe}…`);
    const result = await restoreDatabase(access, fileArg, { safetyBackupDir: 'backups' });
    if (result.safetyBackup) console.log(`The data it replaced was saved first: ${result.safetyBackup}`);
    console.log('Restored, and brought up to date. Start Hearth with npm start.');
  } finally {
    await access.done();
  }
}

main().catch((error: unknown) => {
  if (error instanceof BackupError || error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('The restore failed:', describeError(error));
  }
  process.exit(1);
});
