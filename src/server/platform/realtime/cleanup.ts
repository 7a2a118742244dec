// Realtime events are kept for a window (KEEP_EVENTS_HOURS) so a client that reconnects gets what it
// missed; older ones are deleted by an hourly job, a few thousand rows at a time so no lock is held long.
import { sql } from 'drizzle-orm';
import type { Db } from '../database/connect.ts';
import type { ScheduledJob } from '../jobs.ts';
import { KEEP_EVENTS_HOURS } from './hub.ts';

export const CLEAN_UP_REALTIME_EVENTS = 'realtime.clean-up';

/** Deletes events older than the window; returns how many. */
export async function cleanUpRealtimeEvents(
  db: Db,
  now: Date,
  keepHours: number = KEEP_EVENTS_HOURS,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    // A set-based delete in batches (the builder has no delete … limit): a few thousand rows at a time.
    const { rowCount } = await db.execute(sql`delete from realtime_events where seq in (
        select seq from realtime_events where created_at < ${now}::timestamptz - make_interval(hours => ${keepHours})
        order by seq limit 5000)`);
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < 5000) return deleted;
  }
}

export const realtimeJobs: ScheduledJob[] = [
  // Every hour, at a few minutes past so it does not meet the milestones job.
  { name: CLEAN_UP_REALTIME_EVENTS, cron: '7 * * * *', run: (db, now) => cleanUpRealtimeEvents(db, now) },
];
