// Reading chat for one viewer: a conversation with the viewer's member row, the viewer's conversations,
// the others in threads, messages with their author as the viewer sees them, and who a conversation's
// events go to. Each rule of who sees whose name is the one SQL rule of names.ts.
import { and, asc, desc, eq, inArray, ne, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { ChatParticipant } from '../../../shared/contracts/chat.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  chatMessages,
  conversationMembers,
  conversations,
  memberships,
  people,
  residences,
} from '../../platform/database/schema.ts';
import { houseMemberIds } from '../../platform/realtime/publish.ts';
import { participantView, type UnnamedAs, unnamedTo } from './names.ts';
import type { ConversationRow, MessageRow } from './presenters.ts';

const conversationColumns = {
  id: conversations.id,
  kind: conversations.kind,
  residenceId: conversations.residenceId,
  residenceName: residences.name,
  subjectType: conversations.subjectType,
  subjectId: conversations.subjectId,
  lastMessageAt: conversations.lastMessageAt,
  memberRow: sql<boolean>`(${conversationMembers.personId} is not null)`,
  lastReadSeq: conversationMembers.lastReadSeq,
  myUnnamedAs: conversationMembers.unnamedAs,
  myRevealedAt: conversationMembers.revealedAt,
};

const myRow = (actor: Actor) =>
  and(
    eq(conversationMembers.conversationId, conversations.id),
    eq(conversationMembers.personId, actor.personId),
  );

/** Unread: others' messages after what I last read, not hidden. */
export const unreadCount = (
  organizationId: string | SQL,
  conversationId: SQL,
  lastReadSeq: SQL,
  me: string | SQL,
) =>
  sql<number>`(select count(*)::int from chat_messages m
   where m.organization_id = ${organizationId} and m.conversation_id = ${conversationId}
     and m.seq > ${lastReadSeq}
     and m.author_id is distinct from ${me} and m.hidden_at is null)`;

/** One conversation of the actor's organization, with the actor's own member row if they have one. */
export async function loadConversation(
  db: Executor,
  actor: Actor,
  conversationId: string,
): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select(conversationColumns)
    .from(conversations)
    .leftJoin(residences, eq(residences.id, conversations.residenceId))
    .leftJoin(conversationMembers, myRow(actor))
    .where(and(eq(conversations.id, conversationId), eq(conversations.organizationId, actor.organizationId)))
    .limit(1);
  return row;
}

/**
 * My houses' conversations and the threads I am in, with unread counts, houses first, then newest: the
 * chat screen and its badge ask for it often, so it is a prepared statement (the houses as one uuid[]).
 */
const prepareMine = (db: Db) =>
  db
    .select({
      ...conversationColumns,
      unread: unreadCount(
        sql`${sql.placeholder('organizationId')}::uuid`,
        sql`${conversations.id}`,
        sql`coalesce(${conversationMembers.lastReadSeq}, 0)`,
        sql`${sql.placeholder('me')}::uuid`,
      ),
    })
    .from(conversations)
    .leftJoin(residences, eq(residences.id, conversations.residenceId))
    .leftJoin(
      conversationMembers,
      and(
        eq(conversationMembers.conversationId, conversations.id),
        eq(conversationMembers.personId, sql.placeholder('me')),
      ),
    )
    .where(
      and(
        eq(conversations.organizationId, sql.placeholder('organizationId')),
        or(
          and(
            eq(conversations.kind, 'house'),
            sql`${conversations.residenceId} = any(${sql.placeholder('houses')}::uuid[])`,
          ),
          and(eq(conversations.kind, 'thread'), sql`${conversationMembers.personId} is not null`),
        ),
      ),
    )
    .orderBy(
      desc(sql`${conversations.kind} = 'house'`),
      sql`${conversations.lastMessageAt} desc nulls last`,
      desc(conversations.createdAt),
    )
    .limit(200)
    .prepare('hearth_my_conversations');
const preparedMine = new WeakMap<Db, ReturnType<typeof prepareMine>>();

export async function myConversationRows(
  db: Db,
  actor: Actor,
  houses: readonly string[],
): Promise<(ConversationRow & { unread: number })[]> {
  let mine = preparedMine.get(db);
  if (!mine) {
    mine = prepareMine(db);
    preparedMine.set(db, mine);
  }
  return await mine.execute({
    organizationId: actor.organizationId,
    me: actor.personId,
    houses: `{${houses.join(',')}}`,
  });
}

/** Everyone else in each of the given threads, as the actor may see them. */
export async function othersIn(db: Executor, actor: Actor, conversationIds: readonly string[]) {
  const byConversation = new Map<string, ChatParticipant[]>();
  if (conversationIds.length === 0) return byConversation;
  const rows = await db
    .select({
      conversationId: conversationMembers.conversationId,
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
      unnamedAs: sql<UnnamedAs | null>`${unnamedTo(
        sql`${conversationMembers.conversationId}`,
        sql`${conversationMembers.personId}`,
        sql`${actor.personId}::uuid`,
      )}`,
    })
    .from(conversationMembers)
    .innerJoin(people, eq(people.id, conversationMembers.personId))
    .where(
      and(
        inArray(conversationMembers.conversationId, [...conversationIds]),
        ne(conversationMembers.personId, actor.personId),
      ),
    )
    .orderBy(asc(people.firstName), asc(people.id));
  for (const row of rows) {
    const list = byConversation.get(row.conversationId) ?? [];
    list.push(participantView(row));
    byConversation.set(row.conversationId, list);
  }
  return byConversation;
}

/** A message's columns as `me` sees its author, with its reports. */
export const messageColumns = (me: string | Placeholder) => ({
  messageId: chatMessages.id,
  seq: chatMessages.seq,
  conversationId: chatMessages.conversationId,
  authorId: chatMessages.authorId,
  firstName: people.firstName,
  lastName: people.lastName,
  nameStyle: people.nameStyle,
  body: chatMessages.body,
  createdAt: chatMessages.createdAt,
  hiddenAt: chatMessages.hiddenAt,
  authorUnnamedAs: sql<UnnamedAs | null>`${unnamedTo(
    sql`${chatMessages.conversationId}`,
    sql`${chatMessages.authorId}`,
    sql`${me}::uuid`,
  )}`,
  reportCount: sql<number>`(select count(*)::int from chat_message_reports r where r.message_id = ${chatMessages.id})`,
  reportedByMe: sql<boolean>`exists (select 1 from chat_message_reports r
    where r.message_id = ${chatMessages.id} and r.reporter_id = ${me})`,
});

/**
 * A page of a conversation's messages, newest first, one more than asked (to know if older ones exist):
 * every open conversation asks for it, so it is a prepared statement.
 */
const preparePage = (db: Db) =>
  db
    .select(messageColumns(sql.placeholder('me')))
    .from(chatMessages)
    .leftJoin(people, eq(people.id, chatMessages.authorId))
    .where(
      and(
        eq(chatMessages.conversationId, sql.placeholder('conversationId')),
        eq(chatMessages.organizationId, sql.placeholder('organizationId')),
        sql`${chatMessages.seq} < coalesce(${sql.placeholder('before')}::bigint, 9223372036854775807)`,
      ),
    )
    .orderBy(desc(chatMessages.seq))
    .limit(sql.placeholder('limit'))
    .prepare('hearth_chat_message_page');
const preparedPages = new WeakMap<Db, ReturnType<typeof preparePage>>();

export async function messagePage(
  db: Db,
  actor: Actor,
  conversationId: string,
  page: { before?: number | undefined; limit: number },
): Promise<MessageRow[]> {
  let messages = preparedPages.get(db);
  if (!messages) {
    messages = preparePage(db);
    preparedPages.set(db, messages);
  }
  return await messages.execute({
    me: actor.personId,
    conversationId,
    organizationId: actor.organizationId,
    before: page.before || null,
    limit: page.limit + 1,
  });
}

/** One message of the actor's organization, as the actor sees it. */
export async function messageRow(
  db: Executor,
  actor: Actor,
  messageId: string,
): Promise<MessageRow | undefined> {
  const [row] = await db
    .select(messageColumns(actor.personId))
    .from(chatMessages)
    .leftJoin(people, eq(people.id, chatMessages.authorId))
    .where(and(eq(chatMessages.id, messageId), eq(chatMessages.organizationId, actor.organizationId)));
  return row;
}

/** The people a conversation's events go to. */
export async function conversationMemberIds(
  db: Executor,
  conversation: { id: string; kind: string; residenceId: string | null },
): Promise<string[]> {
  if (conversation.kind === 'house') return await houseMemberIds(db, conversation.residenceId as string);
  const rows = await db
    .select({ personId: conversationMembers.personId })
    .from(conversationMembers)
    .where(eq(conversationMembers.conversationId, conversation.id));
  return rows.map((r) => r.personId);
}

/** The houses the members of a thread live in or lead today. */
export const housesOfThreadMembers = (db: Executor, conversationId: SQL | string) =>
  db
    .select({ residenceId: memberships.residenceId })
    .from(conversationMembers)
    .innerJoin(memberships, eq(memberships.personId, conversationMembers.personId))
    .where(
      and(
        eq(conversationMembers.conversationId, conversationId),
        inArray(memberships.role, ['resident', 'peer_leader']),
        isCurrentMembership(),
      ),
    );

/** Whether the actor leads a house where one of the thread's members lives today. */
export async function leadsAThreadMember(
  db: Executor,
  ledHouses: readonly string[],
  conversationId: string,
): Promise<boolean> {
  if (ledHouses.length === 0) return false;
  const [found] = await db
    .select({ residenceId: memberships.residenceId })
    .from(conversationMembers)
    .innerJoin(memberships, eq(memberships.personId, conversationMembers.personId))
    .where(
      and(
        eq(conversationMembers.conversationId, conversationId),
        inArray(memberships.role, ['resident', 'peer_leader']),
        inArray(memberships.residenceId, [...ledHouses]),
        isCurrentMembership(),
      ),
    )
    .limit(1);
  return found !== undefined;
}
