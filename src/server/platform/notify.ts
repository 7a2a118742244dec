// Telling people that something happened: an in-app notification per person (the list with read
// state) and a realtime "notification" event so open screens update at once. Web push for the same
// notification is sent after commit by the push sender, following each person's settings.
import { sql } from 'drizzle-orm';
import type { NotificationKind } from '../../shared/domain/notifications.ts';
import { uuidArray } from './database/executor.ts';
import { type Executor, publish } from './realtime/publish.ts';

export type NotifyInput = {
  organizationId: string;
  personIds: readonly string[];
  /** One of NOTIFICATION_KINDS (shared/domain/notifications.ts): each has its words on every screen. */
  kind: NotificationKind;
  /** Ids, kinds and times only — never private text (it may reach a locked phone's screen). */
  data: Record<string, string | number | boolean | null>;
  /** Makes a repeated notification a no-op per person, e.g. `reach_out_alert:<alertId>`. */
  dedupeKey?: string;
  /** An alert the person opted in to as "available to be called": it ignores quiet hours. */
  urgent?: boolean;
};

/** Works on the database or inside a transaction (then nothing is heard of it before commit). */
export async function notifyPeople(db: Executor, input: NotifyInput): Promise<string[]> {
  const personIds = [...new Set(input.personIds)];
  if (personIds.length === 0) return [];
  // One row per person from an array, skipping those already told (dedupe): unnest and on conflict.
  const result = await db.execute<{ id: string; person_id: string }>(sql`
    insert into notifications (organization_id, person_id, kind, data, dedupe_key)
    select ${input.organizationId}, p, ${input.kind}, ${JSON.stringify({ ...input.data, urgent: input.urgent ?? false })}::jsonb, ${input.dedupeKey ?? null}
    from unnest(${uuidArray(personIds)}) as p
    on conflict do nothing
    returning id, person_id`);
  const reached = result.rows.map((r) => r.person_id);
  await publish(db, {
    organizationId: input.organizationId,
    recipients: reached,
    type: 'notification',
    payload: { kind: input.kind, ...input.data },
  });
  return result.rows.map((r) => r.id);
}

export type ResolveInput = {
  organizationId: string;
  /** The dedupe key the notifications were made with, e.g. `reach_out_alert:<alertId>`. */
  dedupeKey: string;
  /** What changed, kept in the notification's data (ids, kinds and times only), e.g. `{ resolved: 'okay' }`. */
  data: Record<string, string | number | boolean | null>;
};

/**
 * The news of a notification changed (an alert resolved): every copy of it is updated in place — no longer
 * urgent, read, with the new data — open screens hear `notification.updated`, and a phone already shown
 * the old news gets a push with the same tag that replaces it (decision 0033). Inside the caller's
 * transaction, so it happens with the change or not at all.
 */
export async function resolveNotifications(db: Executor, input: ResolveInput): Promise<number> {
  // One statement for every copy: merge the new data, and mark unpushed ones handled (nothing to replace).
  const updated = await db.execute<{ id: string; person_id: string; was_pushed: boolean }>(sql`
    update notifications n set
      data = n.data || ${JSON.stringify({ ...input.data, urgent: false })}::jsonb,
      read_at = coalesce(n.read_at, now()),
      pushed_at = coalesce(n.pushed_at, now())
    from (select id, pushed_at is not null as was_pushed from notifications
          where organization_id = ${input.organizationId} and dedupe_key = ${input.dedupeKey} for update) old
    where n.id = old.id
    returning n.id, n.person_id, old.was_pushed`);
  const rows = updated.rows;
  if (rows.length === 0) return 0;
  const ids = uuidArray(rows.map((r) => r.id));
  // Tries still waiting would bring the old news; the replacement below brings the new.
  await db.execute(sql`delete from pending_pushes where notification_id = any(${ids})`);
  const pushed = rows.filter((r) => r.was_pushed);
  if (pushed.length > 0) {
    // A set-based insert from the rows just updated, then a wake for the push senders at commit.
    await db.execute(sql`
      insert into pending_pushes (organization_id, notification_id, person_id, purpose, due_at)
      select ${input.organizationId}, id, person_id, 'replace', now()
      from notifications where id = any(${uuidArray(pushed.map((r) => r.id))})`);
    await db.execute(sql`select pg_notify('hearth_push', '')`);
  }
  await publish(db, {
    organizationId: input.organizationId,
    recipients: rows.map((r) => r.person_id),
    type: 'notification.updated',
    payload: { ...input.data },
  });
  return rows.length;
}
