// A real Hearth in a child `node` process (src/server/platform/realtime/serve.ts: startHearth without
// the web app) on this test file's database, for tests that need two processes on one PostgreSQL.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testDatabaseUrl } from './app.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type HearthProcess = { child: ChildProcess; base: string; output: () => string };

/** Starts one and waits for "Hearth is running at …" (a minute at most, unless told). */
export function startHearthProcess(
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<HearthProcess> {
  const child = spawn(process.execPath, ['src/server/platform/realtime/serve.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      // Like the test app: many people from one address in seconds.
      RATE_LIMIT_FACTOR: '1000',
      DATABASE_URL: testDatabaseUrl(),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      PUBLIC_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Hearth did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Hearth is running at (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve({ child, base: found[1]!.replace('localhost', '127.0.0.1'), output: () => output });
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Hearth exited (${code}):\n${output}`));
    });
  });
}

/** SIGTERM, then SIGKILL after 10 s. */
export async function stopHearthProcess(hearth: HearthProcess | undefined): Promise<void> {
  if (!hearth || hearth.child.exitCode !== null) return;
  const exited = new Promise((resolve) => hearth.child.once('exit', resolve));
  hearth.child.kill('SIGTERM');
  const done = await Promise.race([
    exited.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 10_000)),
  ]);
  if (!done) hearth.child.kill('SIGKILL');
}
