// Pushes that wait (decision 0033) go out on pg-boss: a sweep every minute delivers what is due (after
// quiet hours, a retry, a replacement), and each wait asks for a run when it is due (delivery-queue.ts),
// so a 30-second retry does not wait for the minute. Each wait is claimed once, so two processes are harmless.
import type { ScheduledJob } from '../../platform/jobs.ts';
import { attachDeliveryQueue, DELIVER_PENDING_PUSHES } from './delivery-queue.ts';
import { drainDuePushes } from './pending.ts';
import type { PushOptions } from './sender.ts';

export const notificationJobs = (options: PushOptions): ScheduledJob[] => [
  {
    name: DELIVER_PENDING_PUSHES,
    cron: '* * * * *',
    // Quiet hours that ended while the server was down: their pushes go out now.
    runAtStart: true,
    run: (db, now) => drainDuePushes(db, options, now),
    attach: attachDeliveryQueue,
  },
];
