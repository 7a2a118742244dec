// The journey's scheduled work (run by platform/jobs.ts).
import type { ScheduledJob } from '../../platform/jobs.ts';
import { recordMilestonesForEveryone } from './service.ts';

export const FIND_MILESTONES = 'journey.find-milestones';

export const journeyJobs: ScheduledJob[] = [
  {
    // Every hour on the hour, so each time zone's new day is seen within the hour after its midnight:
    // milestones reached today in each person's zone become celebrations even if they never open the app.
    name: FIND_MILESTONES,
    cron: '0 * * * *',
    runAtStart: true,
    run: (db, now) => recordMilestonesForEveryone(db, now),
  },
];
