// Chat: who may do what in a conversation (policy.ts), what each viewer sees of its messages, posting
// and reading (reporting and hiding: moderation.ts). Anyone who is not a member finds nothing (404) and
// nothing is written. A hidden message stays for the record.
import { and, eq, isNull, max, sql } from 'drizzle-orm';
import type { ChatMessage, ConversationDetail, ConversationSummary } from '../../../shared/contracts/chat.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor, Tx } from '../../platform/database/executor.ts';
import {
  chatMessages,
  conversationMembers,
  conversations,
  notifications,
} from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { createHouseConversations } from './conversations.ts';
import { recipientsBySight } from './names.ts';
import { type ConversationFacts, canModerate, chatHouses, isMemberOf, joinedWithoutName } from './policy.ts';
import { type ConversationRow, presentDetail, presentMessage, presentSummary } from './presenters.ts';
import {
  conversationMemberIds,
  leadsAThreadMember,
  loadConversation,
  messagePage,
  messageRow,
  myConversationRows,
  othersIn,
  unreadCount,
} from './queries.ts';

export type Access = {
  conversation: ConversationRow;
  isMember: boolean;
  canModerate: boolean;
  lastReadSeq: number;
};

const factsOf = (c: ConversationRow): ConversationFacts => ({
  kind: c.kind as ConversationFacts['kind'],
  residenceId: c.residenceId,
  memberRow: c.memberRow,
});

/** What the actor may do in a conversation; a conversation they may not see at all is not found. */
export async function accessTo(db: Executor, actor: Actor, conversationId: string): Promise<Access> {
  const conversation = await loadConversation(db, actor, conversationId);
  if (!conversation) throw notFound('conversation');
  const facts = factsOf(conversation);
  const leadsAMember =
    facts.kind === 'thread' &&
    (await leadsAThreadMember(db, residencesWithRole(actor, 'peer_leader'), conversationId));
  return {
    conversation,
    isMember: isMemberOf(actor, facts),
    canModerate: canModerate(actor, facts, leadsAMember),
    lastReadSeq: Number(conversation.lastReadSeq ?? 0),
  };
}

/** The same, but only for members: everyone else gets a 404 (nothing about the conversation leaks). */
export async function memberAccess(db: Executor, actor: Actor, conversationId: string): Promise<Access> {
  const access = await accessTo(db, actor, conversationId);
  if (!access.isMember) throw notFound('conversation');
  return access;
}

/**
 * Who does something in a conversation, for the audit log: nobody for a member who joined without their
 * name — an admin reading the log must not learn who asked (even after they told the other person).
 */
export const auditActorIn = (access: Access, actor: Actor): string | null =>
  access.conversation.myUnnamedAs ? null : actor.personId;

/** My conversations: my house's (made on first use) and the threads I am in, newest first. */
export async function listConversations(db: Db, actor: Actor) {
  const houses = chatHouses(actor);
  let rows = await myConversationRows(db, actor, houses);
  const missing = houses.filter((h) => !rows.some((r) => r.kind === 'house' && r.residenceId === h));
  if (missing.length > 0) {
    await createHouseConversations(db, actor.organizationId, missing);
    rows = await myConversationRows(db, actor, houses);
  }
  const others = await othersIn(
    db,
    actor,
    rows.filter((r) => r.kind === 'thread').map((r) => r.id),
  );
  const list: ConversationSummary[] = rows.map((row) => presentSummary(row, others, row.unread));
  return { conversations: list, totalUnread: list.reduce((n, c) => n + c.unreadCount, 0) };
}

async function unreadOf(db: Executor, actor: Actor, conversationId: string, lastReadSeq: number) {
  const [row] = await db
    .select({
      n: unreadCount(actor.organizationId, sql`${conversationId}::uuid`, sql`${lastReadSeq}`, actor.personId),
    })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  return Number(row?.n ?? 0);
}

export async function conversationDetail(
  db: Executor,
  actor: Actor,
  conversationId: string,
  known?: Access,
): Promise<ConversationDetail> {
  const access = known ?? (await memberAccess(db, actor, conversationId));
  const others = await othersIn(db, actor, access.conversation.kind === 'thread' ? [conversationId] : []);
  const unread = await unreadOf(db, actor, conversationId, access.lastReadSeq);
  return presentDetail(presentSummary(access.conversation, others, unread), access);
}

/** A page of messages, oldest first. Reading a conversation's words is audited. */
export async function readMessages(
  db: Db,
  actor: Actor,
  conversationId: string,
  page: { before?: number | undefined; limit: number },
) {
  const access = await memberAccess(db, actor, conversationId);
  const found = await messagePage(db, actor, conversationId, page);
  const hasOlder = found.length > page.limit;
  const rows = found.slice(0, page.limit).reverse();
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: auditActorIn(access, actor),
    action: 'chat.messages.read',
    subjectType: 'conversation',
    subjectId: conversationId,
    detail: { count: rows.length },
  });
  return {
    messages: rows.map((row) => presentMessage(row, actor.personId, access.canModerate)),
    hasOlder,
  };
}

/** Read state rows exist for house members too; reading never goes backwards. */
async function advanceRead(db: Executor, actor: Actor, conversationId: string, seq: number) {
  const [row] = await db
    .insert(conversationMembers)
    .values({
      organizationId: actor.organizationId,
      conversationId,
      personId: actor.personId,
      lastReadSeq: seq,
    })
    .onConflictDoUpdate({
      target: [conversationMembers.conversationId, conversationMembers.personId],
      set: { lastReadSeq: sql`greatest(${conversationMembers.lastReadSeq}, excluded.last_read_seq)` },
    })
    .returning({ lastReadSeq: conversationMembers.lastReadSeq });
  return Number(row?.lastReadSeq ?? seq);
}

/** Every member hears of a new message, its author presented as each group of them may see it. */
async function announceMessage(tx: Tx, actor: Actor, access: Access, message: ChatMessage) {
  const { conversation } = access;
  const recipients = await conversationMemberIds(tx, conversation);
  for (const [unnamedAs, group] of await recipientsBySight(tx, conversation.id, actor.personId, recipients)) {
    // Every member may read the text; hidden text and report counts are not part of the event.
    const author = unnamedAs && message.author ? { unnamed: unnamedAs } : message.author;
    const forGroup: ChatMessage = { ...message, author, mine: false, reportCount: 0, reportedByMe: false };
    await publish(tx, {
      organizationId: actor.organizationId,
      recipients: group,
      type: 'chat.message',
      payload: { conversationId: conversation.id, kind: conversation.kind, message: forGroup },
    });
    if (conversation.kind === 'thread') {
      await notifyPeople(tx, {
        organizationId: actor.organizationId,
        personIds: group.filter((id) => id !== actor.personId),
        kind: 'chat_message',
        data: {
          conversationId: conversation.id,
          messageId: message.id,
          subjectType: conversation.subjectType,
          fromName: forGroup.author && 'displayName' in forGroup.author ? forGroup.author.displayName : null,
        },
        dedupeKey: `chat_message:${message.id}`,
      });
    }
  }
}

/** Posts a message: stored, announced to the members at commit, and for threads a notification. */
export async function postMessage(
  db: Db,
  actor: Actor,
  conversationId: string,
  body: string,
  clientKey?: string,
): Promise<{ message: ChatMessage; created: boolean }> {
  return await db.transaction(async (tx) => {
    const access = await memberAccess(tx, actor, conversationId);
    const [row] = await tx
      .insert(chatMessages)
      .values({
        organizationId: actor.organizationId,
        conversationId,
        authorId: actor.personId,
        body,
        clientKey: clientKey ?? null,
      })
      .onConflictDoNothing({
        target: [chatMessages.conversationId, chatMessages.authorId, chatMessages.clientKey],
        where: sql`${chatMessages.clientKey} is not null`,
      })
      .returning({ id: chatMessages.id, seq: chatMessages.seq, createdAt: chatMessages.createdAt });
    if (!row) {
      // The same send again (a retry on a weak connection): the message already stored, nothing new.
      const [again] = await tx
        .select({ id: chatMessages.id })
        .from(chatMessages)
        .where(
          and(
            eq(chatMessages.conversationId, conversationId),
            eq(chatMessages.authorId, actor.personId),
            eq(chatMessages.clientKey, clientKey ?? ''),
          ),
        );
      const existing = (await messageRow(tx, actor, again!.id))!;
      return { message: presentMessage(existing, actor.personId, access.canModerate), created: false };
    }
    await tx
      .update(conversations)
      .set({ lastMessageAt: row.createdAt })
      .where(eq(conversations.id, conversationId));
    // The author's own message is read by them; a house member's read state row is made here.
    if (access.conversation.kind === 'house' || access.conversation.memberRow) {
      await advanceRead(tx, actor, conversationId, Number(row.seq));
    }
    const full = (await messageRow(tx, actor, row.id))!;
    const message = presentMessage(full, actor.personId, access.canModerate);
    await announceMessage(tx, actor, access, message);
    return { message, created: true };
  });
}

/** Marks the conversation read up to a message (never past the newest, never backwards). */
export async function markRead(db: Db, actor: Actor, conversationId: string, seq: number) {
  return await db.transaction(async (tx) => {
    await memberAccess(tx, actor, conversationId);
    const [newest] = await tx
      .select({ seq: max(chatMessages.seq) })
      .from(chatMessages)
      .where(
        and(
          eq(chatMessages.organizationId, actor.organizationId),
          eq(chatMessages.conversationId, conversationId),
        ),
      );
    const capped = Math.min(seq, Number(newest?.seq ?? 0));
    const lastReadSeq = await advanceRead(tx, actor, conversationId, capped);
    // Having read the conversation, its message notifications are read too.
    await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.personId, actor.personId),
          eq(notifications.organizationId, actor.organizationId),
          eq(notifications.kind, 'chat_message'),
          isNull(notifications.readAt),
          sql`${notifications.data}->>'conversationId' = ${conversationId}`,
        ),
      );
    const unread = await unreadOf(tx, actor, conversationId, lastReadSeq);
    await publish(tx, {
      organizationId: actor.organizationId,
      recipients: [actor.personId],
      type: 'chat.read',
      payload: { conversationId, lastReadSeq, unreadCount: unread },
    });
    return { lastReadSeq, unreadCount: unread };
  });
}

/**
 * A member who joined without their name lets the others know who they are, or hides it again; the
 * others' open screens hear of it (`chat.conversation.updated`, no name in it) and fetch again.
 */
export async function showMyName(
  db: Db,
  actor: Actor,
  conversationId: string,
  shown: boolean,
): Promise<ConversationDetail> {
  return await db.transaction(async (tx) => {
    const access = await memberAccess(tx, actor, conversationId);
    const { conversation } = access;
    if (!joinedWithoutName(conversation)) throw refuse('chat.name_already_shown', { field: 'shown' });
    if (Boolean(conversation.myRevealedAt) !== shown) {
      const [saved] = await tx
        .update(conversationMembers)
        .set({ revealedAt: shown ? sql`now()` : null })
        .where(
          and(
            eq(conversationMembers.conversationId, conversationId),
            eq(conversationMembers.personId, actor.personId),
          ),
        )
        .returning({ revealedAt: conversationMembers.revealedAt });
      conversation.myRevealedAt = saved?.revealedAt ?? null;
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorId: auditActorIn(access, actor),
        action: shown ? 'chat.name.shown' : 'chat.name.hidden',
        subjectType: 'conversation',
        subjectId: conversationId,
      });
      await publish(tx, {
        organizationId: actor.organizationId,
        recipients: await conversationMemberIds(tx, conversation),
        type: 'chat.conversation.updated',
        payload: { conversationId },
      });
    }
    return await conversationDetail(tx, actor, conversationId, access);
  });
}
