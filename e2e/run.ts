// `npm run test:e2e`: browser journeys against a real Hearth in Debian's Chromium.
// Prints "N passed, N failed" and writes e2e/artifacts/results.json for scripts/test.ts.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { chatJourneys } from './chat-journeys.ts';
import { decisionsJourneys, minutesJourneys } from './decisions-journeys.ts';
import { ARTIFACTS, chromiumPath, launchBrowser, screenshotOnFailure, startServer } from './harness.ts';
import { journeyAdminJourneys } from './journey-admin-journeys.ts';
import { journeys as foundationJourneys } from './journeys.ts';
import { closeMeetingJourney, meetingJourneys } from './meetings-journeys.ts';
import { notificationsJourneys } from './notifications-journeys.ts';
import { outsideJourneys } from './outside-journeys.ts';
import { peersJourneys } from './peers-journeys.ts';
import { reachOutJourneys } from './reach-out-journeys.ts';
import { realtimeJourneys } from './realtime-journeys.ts';
import type { JourneyContext } from './steps.ts';
import { supportJourneys } from './support-journeys.ts';

// Journeys run in this order against one Hearth; later areas build on what earlier ones made.
// Decisions need a house meeting in progress (ctx.state.meetingUrl) from the meetings journeys, then
// read its minutes once they close it.
const allJourneys = [
  ...foundationJourneys,
  ...journeyAdminJourneys,
  ...meetingJourneys,
  ...decisionsJourneys,
  closeMeetingJourney,
  ...minutesJourneys,
  ...outsideJourneys,
  ...chatJourneys,
  ...supportJourneys,
  ...reachOutJourneys,
  ...realtimeJourneys,
  ...peersJourneys,
  ...notificationsJourneys,
];
// HEARTH_E2E_UNTIL="<part of a journey's name>" stops after the first journey whose name contains it (to
// run the foundation and one area while working on it); unset, everything runs.
const until = process.env.HEARTH_E2E_UNTIL;
const stop = until ? allJourneys.findIndex((j) => j.name.includes(until)) : -1;
// HEARTH_E2E_ONLY="<part of a name>" runs the foundation journeys (they make the organization and its
// people) and then only the journeys whose name contains it.
const only = process.env.HEARTH_E2E_ONLY;
const journeys = only
  ? [
      ...foundationJourneys,
      ...allJourneys.filter((j) => !foundationJourneys.includes(j) && j.name.includes(only)),
    ]
  : stop >= 0
    ? allJourneys.slice(0, stop + 1)
    : allJourneys;

function writeResults(passed: number, failed: number, skipped: number) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, 'results.json'), JSON.stringify({ passed, failed, skipped }));
}

async function main(): Promise<number> {
  const executable = chromiumPath();
  if (!executable) {
    const banner = '!'.repeat(78);
    console.error(
      `\n${banner}\n!! BROWSER TESTS SKIPPED: no Chromium at ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}.`,
    );
    console.error('!! Install it with `apt-get install chromium`, or set CHROMIUM_PATH.');
    console.error(`${banner}\n`);
    writeResults(0, 0, journeys.length);
    if (process.env.HEARTH_REQUIRE_E2E === '1') {
      console.error('HEARTH_REQUIRE_E2E=1: the browser tier must run here, so this is a failure.');
      return 1;
    }
    console.log(`0 passed, 0 failed, ${journeys.length} skipped`);
    return 0;
  }
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  const server = await startServer();
  let browser: Browser | null = null;
  let passed = 0;
  let failed = 0;
  try {
    browser = await launchBrowser(executable);
    const ctx: JourneyContext = { server, browser, state: {} };
    for (const journey of journeys) {
      const started = Date.now();
      const pages: import('playwright-core').Page[] = [];
      try {
        await journey.run({ ...ctx, track: (p) => pages.push(p) });
        passed++;
        console.log(`  ✓ ${journey.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed++;
        const shot = await screenshotOnFailure(pages.at(-1), journey.name);
        console.log(
          `  ✗ ${journey.name}\n    ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).split('\n').join('\n    ')}`,
        );
        if (shot) console.log(`    screenshot: ${path.relative(process.cwd(), shot)}`);
      } finally {
        for (const p of pages)
          await p
            .context()
            .close()
            .catch(() => {});
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
  writeResults(passed, failed, 0);
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    writeResults(0, 1, 0);
    process.exit(1);
  },
);
