// Where a push that waits asks for a delivery run when it is due (the job queue once jobs run, set by
// jobs.ts). Without running jobs (integration tests deliver by hand) asking does nothing.
import type { JobQueue } from '../../platform/jobs.ts';

export const DELIVER_PENDING_PUSHES = 'notifications.deliver-pending';

let queue: JobQueue | null = null;

export function attachDeliveryQueue(next: JobQueue | null): void {
  queue = next;
}

/** Asks for a delivery run at `at`; the minute sweep covers a request that fails. */
export async function wakeDeliveryAt(at: Date): Promise<void> {
  if (!queue) return;
  try {
    await queue.send(DELIVER_PENDING_PUSHES, {}, { startAfter: new Date(at.getTime() + 250) });
  } catch {
    // The minute sweep delivers it anyway.
  }
}
