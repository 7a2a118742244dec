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
