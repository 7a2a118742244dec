// Chat moderation: a member reports someone else's message to the peer leaders who review that
// conversation (its house's leaders; for a thread, the leaders of the houses its members live in), and a
// peer leader hides a reported message — kept for the record, hidden from peers.
import { and, desc, eq, exists, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  chatMessageReports,
  chatMessages,
  conversationMembers,
  conversations,
  memberships,
  people,
  residences,
} from '../../platform/database/schema.ts';
import { forbidden, notFound, refuse } from '../../platform/errors.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { canBeHidden, canReport } from './policy.ts';
import { presentMessage } from './presenters.ts';
import { conversationMemberIds, housesOfThreadMembers, messageColumns, messageRow } from './queries.ts';
import { accessTo, auditActorIn } from './service.ts';

/** A member reports someone else's message to the peer leaders who review the conversation. */
export async function reportMessage(db: Db, actor: Actor, messageId: string, reason: string) {
  return await db.transaction(async (tx) => {
    const message = await messageRow(tx, actor, messageId);
    if (!message) throw notFound('message');
    const access = await accessTo(tx, actor, message.conversationId);
    if (!access.isMember) throw notFound('message');
    if (!canReport(actor, message)) throw refuse('chat.own_message', { field: 'messageId' });
    const inserted = await tx
      .insert(chatMessageReports)
      .values({ organizationId: actor.organizationId, messageId, reporterId: actor.personId, reason })
      .onConflictDoNothing({ target: [chatMessageReports.messageId, chatMessageReports.reporterId] })
      .returning({ id: chatMessageReports.id });
    if (inserted.length > 0) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorId: auditActorIn(access, actor),
        action: 'chat.message.report',
        subjectType: 'chat_message',
        subjectId: messageId,
      });
      await publish(tx, {
        organizationId: actor.organizationId,
        recipients: await reviewersOf(tx, access.conversation),
        type: 'chat.reported',
        payload: { conversationId: message.conversationId, messageId },
      });
    }
    return { reported: true as const };
  });
}

/** The peer leaders who review a conversation's reports. */
async function reviewersOf(
  db: Executor,
  conversation: { id: string; kind: string; residenceId: string | null },
): Promise<string[]> {
  const houses =
    conversation.kind === 'house'
      ? eq(memberships.residenceId, conversation.residenceId as string)
      : inArray(memberships.residenceId, housesOfThreadMembers(db, conversation.id));
  const rows = await db
    .selectDistinct({ personId: memberships.personId })
    .from(memberships)
    .where(and(houses, eq(memberships.role, 'peer_leader'), isCurrentMembership()));
  return rows.map((r) => r.personId);
}

/** A peer leader hides a reported message: kept for the record, hidden from peers. */
export async function hideMessage(db: Db, actor: Actor, messageId: string) {
  return await db.transaction(async (tx) => {
    const message = await messageRow(tx, actor, messageId);
    if (!message) throw notFound('message');
    const access = await accessTo(tx, actor, message.conversationId);
    if (!access.canModerate) {
      if (access.isMember) throw forbidden();
      throw notFound('message');
    }
    if (!canBeHidden(message)) throw refuse('chat.not_reported', { field: 'messageId' });
    if (message.hiddenAt === null) {
      const [hidden] = await tx
        .update(chatMessages)
        .set({ hiddenAt: sql`now()`, hiddenBy: actor.personId })
        .where(and(eq(chatMessages.id, messageId), isNull(chatMessages.hiddenAt)))
        .returning({ hiddenAt: chatMessages.hiddenAt });
      message.hiddenAt = hidden?.hiddenAt ?? message.hiddenAt;
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'chat.message.hide',
        subjectType: 'chat_message',
        subjectId: messageId,
      });
      const recipients = [
        ...(await conversationMemberIds(tx, access.conversation)),
        ...(await reviewersOf(tx, access.conversation)),
      ];
      await publish(tx, {
        organizationId: actor.organizationId,
        recipients,
        type: 'chat.hidden',
        payload: { conversationId: message.conversationId, messageId },
      });
    }
    return presentMessage(message, actor.personId, true);
  });
}

/** The conversations a peer leader reviews: their houses', and threads of people living in them. */
function reviewedBy(db: Executor, actor: Actor, led: readonly string[]) {
  return union(
    db
      .select({ id: conversations.id })
      .from(conversations)
      .where(
        and(
          eq(conversations.organizationId, actor.organizationId),
          eq(conversations.kind, 'house'),
          inArray(conversations.residenceId, [...led]),
        ),
      ),
    db
      .select({ id: conversationMembers.conversationId })
      .from(conversationMembers)
      .innerJoin(memberships, eq(memberships.personId, conversationMembers.personId))
      .where(
        and(
          eq(conversationMembers.organizationId, actor.organizationId),
          inArray(memberships.role, ['resident', 'peer_leader']),
          inArray(memberships.residenceId, [...led]),
          isCurrentMembership(),
        ),
      ),
  );
}

const reportsOf = (what: SQL) =>
  sql`(select ${what} from chat_message_reports rep where rep.message_id = ${chatMessages.id})`;

/** Reported messages in the conversations a peer leader reviews, newest report first. Audited. */
export async function listReports(db: Db, actor: Actor) {
  const led = residencesWithRole(actor, 'peer_leader');
  if (led.length === 0) return { reports: [] };
  const firstAt = sql<Date>`${reportsOf(sql`min(rep.created_at)`)}`.mapWith(chatMessageReports.createdAt);
  const rows = await db
    .select({
      ...messageColumns(actor.personId),
      kind: conversations.kind,
      residenceName: residences.name,
      reasons: sql<string[]>`array(select rep.reason from chat_message_reports rep
        where rep.message_id = ${chatMessages.id} and rep.reason <> '' order by rep.created_at)`,
      firstAt,
    })
    .from(chatMessages)
    .innerJoin(conversations, eq(conversations.id, chatMessages.conversationId))
    .leftJoin(residences, eq(residences.id, conversations.residenceId))
    .leftJoin(people, eq(people.id, chatMessages.authorId))
    .where(
      and(
        eq(chatMessages.organizationId, actor.organizationId),
        inArray(chatMessages.conversationId, reviewedBy(db, actor, led)),
        exists(reportsOf(sql`1`)),
      ),
    )
    .orderBy(desc(sql`${chatMessages.hiddenAt} is null`), desc(firstAt))
    .limit(100);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'chat.reports.read',
    subjectType: 'organization',
    subjectId: actor.organizationId,
    detail: { count: rows.length },
  });
  return {
    reports: rows.map((row) => ({
      message: presentMessage(row, actor.personId, true),
      conversation: {
        id: row.conversationId,
        kind: row.kind as 'house' | 'thread',
        residenceName: row.residenceName,
      },
      reasons: row.reasons,
      firstReportedAt: row.firstAt.toISOString(),
    })),
  };
}
