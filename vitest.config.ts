// Test tiers named by cost: `unit` is pure code; `integration` drives the real app against a real
// PostgreSQL (one server per run, one database per test file, cloned from a migrated template).
import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two cores: one worker per core, files still run in parallel.
    maxWorkers: Math.max(1, Math.min(2, os.availableParallelism())),
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.unit.test.{ts,tsx}', 'scripts/**/*.unit.test.ts'],
          environment: 'node',
          setupFiles: ['src/test/setup-hygiene.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          isolate: false,
          include: ['src/server/**/*.test.ts'],
          exclude: ['**/*.unit.test.ts', '**/node_modules/**'],
          environment: 'node',
          globalSetup: ['src/test/global-setup.ts'],
          setupFiles: ['src/test/setup-hygiene.ts', 'src/test/setup-integration.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
