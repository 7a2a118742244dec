// The browser journeys (e2e/*.spec.ts) on Debian's Chromium against one real Hearth (global-setup.ts).
// `npx playwright install` is never needed: the browser is the system's, or CHROMIUM_PATH.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './e2e/hearth.ts';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'e2e/artifacts/results',
  // Two cores: two workers at most. Files run side by side; a serial group stays on one worker, in order.
  workers: 2,
  fullyParallel: false,
  // A flaky journey is a failing one.
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: 'e2e/report', open: 'never' }],
    ['json', { outputFile: 'e2e/artifacts/results.json' }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
