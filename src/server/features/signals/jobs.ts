// Signals' scheduled work (run by platform/jobs.ts).
import type { ScheduledJob } from '../../platform/jobs.ts';
import { raiseSilenceSignals } from './service.ts';

export const FIND_SILENCE = 'signals.find-silence';

export const signalJobs: ScheduledJob[] = [
  {
    // Hourly, like milestones: people gone quiet raise a 'silence' signal (once a day each).
    name: FIND_SILENCE,
    cron: '5 * * * *',
    runAtStart: true,
    run: (db, now) => raiseSilenceSignals(db, now),
  },
];
