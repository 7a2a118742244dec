// Scheduled work, on pg-boss in the same PostgreSQL (its own schema `pgboss`). Started by main.ts after
// migrations, never by buildApp, so integration tests stay fast: they call the handlers below directly.

import { PgBoss } from 'pg-boss';
import { recordMilestonesForEveryone } from '../features/journey/service.ts';
import { sendMeetingReminders } from '../features/meetings/notifications.ts';
import { materialiseAllSeries } from '../features/meetings/schedule.ts';
import { startReachOutJobs, stopReachOutJobs } from '../features/reach-out/jobs.ts';
import { raiseSilenceSignals } from '../features/signals/service.ts';
import { expireSupportPosts } from '../features/support/service.ts';
import type { Db } from './database/connect.ts';
import { describeError } from './errors.ts';
import { CLEAN_UP_REALTIME_EVENTS, cleanUpRealtimeEvents } from './realtime/cleanup.ts';

export const FIND_MILESTONES = 'journey.find-milestones';

/**
 * Hourly: milestones reached today in each person's own time zone become celebrations even if they never
 * open the app (idempotent), and people gone quiet raise a 'silence' signal (once a day each).
 */
export async function findMilestones(db: Db, now: Date = new Date()) {
  const milestones = await recordMilestonesForEveryone(db, now);
  const silenceSignals = await raiseSilenceSignals(db, now);
  return { milestones, silenceSignals };
}

/** Daily: each house's recurring meetings exist as meetings for the next 8 weeks (idempotent). */
export const SCHEDULE_MEETINGS = 'meetings.schedule';
/** Every 5 minutes: in-app reminders before house meetings (one per person and meeting). */
export const REMIND_MEETINGS = 'meetings.remind';
/** Every 15 minutes: support requests and standing offers past their expiry are expired (authors hear of it). */
export const EXPIRE_SUPPORT = 'support.expire';

export type Jobs = { stop: () => Promise<void> };

export async function startJobs(
  db: Db,
  connectionString: string,
  log: (line: string) => void,
  options: { reachOutPollSeconds?: number } = {},
): Promise<Jobs> {
  // A small pool: one hourly job needs little, and every connection costs memory on both sides.
  const boss = new PgBoss({ connectionString, max: 2 });
  boss.on('error', (error) => log(`Scheduled jobs: ${describeError(error)}`));
  await boss.start();
  await boss.createQueue(FIND_MILESTONES);
  // Every hour on the hour, so each time zone's new day is seen within the hour after its midnight.
  await boss.schedule(FIND_MILESTONES, '0 * * * *');
  await boss.work(FIND_MILESTONES, async () => {
    await findMilestones(db);
  });
  // Once at start too: a server that was down at midnight catches up now.
  await boss.send(FIND_MILESTONES);
  await boss.createQueue(SCHEDULE_MEETINGS);
  await boss.schedule(SCHEDULE_MEETINGS, '20 3 * * *');
  await boss.work(SCHEDULE_MEETINGS, async () => {
    await materialiseAllSeries(db);
  });
  await boss.send(SCHEDULE_MEETINGS);
  await boss.createQueue(REMIND_MEETINGS);
  await boss.schedule(REMIND_MEETINGS, '*/5 * * * *');
  await boss.work(REMIND_MEETINGS, async () => {
    await sendMeetingReminders(db);
  });
  await boss.createQueue(EXPIRE_SUPPORT);
  await boss.schedule(EXPIRE_SUPPORT, '*/15 * * * *');
  await boss.work(EXPIRE_SUPPORT, async () => {
    await expireSupportPosts(db);
  });
  // Realtime events older than the replay window are deleted every hour (platform/realtime/cleanup.ts).
  await boss.createQueue(CLEAN_UP_REALTIME_EVENTS);
  await boss.schedule(CLEAN_UP_REALTIME_EVENTS, '7 * * * *');
  await boss.work(CLEAN_UP_REALTIME_EVENTS, async () => {
    await cleanUpRealtimeEvents(db);
  });
  // Reach out now: escalation to the next circle when nobody has answered in time.
  await startReachOutJobs(boss, db, options.reachOutPollSeconds);
  return {
    stop: () => {
      stopReachOutJobs();
      return boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
