// Scheduled work, on pg-boss in the same PostgreSQL (its own schema `pgboss`). Each feature declares
// its own jobs (features/<area>/jobs.ts, gathered in server/jobs.ts); this module only runs them.
// Started by main.ts after migrations, never by buildApp, so integration tests stay fast: they call the
// jobs' work directly.
import { PgBoss } from 'pg-boss';
import { type Clock, systemClock } from './clock.ts';
import type { Db } from './database/connect.ts';
import { describeError } from './errors.ts';

/** What a running job may do beyond its own work: ask for itself to run again later. */
export type JobQueue = Pick<PgBoss, 'send'>;

export type ScheduledJob = {
  /** The pg-boss queue, `<area>.<what>`. */
  name: string;
  /** When it runs, as cron in UTC. */
  cron: string;
  /** Also once at start: a server that was down when it was due catches up now. */
  runAtStart?: boolean;
  /** How often its worker looks for work sent ahead of the schedule (seconds; pg-boss's default is 2). */
  pollingIntervalSeconds?: number;
  /** Its work, given the time it runs at (read from the clock the jobs were started with). */
  run: (db: Db, now: Date) => Promise<unknown>;
  /** Told the queue once the job runs, and told again with null when jobs stop. */
  attach?: (queue: JobQueue | null) => void;
};

export type Jobs = { stop: () => Promise<void> };

export async function startJobs(
  db: Db,
  connectionString: string,
  log: (line: string) => void,
  jobs: readonly ScheduledJob[],
  clock: Clock = systemClock,
): Promise<Jobs> {
  // A small pool: the jobs need little, and every connection costs memory on both sides.
  const boss = new PgBoss({ connectionString, max: 2 });
  boss.on('error', (error) => log(`Scheduled jobs: ${describeError(error)}`));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    const options = job.pollingIntervalSeconds ? { pollingIntervalSeconds: job.pollingIntervalSeconds } : {};
    await boss.work(job.name, options, async () => {
      await job.run(db, clock.now());
    });
    await boss.schedule(job.name, job.cron);
    job.attach?.(boss);
    if (job.runAtStart) await boss.send(job.name, {});
  }
  return {
    stop: () => {
      for (const job of jobs) job.attach?.(null);
      return boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
