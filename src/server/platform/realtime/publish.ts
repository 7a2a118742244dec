// Publishing a realtime event: one row in realtime_events plus a NOTIFY on the channel every Hearth
// process listens on. Inside a transaction the NOTIFY is delivered only at commit (PostgreSQL holds it),
// so nobody hears of a change that was rolled back. The caller decides who receives the event and
// presents the payload for exactly those people; an event that must look different to different
// people (an anonymous request: the peer leader sees the author, peers don't) is published twice.
import { sql } from 'drizzle-orm';
import type { Db } from '../database/connect.ts';

/** The PostgreSQL channel all app processes LISTEN on; the payload is the event's seq. */
export const REALTIME_CHANNEL = 'hearth_realtime';

/** Anything that can run a query: the database or a transaction. */
export type Executor = Pick<Db, 'execute'>;

export type RealtimeEventInput = {
  organizationId: string;
  /** Person ids; duplicates are removed, an empty list publishes nothing. */
  recipients: readonly string[];
  type: string;
  /** Presented for every recipient: ids, kinds, times; private text only if all recipients may read it. */
  payload: Record<string, unknown>;
};

/** Stores the event and notifies every process. Returns its seq, or null when nobody would receive it. */
export async function publish(db: Executor, event: RealtimeEventInput): Promise<number | null> {
  const recipients = [...new Set(event.recipients)];
  if (recipients.length === 0) return null;
  const result = await db.execute<{ seq: string }>(sql`
    with e as (
      insert into realtime_events (organization_id, recipients, type, payload)
      values (${event.organizationId}, ${`{${recipients.join(',')}}`}::uuid[], ${event.type}, ${JSON.stringify(event.payload)}::jsonb)
      returning seq
    )
    select seq, pg_notify(${REALTIME_CHANNEL}, seq::text) from e`);
  const seq = result.rows[0]?.seq;
  return seq === undefined ? null : Number(seq);
}

/** Current residents and peer leaders of a house today (the people a "my house" event reaches). */
export async function houseMemberIds(db: Executor, residenceId: string): Promise<string[]> {
  const result = await db.execute<{ person_id: string }>(sql`
    select distinct person_id from memberships
    where residence_id = ${residenceId} and role in ('resident', 'peer_leader')
      and starts_on <= current_date and (ends_on is null or ends_on >= current_date)`);
  return result.rows.map((r) => r.person_id);
}

/** The peer leaders of a house today. */
export async function peerLeaderIds(db: Executor, residenceId: string): Promise<string[]> {
  const result = await db.execute<{ person_id: string }>(sql`
    select distinct person_id from memberships
    where residence_id = ${residenceId} and role = 'peer_leader'
      and starts_on <= current_date and (ends_on is null or ends_on >= current_date)`);
  return result.rows.map((r) => r.person_id);
}

/** Everyone with a current membership in the organization. */
export async function organizationMemberIds(db: Executor, organizationId: string): Promise<string[]> {
  const result = await db.execute<{ person_id: string }>(sql`
    select distinct person_id from memberships
    where organization_id = ${organizationId}
      and starts_on <= current_date and (ends_on is null or ends_on >= current_date)`);
  return result.rows.map((r) => r.person_id);
}
