// Escalation on pg-boss: each new alert sends a job due at its escalation time, and a sweep every minute
// catches any alert whose job was lost (a process that stopped between commit and send). The worker
// escalates every alert that is due, idempotently, so two processes doing it at once is harmless.
import type { PgBoss } from 'pg-boss';
import type { Db } from '../../platform/database/connect.ts';
import { escalateDueAlerts } from './service.ts';

export const ESCALATE_REACH_OUT = 'reach-out.escalate';

let sender: PgBoss | null = null;

export async function startReachOutJobs(boss: PgBoss, db: Db, pollingIntervalSeconds = 2): Promise<void> {
  await boss.createQueue(ESCALATE_REACH_OUT);
  await boss.work(ESCALATE_REACH_OUT, { pollingIntervalSeconds }, async () => {
    await escalateDueAlerts(db);
  });
  await boss.schedule(ESCALATE_REACH_OUT, '* * * * *');
  sender = boss;
  // A server that was down when an alert came due escalates it now.
  await boss.send(ESCALATE_REACH_OUT, {});
}

export function stopReachOutJobs(): void {
  sender = null;
}

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
