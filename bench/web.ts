// `npm run bench:web`: the built web app opened in Chromium as a cheap phone on weak signal would open it
// — 400 kbit/s both ways, 400 ms latency, a CPU four times slower — against a real Hearth with the demo
// data. Measures the first open to a usable sign-in form, signing in to a usable Today, the JavaScript the
// sign-in screen needs (bytes on the wire, compressed), and that a warm reopen asks for no hashed asset.
// Prints the figures and their targets and writes them under "web" in bench/results/latest.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CDPSession, chromium, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../src/server/features/demo/seed.ts';
import { ensureWebBuild } from '../src/server/platform/web-build.ts';
import {
  freePort,
  hearthEnv,
  hearthNodeFlags,
  type Proc,
  startNode,
  stopNode,
  stopOrphanedPostgres,
  waitForOutput,
} from './processes.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench', 'results', 'latest.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A weak mobile connection: 400 kbit/s down and up, 400 ms round trip; a phone's CPU, four times slower. */
export const THROTTLE = { kbitPerSecond: 400, latencyMs: 400, cpuSlowdown: 4 };
export const WEB_TARGETS = {
  firstOpenMs: 4000,
  signInToTodayMs: 1500,
  signInScriptKb: 150,
  warmAssetRequests: 0,
};
const RESIDENT = 'brianna1';
/** Each figure is the median of this many tries (a fresh browser profile each for the cold ones). */
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);

type Request = { url: string; type: string; bytes: number; cached: boolean; sentAt: number; doneAt: number };

/** Counts what each request costs on the wire (compressed bytes) and whether the cache answered it. */
async function watchRequests(cdp: CDPSession): Promise<Map<string, Request>> {
  const requests = new Map<string, Request>();
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, {
      url: e.request.url,
      type: e.type ?? 'Other',
      bytes: 0,
      cached: false,
      sentAt: e.timestamp,
      doneAt: 0,
    });
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.cached = true;
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r && (e.response.fromDiskCache || e.response.fromPrefetchCache)) r.cached = true;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) {
      r.bytes = e.encodedDataLength;
      r.doneAt = e.timestamp;
    }
  });
  return requests;
}

async function throttle(cdp: CDPSession): Promise<void> {
  const bytesPerSecond = (THROTTLE.kbitPerSecond * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: THROTTLE.latencyMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuSlowdown });
}

/** The sign-in form is usable: its fields and button are on screen and the button can be pressed. */
async function signInFormUsable(page: Page): Promise<void> {
  await page.getByLabel('Username or email').waitFor({ state: 'visible', timeout: 60_000 });
  await page.getByLabel('Password', { exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
  await page.getByRole('button', { name: 'Sign in' }).isEnabled({ timeout: 60_000 });
}

/** Today is usable: its heading and the check-in button are on screen. */
async function todayUsable(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor({ state: 'visible', timeout: 60_000 });
  await page.getByRole('link', { name: 'Check in' }).first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** With BENCH_WEB_VERBOSE=1: each request's type, bytes on the wire and when it began and ended (ms). */
function printRequests(phase: string, requests: Map<string, Request>, from = 0): void {
  const shown = [...requests.values()].slice(from);
  const start = shown[0]?.sentAt ?? 0;
  console.log(`  ${phase}:`);
  for (const r of shown) {
    const at = (t: number) => String(Math.round((t - start) * 1000)).padStart(6);
    console.log(
      `  ${at(r.sentAt)} → ${r.doneAt ? at(r.doneAt) : '     …'}  ${r.type.padEnd(10)} ${String(r.bytes).padStart(8)}  ${new URL(r.url).pathname}`,
    );
  }
}

const isHashedAsset = (url: string) => new URL(url).pathname.startsWith('/assets/');
const isScript = (r: Request) => r.type === 'Script' || /\.m?js(\?|$)/.test(new URL(r.url).pathname);

type Try = {
  firstOpenMs: number;
  signInToTodayMs: number;
  signInScriptBytes: number;
  warmAssetRequests: number;
};

async function oneTry(base: string): Promise<Try> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = await watchRequests(cdp);
    await throttle(cdp);

    const opened = performance.now();
    await page.goto(`${base}/sign-in`, { waitUntil: 'commit', timeout: 60_000 });
    await signInFormUsable(page);
    const firstOpenMs = performance.now() - opened;
    // What the sign-in screen needed; what it fetches early for after sign-in is not counted.
    const signInScriptBytes = [...requests.values()]
      .filter((r) => isScript(r) && !r.url.includes('today-page') && !r.url.includes('check-in-page'))
      .reduce((sum, r) => sum + r.bytes, 0);
    if (process.env.BENCH_WEB_VERBOSE) printRequests('first open', requests);
    await page.waitForLoadState('networkidle', { timeout: 60_000 });

    await page.getByLabel('Username or email').fill(RESIDENT);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    const signInRequests = requests.size;
    const signedIn = performance.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await todayUsable(page);
    const signInToTodayMs = performance.now() - signedIn;
    if (process.env.BENCH_WEB_VERBOSE) printRequests('sign-in to Today', requests, signInRequests);
    await page.waitForLoadState('networkidle', { timeout: 60_000 });

    // A warm reopen: the same phone opens Hearth again later (a new tab on the same profile).
    const again = await context.newPage();
    const againCdp = await context.newCDPSession(again);
    const againRequests = await watchRequests(againCdp);
    await throttle(againCdp);
    await again.goto(`${base}/today`, { waitUntil: 'commit', timeout: 60_000 });
    await todayUsable(again);
    await again.waitForLoadState('networkidle', { timeout: 60_000 });
    const warmAssetRequests = [...againRequests.values()].filter(
      (r) => isHashedAsset(r.url) && !r.cached,
    ).length;
    return { firstOpenMs, signInToTodayMs, signInScriptBytes, warmAssetRequests };
  } finally {
    await browser.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export type WebFigures = {
  throttle: typeof THROTTLE;
  firstOpenMs: number;
  signInToTodayMs: number;
  signInScriptKb: number;
  warmAssetRequests: number;
  targets: typeof WEB_TARGETS;
  met: Record<keyof typeof WEB_TARGETS, boolean>;
};

/** Runs the tries against a Hearth at `base` and returns the medians with their targets. */
export async function benchWeb(base: string): Promise<WebFigures> {
  const tries: Try[] = [];
  for (let i = 0; i < RUNS; i++) tries.push(await oneTry(base));
  const firstOpenMs = Math.round(median(tries.map((t) => t.firstOpenMs)));
  const signInToTodayMs = Math.round(median(tries.map((t) => t.signInToTodayMs)));
  const signInScriptKb = Math.round(median(tries.map((t) => t.signInScriptBytes)) / 102.4) / 10;
  const warmAssetRequests = Math.max(...tries.map((t) => t.warmAssetRequests));
  return {
    throttle: THROTTLE,
    firstOpenMs,
    signInToTodayMs,
    signInScriptKb,
    warmAssetRequests,
    targets: WEB_TARGETS,
    met: {
      firstOpenMs: firstOpenMs <= WEB_TARGETS.firstOpenMs,
      signInToTodayMs: signInToTodayMs <= WEB_TARGETS.signInToTodayMs,
      signInScriptKb: signInScriptKb <= WEB_TARGETS.signInScriptKb,
      warmAssetRequests: warmAssetRequests <= WEB_TARGETS.warmAssetRequests,
    },
  };
}

export function printWeb(figures: WebFigures): void {
  const line = (name: string, value: string, target: string, met: boolean) =>
    console.log(
      `  ${name.padEnd(44)} ${value.padStart(10)}   target ${target.padEnd(8)} ${met ? 'met' : 'MISSED'}`,
    );
  console.log(
    `\nThe web app on a weak connection (${THROTTLE.kbitPerSecond} kbit/s, ${THROTTLE.latencyMs} ms, CPU ×${THROTTLE.cpuSlowdown}; median of ${RUNS}):`,
  );
  line('first open to a usable sign-in form', `${figures.firstOpenMs} ms`, '≤ 4000', figures.met.firstOpenMs);
  line('sign-in to a usable Today', `${figures.signInToTodayMs} ms`, '≤ 1500', figures.met.signInToTodayMs);
  line(
    'JavaScript for sign-in (compressed)',
    `${figures.signInScriptKb} KB`,
    '≤ 150',
    figures.met.signInScriptKb,
  );
  line(
    'hashed assets asked for on a warm reopen',
    String(figures.warmAssetRequests),
    '0',
    figures.met.warmAssetRequests,
  );
}

/** Adds the web figures to latest.json, keeping what the rest of the bench wrote there. */
export function recordWeb(figures: WebFigures): void {
  let report: Record<string, unknown> = {};
  try {
    report = JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
  } catch {
    report = {};
  }
  report.web = { measuredAt: new Date().toISOString(), ...figures };
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (apt-get install chromium)`);
  ensureWebBuild((line) => console.log(line));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-web-'));
  let hearth: Proc | null = null;
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    console.log(`Starting Hearth with the demo data in ${dataDir}…`);
    hearth = startNode([...hearthNodeFlags(), 'src/server/cli/start.ts', '--demo'], hearthEnv(dataDir, port));
    await waitForOutput(hearth, 'Hearth is running at', 180_000);
    const figures = await benchWeb(base);
    printWeb(figures);
    recordWeb(figures);
    console.log(`Written: ${path.relative(ROOT, RESULTS)}`);
  } finally {
    await stopNode(hearth);
    await stopOrphanedPostgres(dataDir);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
