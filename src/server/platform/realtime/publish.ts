// Publishing a realtime event: one row in realtime_events plus a NOTIFY on the channel every Hearth
// process listens on. Inside a transaction the NOTIFY is delivered only at commit (PostgreSQL holds it),
// so nobody hears of a change that was rolled back. The caller decides who receives the event and
// presents the payload for exactly those people; an event that must look different to different
// people (an anonymous request: the peer leader sees the author, peers don't) is published twice.
import { sql } from 'drizzle-orm';
import { type Executor as AnyExecutor, uuidArray } from '../database/executor.ts';

/** The PostgreSQL channel all app processes LISTEN on; the payload is the event as JSON, or its seq. */
export const REALTIME_CHANNEL = 'hearth_realtime';
/** Bytes under PostgreSQL's NOTIFY payload limit (8000) up to which the event travels whole. */
const NOTIFY_LIMIT = 7900;

/**
 * The database or a transaction, of which publishing needs only `execute`: callers that hold no more
 * (support's and chat's audiences) can publish too.
 */
export type Executor = Pick<AnyExecutor, 'execute'>;

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
  // The NOTIFY carries the whole event when it fits (PostgreSQL allows under 8000 bytes), so listening
  // processes need not fetch it; a bigger one (many recipients) is announced by its seq alone. A CTE
  // with pg_notify: one round trip the builder cannot say.
  const result = await db.execute<{ seq: string }>(sql`
    with e as (
      insert into realtime_events (organization_id, recipients, type, payload)
      values (${event.organizationId}, ${uuidArray(recipients)}, ${event.type}, ${JSON.stringify(event.payload)}::jsonb)
      returning seq, organization_id, recipients, type, payload, created_at
    ), m as (
      select seq, json_build_object('seq', seq, 'organizationId', organization_id, 'recipients', recipients,
        'type', type, 'payload', payload, 'at', created_at)::text as whole from e
    )
    select seq, pg_notify(${REALTIME_CHANNEL}, case when octet_length(whole) < ${NOTIFY_LIMIT} then whole else seq::text end)
    from m`);
  const seq = result.rows[0]?.seq;
  return seq === undefined ? null : Number(seq);
}

/** Current residents and peer leaders of a house today (the people a "my house" event reaches). */
export async function houseMemberIds(db: Executor, residenceId: string): Promise<string[]> {
  const result = await db.execute<{ person_id: string }>(sql`
    select distinct person_id from memberships
    where residence_id = ${residenceId} and role in ('resident', 'peer_leader')
      and hearth_membership_current(memberships)`);
  return result.rows.map((r) => r.person_id);
}

/** The peer leaders of a house today. */
export async function peerLeaderIds(db: Executor, residenceId: string): Promise<string[]> {
  const result = await db.execute<{ person_id: string }>(sql`
    select distinct person_id from memberships
    where residence_id = ${residenceId} and role = 'peer_leader'
      and hearth_membership_current(memberships)`);
  return result.rows.map((r) => r.person_id);
}

/** Everyone with a current membership in the organization. */
export async function organizationMemberIds(db: Executor, organizationId: string): Promise<string[]> {
  const result = await db.execute<{ person_id: string }>(sql`
    select distinct person_id from memberships
    where organization_id = ${organizationId}
      and hearth_membership_current(memberships)`);
  return result.rows.map((r) => r.person_id);
}
