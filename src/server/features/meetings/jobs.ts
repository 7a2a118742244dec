// House meetings' scheduled work (run by platform/jobs.ts).
import type { ScheduledJob } from '../../platform/jobs.ts';
import { sendMeetingReminders } from './notifications.ts';
import { materialiseAllSeries } from './schedule.ts';

export const SCHEDULE_MEETINGS = 'meetings.schedule';
export const REMIND_MEETINGS = 'meetings.remind';

export const meetingJobs: ScheduledJob[] = [
  {
    // Daily: each house's recurring meetings exist as meetings for the next 8 weeks (idempotent).
    name: SCHEDULE_MEETINGS,
    cron: '20 3 * * *',
    runAtStart: true,
    run: (db) => materialiseAllSeries(db),
  },
  {
    // Every 5 minutes: in-app reminders before house meetings (one per person and meeting).
    name: REMIND_MEETINGS,
    cron: '*/5 * * * *',
    run: (db) => sendMeetingReminders(db),
  },
];
