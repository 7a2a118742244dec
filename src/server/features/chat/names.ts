// Who sees whose name in a conversation — the one rule every chat surface follows (the conversation list,
// a conversation, its messages, the live `chat.message` event, thread notifications, reported messages).
// A member who joined without their name (the author of an anonymous support post) is unnamed to everyone
// else in it until they let them know; they themself, and the peer leaders of a house they live in today
// (who already know who asked), always see it.
import { type SQL, sql } from 'drizzle-orm';
import type { ChatParticipant, MyName } from '../../../shared/contracts/chat.ts';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import type { NameStyle } from '../../../shared/domain/vocabulary.ts';
import { type Executor, uuidArray } from '../../platform/database/executor.ts';

export type UnnamedAs = 'helped' | 'helping';

/**
 * SQL: how `personId` appears to `viewerId` in `conversationId` — null when by name, else 'helped' or
 * 'helping'. Each argument is an SQL expression (a column or a parameter cast to uuid).
 */
export const unnamedTo = (conversationId: SQL, personId: SQL, viewerId: SQL) => sql`
  (select hm.unnamed_as from conversation_members hm
   where hm.conversation_id = ${conversationId} and hm.person_id = ${personId}
     and hm.unnamed_as is not null and hm.revealed_at is null and hm.person_id <> ${viewerId}
     and not exists (
       select 1 from memberships lm
       join memberships rm on rm.residence_id = lm.residence_id
       where lm.person_id = ${viewerId} and lm.role = 'peer_leader'
         and hearth_membership_current(lm)
         and rm.person_id = hm.person_id and rm.role in ('resident', 'peer_leader')
         and hearth_membership_current(rm)))`;

export type NamedPersonRow = {
  id: string;
  firstName: string;
  lastName: string;
  nameStyle: string;
  unnamedAs: UnnamedAs | null;
};

/** A person as this viewer may see them: by name, or only as the person you're helping / helping you. */
export const participantView = (p: NamedPersonRow): ChatParticipant =>
  p.unnamedAs
    ? { unnamed: p.unnamedAs }
    : { id: p.id, displayName: formatDisplayName(p.firstName, p.lastName, p.nameStyle as NameStyle) };

/** Whether the others see my name, from my own member row. */
export function myNameOf(row: { myUnnamedAs: string | null; myRevealedAt: Date | null }): MyName {
  if (!row.myUnnamedAs) return 'shown';
  return row.myRevealedAt ? 'revealed' : 'hidden';
}

/**
 * The recipients of something about `personId` (their message, its notification), grouped by how each
 * sees them: one group per way (null = by name), so each group gets its own presented payload.
 */
export async function recipientsBySight(
  db: Executor,
  conversationId: string,
  personId: string,
  recipients: readonly string[],
): Promise<Map<UnnamedAs | null, string[]>> {
  const groups = new Map<UnnamedAs | null, string[]>();
  if (recipients.length === 0) return groups;
  // A template: the rule is asked once for each recipient of a list, which `unnest` makes a set of rows.
  const result = await db.execute<{ person_id: string; unnamed_as: UnnamedAs | null }>(sql`
    select r.person_id, ${unnamedTo(sql`${conversationId}::uuid`, sql`${personId}::uuid`, sql`r.person_id`)} as unnamed_as
    from unnest(${uuidArray(recipients)}) as r(person_id)`);
  for (const row of result.rows) {
    const list = groups.get(row.unnamed_as) ?? [];
    list.push(row.person_id);
    groups.set(row.unnamed_as, list);
  }
  return groups;
}
