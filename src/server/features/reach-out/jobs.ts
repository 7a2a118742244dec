// Escalation on pg-boss: each new alert sends a job due at its escalation time, and a sweep every minute
// catches any alert whose job was lost (a process that stopped between commit and send). The worker
// escalates every alert that is due, idempotently, so two processes doing it at once is harmless.
import type { JobQueue, ScheduledJob } from '../../platform/jobs.ts';
import { escalateDueAlerts } from './service.ts';

export const ESCALATE_REACH_OUT = 'reach-out.escalate';

let sender: JobQueue | null = null;

export const reachOutJobs = (pollingIntervalSeconds = 2): ScheduledJob[] => [
  {
    name: ESCALATE_REACH_OUT,
    cron: '* * * * *',
    // A server that was down when an alert came due escalates it now.
    runAtStart: true,
    pollingIntervalSeconds,
    run: (db, now) => escalateDueAlerts(db, now),
    attach: (queue) => {
      sender = queue;
    },
  },
];

/**
 * Asks the worker to look again when an alert comes due. Without running jobs (integration tests call
 * escalateDueAlerts themselves) it does nothing; the minute sweep covers a send that fails.
 */
export async function scheduleEscalation(alertId: string, at: Date): Promise<void> {
  if (!sender) return;
  try {
    await sender.send(
      ESCALATE_REACH_OUT,
      { alertId },
      { startAfter: new Date(at.getTime() + 250), singletonKey: alertId },
    );
  } catch {
    // The minute sweep escalates it anyway.
  }
}
