import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl, testDb } from '../../test/app.ts';
import { scheduledJobs } from '../jobs.ts';
import { startJobs } from './jobs.ts';

describe('scheduled jobs on pg-boss', () => {
  it('starts every feature’s job in the same database, schedules each as it declares, and stops', async () => {
    const lines: string[] = [];
    const declared = scheduledJobs();
    const jobs = await startJobs(testDb(), testDatabaseUrl(), (line) => lines.push(line), declared);
    try {
      const rows = await testDb().execute<{ name: string; cron: string }>(
        sql`select name, cron from pgboss.schedule order by name`,
      );
      expect(rows.rows).toEqual(
        declared.map((j) => ({ name: j.name, cron: j.cron })).sort((a, b) => a.name.localeCompare(b.name)),
      );
    } finally {
      await jobs.stop();
    }
    expect(lines).toEqual([]);
  });

  it('gives every job a unique name of its area', () => {
    const names = scheduledJobs().map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z-]+\.[a-z-]+$/);
  });
});
