// Opening conversations. Other areas call `openConversation` inside their own transaction when two
// or more people need a private place to talk (a support request's requester and helper, a mentor
// pair); opening the same subject with the same people again returns the same thread.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/executor.ts';
import { conversationMembers, conversations, people, residences } from '../../platform/database/schema.ts';
import type { UnnamedAs } from './names.ts';

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
 * subject + member set, also under concurrent calls. The callers pass people of the organization;
 * anything else is a mistake in the calling code, not a request to refuse, so it throws.
 */
export async function openConversation(db: Executor, input: OpenConversationInput): Promise<string> {
  const members = [...new Set(input.memberIds)];
  if (members.length < 2) throw new Error('A thread needs at least two people.');
  if (input.subject && !SUBJECT_TYPES.includes(input.subject.type)) throw new Error('Unknown subject.');
  if (input.unnamed?.some((u) => !members.includes(u.personId)))
    throw new Error('Only a member can join without a name.');
  const [known] = await db
    .select({ n: count() })
    .from(people)
    .where(and(eq(people.organizationId, input.organizationId), inArray(people.id, members)));
  if ((known?.n ?? 0) !== members.length) {
    throw new Error('Everyone in a thread must belong to the organization.');
  }
  const key = threadKey(members, input.subject);
  await db
    .insert(conversations)
    .values({
      organizationId: input.organizationId,
      kind: 'thread',
      subjectType: input.subject?.type ?? null,
      subjectId: input.subject?.id ?? null,
      threadKey: key,
    })
    .onConflictDoNothing({
      target: [conversations.organizationId, conversations.threadKey],
      where: sql`${conversations.kind} = 'thread'`,
    });
  const [found] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(
      and(
        eq(conversations.organizationId, input.organizationId),
        eq(conversations.kind, 'thread'),
        eq(conversations.threadKey, key),
      ),
    );
  if (!found) throw new Error('thread was not stored');
  const unnamed = new Map((input.unnamed ?? []).map((u) => [u.personId, u.as]));
  // Who joins without a name is settled when they first join: a thread found again keeps its rows.
  await db
    .insert(conversationMembers)
    .values(
      members.map((personId) => ({
        organizationId: input.organizationId,
        conversationId: found.id,
        personId,
        unnamedAs: unnamed.get(personId) ?? null,
      })),
    )
    .onConflictDoNothing({ target: [conversationMembers.conversationId, conversationMembers.personId] });
  return found.id;
}

/** The house conversation of a residence of the organization, created on first use. */
export async function houseConversationId(
  db: Executor,
  organizationId: string,
  residenceId: string,
): Promise<string> {
  const find = async () =>
    (
      await db
        .select({ id: conversations.id })
        .from(conversations)
        .where(
          and(
            eq(conversations.organizationId, organizationId),
            eq(conversations.kind, 'house'),
            eq(conversations.residenceId, residenceId),
          ),
        )
    )[0]?.id;
  const existing = await find();
  if (existing) return existing;
  await createHouseConversations(db, organizationId, [residenceId]);
  const id = await find();
  if (!id) throw new Error('No such house.');
  return id;
}

/** Creates the house conversations of the given residences of the organization that have none yet. */
export async function createHouseConversations(
  db: Executor,
  organizationId: string,
  residenceIds: readonly string[],
): Promise<void> {
  if (residenceIds.length === 0) return;
  const houses = await db
    .select({ id: residences.id })
    .from(residences)
    .where(and(eq(residences.organizationId, organizationId), inArray(residences.id, [...residenceIds])));
  if (houses.length === 0) return;
  await db
    .insert(conversations)
    .values(houses.map((h) => ({ organizationId, kind: 'house', residenceId: h.id })))
    .onConflictDoNothing({ target: conversations.residenceId, where: sql`${conversations.kind} = 'house'` });
}
