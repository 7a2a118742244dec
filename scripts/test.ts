// `npm test`: every tier in order of cost — unit, integration, e2e — each in its own process on this
// same Node. Stops at the first failing tier with its exit code, and ends with one line:
// "N passed, N failed" (", N skipped" when some were).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const playwright = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');
// Written by the JSON reporter of playwright.config.ts; the HTML report goes to e2e/report.
const e2eResults = path.join(root, 'e2e', 'artifacts', 'results.json');
const e2eReport = path.join(root, 'e2e', 'report', 'index.html');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-test-report-'));

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

// Children find this Node first on PATH (node_modules/.bin brings Node 24; the system's may be older).
const env = {
  ...process.env,
  PATH: [path.join(root, 'node_modules', '.bin'), path.dirname(process.execPath), process.env.PATH].join(
    path.delimiter,
  ),
};

function run(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(error);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

async function vitestTier(project: string): Promise<{ code: number; counts: Counts }> {
  const report = path.join(reports, `${project}.json`);
  const code = await run([
    vitest,
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  const json = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  }>(report);
  const counts = json
    ? {
        passed: json.numPassedTests,
        failed: json.numFailedTests,
        skipped: json.numPendingTests + json.numTodoTests,
      }
    : { passed: 0, failed: 0, skipped: 0 };
  return { code, counts };
}

function banner(lines: string[]): void {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n${lines.map((l) => `!! ${l}`).join('\n')}\n${bar}\n`);
}

async function e2eTier(): Promise<{ code: number; counts: Counts }> {
  const required = process.env.HEARTH_REQUIRE_E2E === '1';
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    banner([
      `BROWSER TESTS (e2e) SKIPPED: no Chromium at ${chromium}.`,
      'Install it with `apt-get install chromium`, or set CHROMIUM_PATH.',
      required
        ? 'HEARTH_REQUIRE_E2E=1: the browser tier must run here, so this is a failure.'
        : 'Set HEARTH_REQUIRE_E2E=1 to make this a failure.',
    ]);
    return { code: required ? 1 : 0, counts: { passed: 0, failed: required ? 1 : 0, skipped: 1 } };
  }
  fs.rmSync(e2eResults, { force: true });
  // Hearth builds the web app itself when it is stale, as it starts (platform/web-build.ts).
  const code = await run([playwright, 'test']);
  const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
    e2eResults,
  );
  if (fs.existsSync(e2eReport))
    console.log(`\nThe browser journeys' report: ${path.relative(root, e2eReport)}`);
  const counts = json
    ? {
        passed: json.stats.expected,
        failed: json.stats.unexpected + json.stats.flaky,
        skipped: json.stats.skipped,
      }
    : { passed: 0, failed: 0, skipped: 0 };
  return { code, counts };
}

const tiers: { name: string; run: () => Promise<{ code: number; counts: Counts }> }[] = [
  { name: 'unit', run: () => vitestTier('unit') },
  { name: 'integration', run: () => vitestTier('integration') },
  { name: 'e2e', run: e2eTier },
];

let exitCode = 0;
const timings: string[] = [];
for (const tier of tiers) {
  console.log(`\n── ${tier.name} tests ${'─'.repeat(60 - tier.name.length)}\n`);
  const started = Date.now();
  const { code, counts } = await tier.run();
  timings.push(`${tier.name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // A tier that failed without a failing test (a crash, an error outside tests) still counts as one failure.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  if (code !== 0) {
    console.error(`\nThe ${tier.name} tier failed (exit code ${code}); later tiers were not run.`);
    exitCode = code;
    break;
  }
}
fs.rmSync(reports, { recursive: true, force: true });

console.log(`\n(${timings.join(', ')})`);
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped > 0 ? `, ${total.skipped} skipped` : ''}`,
);
process.exit(exitCode);
