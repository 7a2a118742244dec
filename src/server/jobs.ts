// Every scheduled job of every feature, for main.ts to run (platform/jobs.ts runs them on pg-boss).
import { journeyJobs } from './features/journey/jobs.ts';
import { meetingJobs } from './features/meetings/jobs.ts';
import { notificationJobs } from './features/notifications/jobs.ts';
import { type PushOptions, pushOptionsFrom } from './features/notifications/sender.ts';
import { reachOutJobs } from './features/reach-out/jobs.ts';
import { signalJobs } from './features/signals/jobs.ts';
import { supportJobs } from './features/support/jobs.ts';
import type { ScheduledJob } from './platform/jobs.ts';
import { realtimeJobs } from './platform/realtime/cleanup.ts';

export const scheduledJobs = (
  options: { reachOutPollSeconds?: number; push?: PushOptions } = {},
): ScheduledJob[] => [
  ...journeyJobs,
  ...signalJobs,
  ...meetingJobs,
  ...supportJobs,
  ...reachOutJobs(options.reachOutPollSeconds),
  ...notificationJobs(options.push ?? pushOptionsFrom({})),
  ...realtimeJobs,
];
