// Opening conversations. Other areas call `openConversation` inside their own transaction when two
// or more people need a private place to talk (a support request's requester and helper, a mentor
// pair); opening the same subject with the same people again returns the same thread.
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/database/connect.ts';
import { invalid } from '../../platform/errors.ts';
import type { UnnamedAs } from './names.ts';

/** Anything that can run a query: the database or a transaction. */
export type Executor = Pick<Db, 'execute'>;

export const SUBJECT_TYPES = ['support_request', 'mentorship'] as const;
export type ChatSubjectType = (typeof SUBJECT_TYPES)[number];

export type OpenConversationInput = {
  organizationId: string;
  kind: 'thread';
  /** Two or more people of the organization (duplicates are ignored). */
  memberIds: readonly string[];
  /** What the thread is about; the same subject with the same people is the same thread. */
  subject?: { type: ChatSubjectType; id: string };
  /** Members who join without their name, and how the others see them instead (names.ts). */
  unnamed?: readonly { personId: string; as: UnnamedAs }[];
};

/** The identity of a thread: its subject and its sorted members. */
export function threadKey(memberIds: readonly string[], subject?: { type: string; id: string }): string {
  const members = [...new Set(memberIds)].sort().join(',');
  return `${subject ? `${subject.type}:${subject.id}` : 'none'}|${members}`;
}

/**
 * Opens (or finds) a private thread among the given people and returns its id. Idempotent per
 * subject + member set, also under concurrent calls. Refuses people outside the organization.
 */
export async function openConversation(db: Executor, input: OpenConversationInput): Promise<string> {
  const members = [...new Set(input.memberIds)];
  if (members.length < 2) throw invalid('memberIds', 'A thread needs at least two people.');
  if (input.subject && !SUBJECT_TYPES.includes(input.subject.type)) {
    throw invalid('subject.type', 'Unknown subject.');
  }
  const memberArray = `{${members.join(',')}}`;
  const known = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from people
    where organization_id = ${input.organizationId} and id = any(${memberArray}::uuid[])`);
  if ((known.rows[0]?.n ?? 0) !== members.length) {
    throw invalid('memberIds', 'Everyone in a thread must belong to the organization.');
  }
  const key = threadKey(members, input.subject);
  await db.execute(sql`
    insert into conversations (organization_id, kind, subject_type, subject_id, thread_key)
    values (${input.organizationId}, 'thread', ${input.subject?.type ?? null}, ${input.subject?.id ?? null}, ${key})
    on conflict (organization_id, thread_key) where kind = 'thread' do nothing`);
  const found = await db.execute<{ id: string }>(sql`
    select id from conversations
    where organization_id = ${input.organizationId} and kind = 'thread' and thread_key = ${key}`);
  const conversationId = found.rows[0]?.id;
  if (!conversationId) throw new Error('thread was not stored');
  for (const u of input.unnamed ?? []) {
    if (!members.includes(u.personId)) throw invalid('unnamed', 'Only a member can join without a name.');
    await db.execute(sql`
      insert into conversation_members (organization_id, conversation_id, person_id, unnamed_as)
      values (${input.organizationId}, ${conversationId}, ${u.personId}, ${u.as})
      on conflict (conversation_id, person_id) do nothing`);
  }
  await db.execute(sql`
    insert into conversation_members (organization_id, conversation_id, person_id)
    select ${input.organizationId}, ${conversationId}, p from unnest(${memberArray}::uuid[]) as p
    on conflict (conversation_id, person_id) do nothing`);
  return conversationId;
}

/** The house conversation of a residence, created on first use. */
export async function houseConversationId(
  db: Executor,
  organizationId: string,
  residenceId: string,
): Promise<string> {
  await db.execute(sql`
    insert into conversations (organization_id, kind, residence_id)
    select ${organizationId}, 'house', id from residences
    where id = ${residenceId} and organization_id = ${organizationId}
    on conflict (residence_id) where kind = 'house' do nothing`);
  const found = await db.execute<{ id: string }>(sql`
    select id from conversations
    where organization_id = ${organizationId} and kind = 'house' and residence_id = ${residenceId}`);
  const id = found.rows[0]?.id;
  if (!id) throw invalid('residenceId', 'No such house.');
  return id;
}
