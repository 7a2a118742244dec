// Peer support's scheduled work (run by platform/jobs.ts).
import type { ScheduledJob } from '../../platform/jobs.ts';
import { expireSupportPosts } from './service.ts';

export const EXPIRE_SUPPORT = 'support.expire';

export const supportJobs: ScheduledJob[] = [
  {
    // Every 15 minutes: requests and standing offers past their expiry are expired (authors hear of it).
    name: EXPIRE_SUPPORT,
    cron: '*/15 * * * *',
    run: (db, now) => expireSupportPosts(db, now),
  },
];
