// A real Hearth for the browser journeys: `npm start`'s entry point on a free loopback port and a fresh
// data directory (so its own embedded PostgreSQL), and Debian's Chromium to look at it.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium (or CHROMIUM_PATH); null when it is not installed. */
export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return fs.existsSync(candidate) ? candidate : null;
}

export type Hearth = {
  url: string;
  setupLink: string | null;
  output: () => string;
  stop: () => Promise<void>;
};

/** Starts Hearth and resolves once it listens; the web app is built first when it is stale. */
export async function startHearth(): Promise<Hearth> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'src/server/cli/start.ts')], {
    cwd: ROOT,
    env: {
      // A short reach-out escalation (the default is the organization's 5 minutes) and a quick worker, so
      // the reach-out journeys see an alert go to the next circle within seconds.
      REACH_OUT_ESCALATE_SECONDS: '8',
      REACH_OUT_POLL_SECONDS: '0.5',
      // Every journey runs from one address within minutes: more invitation codes and alerts than a house.
      RATE_LIMIT_FACTOR: '100',
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      HEARTH_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += String(d);
  });
  child.stderr?.on('data', (d) => {
    output += String(d);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Hearth did not start in time:\n${output}`)), 120_000);
    const check = () => {
      const m = output.match(/Hearth is running at (\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Hearth exited with ${code}:\n${output}`));
    });
  });
  const setupLink = output.match(/(http\S+\/setup\?token=\S+)/)?.[1] ?? null;
  return {
    url,
    setupLink,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
