// Pushes that wait (decision 0033): one held back by quiet hours goes out when they end, a try that
// failed for a reason that may pass is made again, and a notification whose news changed replaces its
// copy on the phone. Each is claimed by deleting it (`for update skip locked`), so it goes out once.
import { sql } from 'drizzle-orm';
import { pushTiming } from '../../../shared/domain/notifications.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  type Claimed,
  type Device,
  devicesOf,
  emptyReport,
  messageFor,
  type PushOptions,
  type PushReport,
  recipientsOf,
  type Send,
  sendEach,
  waitForLater,
} from './sender.ts';

const BATCH = 200;
/** A wait found this long after it was due (the server was down) is old news on a lock screen. */
export const PENDING_WINDOW_HOURS = 12;

type Due = Claimed & {
  purpose: 'deliver' | 'replace';
  subscription_id: string | null;
  attempts: number;
  read: boolean;
  stale: boolean;
};

// A claim is one set-based statement (delete … where id in (select … for update skip locked) returning,
// joined to the notification as it is now), which the builder cannot say.
async function claimDue(db: Executor, now: Date): Promise<Due[]> {
  const result = await db.execute<Due>(sql`
    with claimed as (
      delete from pending_pushes p
      where p.id in (
        select id from pending_pushes where due_at <= ${now}::timestamptz
        order by due_at limit ${BATCH}
        for update skip locked
      )
      returning p.notification_id, p.subscription_id, p.purpose, p.attempts, p.due_at
    )
    select n.id, n.organization_id, n.person_id, n.kind, n.data, c.purpose, c.subscription_id, c.attempts,
      n.read_at is not null as read,
      c.due_at < ${now}::timestamptz - make_interval(hours => ${PENDING_WINDOW_HOURS}) as stale
    from claimed c join notifications n on n.id = c.notification_id`);
  return result.rows;
}

/** One round of what is due at `now`; the jobs run it every minute and when a wait comes due. */
export async function deliverDuePushes(db: Db, options: PushOptions, now: Date): Promise<PushReport> {
  const report = emptyReport();
  const due = await claimDue(db, now);
  report.claimed = due.length;
  const live = due.filter((d) => !d.stale && (d.purpose === 'replace' || !d.read));
  if (live.length === 0) return report;
  const personIds = [...new Set(live.map((d) => d.person_id))];
  const devices = await devicesOf(db, personIds);
  const recipients = await recipientsOf(db, personIds);
  const sends: Send[] = [];
  const later: Parameters<typeof waitForLater>[1] = [];
  for (const item of live) {
    const person = recipients.get(item.person_id);
    const mine = (devices.get(item.person_id) ?? []).filter(
      (d: Device) => item.subscription_id === null || d.id === item.subscription_id,
    );
    if (!person || mine.length === 0) continue;
    const message = messageFor(item, person);
    if (item.purpose === 'replace') {
      // It replaces what the phone already shows, quietly: settings decided when the first one came.
      message.replace = true;
    } else {
      // The person's settings as they are now: muted since, it is dropped; quiet again, it waits again.
      const { decision, dueAt } = pushTiming({ kind: item.kind, urgent: message.urgent }, person, now);
      if (decision !== 'send') {
        report.heldBack += 1;
        if (dueAt) {
          report.deferred += 1;
          later.push({
            organizationId: item.organization_id,
            notificationId: item.id,
            personId: item.person_id,
            subscriptionId: item.subscription_id,
            purpose: 'deliver',
            attempts: item.attempts,
            dueAt,
          });
        }
        continue;
      }
    }
    for (const device of mine) sends.push({ notification: item, device, message, attempts: item.attempts });
  }
  await waitForLater(db, later);
  await sendEach(db, sends, options, now, report);
  return report;
}

/** Rounds until nothing more is due. */
export async function drainDuePushes(db: Db, options: PushOptions, now: Date): Promise<PushReport> {
  const total = emptyReport();
  for (;;) {
    const round = await deliverDuePushes(db, options, now);
    for (const key of Object.keys(total) as (keyof PushReport)[]) total[key] += round[key];
    if (round.claimed < BATCH) return total;
  }
}
