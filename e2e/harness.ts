// The e2e harness: a real Hearth process on a fresh data directory, Debian's Chromium, axe-core.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string | null {
  const candidate = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return fs.existsSync(candidate) ? candidate : null;
}

export type Server = {
  url: string;
  setupLink: string | null;
  output: () => string;
  stop: () => Promise<void>;
};

/** Starts `npm start`'s entry point on a free port and a fresh data directory. */
export async function startServer(options: { demo?: boolean; dataDir?: string } = {}): Promise<Server> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-e2e-'));
  const args = [path.join(ROOT, 'src/server/cli/start.ts'), ...(options.demo ? ['--demo'] : [])];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      // A short reach-out escalation (the default is the organization's 5 minutes) and a quick worker, so
      // the reach-out journeys see an alert go to the next circle within seconds.
      REACH_OUT_ESCALATE_SECONDS: '8',
      REACH_OUT_POLL_SECONDS: '0.5',
      // Every journey runs from one address within minutes: more invitation codes and alerts than a house.
      RATE_LIMIT_FACTOR: '100',
      ...process.env,
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
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export type Lang = 'en' | 'es';

/** A phone-sized context whose browser prefers the given language. Collects console errors (CSP too). */
export async function phoneContext(
  browser: Browser,
  lang: Lang,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: lang === 'es' ? 'es-MX' : 'en-US',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (
      msg.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())
    )
      problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const u = new URL(request.url());
    if (!['localhost', '127.0.0.1'].includes(u.hostname) && u.protocol.startsWith('http')) {
      problems.push(`third-party request: ${request.url()}`);
    }
  });
  return { context, page, problems };
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/** Runs axe-core on the page; throws with a readable list when anything is found. */
export async function checkAccessibility(page: Page, label: string): Promise<void> {
  // Our CSP forbids inline scripts, so axe is evaluated through the DevTools protocol instead.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  const list = violations as AxeViolation[];
  if (list.length > 0) {
    const lines = list.map(
      (v) =>
        `  ${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => JSON.stringify(n.target))
          .slice(0, 3)
          .join(', ')}`,
    );
    throw new Error(`Accessibility problems on ${label}:\n${lines.join('\n')}`);
  }
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export async function screenshotOnFailure(page: Page | undefined, name: string): Promise<string | null> {
  if (!page) return null;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true });
    return file;
  } catch {
    return null;
  }
}
