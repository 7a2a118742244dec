// Chat moderation: a member reports someone else's message to the peer leaders who review that
// conversation (its house's leaders; for a thread, the leaders of the houses its members live in), and a
// peer leader hides a reported message — kept for the record, hidden from peers.
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { publish } from '../../platform/realtime/publish.ts';
import type { Executor } from './conversations.ts';
import {
  accessTo,
  auditActorIn,
  conversationMemberIds,
  iso,
  MESSAGE_COLUMNS,
  type MessageRow,
  messageRow,
  presentMessage,
  type Tx,
  uuidArray,
} from './service.ts';

/** A member reports someone else's message to the peer leaders who review the conversation. */
export async function reportMessage(db: Db, actor: Actor, messageId: string, reason: string) {
  return await db.transaction(async (tx: Tx) => {
    const message = await messageRow(tx, actor, messageId);
    if (!message) throw notFound('message');
    const access = await accessTo(tx, actor, message.conversation_id);
    if (!access.isMember) throw notFound('message');
    if (message.author_id === actor.personId) {
      throw new AppError('bad_request', 'You cannot report your own message.', [
        { field: 'messageId', message: 'this is your own message' },
      ]);
    }
    const inserted = await tx.execute<{ id: string }>(sql`
      insert into chat_message_reports (organization_id, message_id, reporter_id, reason)
      values (${actor.organizationId}, ${messageId}, ${actor.personId}, ${reason})
      on conflict (message_id, reporter_id) do nothing
      returning id`);
    if (inserted.rows.length > 0) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorId: auditActorIn(access, actor),
        action: 'chat.message.report',
        subjectType: 'chat_message',
        subjectId: messageId,
      });
      const reviewers = await reviewersOf(tx, access.conversation);
      await publish(tx, {
        organizationId: actor.organizationId,
        recipients: reviewers,
        type: 'chat.reported',
        payload: { conversationId: message.conversation_id, messageId },
      });
    }
    return { reported: true as const };
  });
}

/** The peer leaders who review a conversation's reports. */
async function reviewersOf(
  db: Executor,
  conversation: { id: string; kind: string; residence_id: string | null },
): Promise<string[]> {
  const result =
    conversation.kind === 'house'
      ? await db.execute<{ person_id: string }>(sql`
          select distinct person_id from memberships
          where residence_id = ${conversation.residence_id} and role = 'peer_leader'
            and hearth_membership_current(memberships)`)
      : await db.execute<{ person_id: string }>(sql`
          select distinct leader.person_id from conversation_members cm
          join memberships m on m.person_id = cm.person_id and m.role in ('resident', 'peer_leader')
            and hearth_membership_current(m)
          join memberships leader on leader.residence_id = m.residence_id and leader.role = 'peer_leader'
            and hearth_membership_current(leader)
          where cm.conversation_id = ${conversation.id}`);
  return result.rows.map((r) => r.person_id);
}

/** A peer leader hides a reported message: kept for the record, hidden from peers. */
export async function hideMessage(db: Db, actor: Actor, messageId: string) {
  return await db.transaction(async (tx: Tx) => {
    const message = await messageRow(tx, actor, messageId);
    if (!message) throw notFound('message');
    const access = await accessTo(tx, actor, message.conversation_id);
    if (!access.canModerate) {
      if (access.isMember) throw forbidden();
      throw notFound('message');
    }
    if (Number(message.report_count) === 0) {
      throw new AppError('conflict', 'Only a reported message can be hidden.', [
        { field: 'messageId', message: 'nobody has reported this message' },
      ]);
    }
    if (message.hidden_at === null) {
      await tx.execute(sql`
        update chat_messages set hidden_at = now(), hidden_by = ${actor.personId}
        where id = ${messageId} and hidden_at is null`);
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
        payload: { conversationId: message.conversation_id, messageId },
      });
    }
    const after = (await messageRow(tx, actor, messageId))!;
    return presentMessage(after, actor.personId, true);
  });
}

/** Reported messages in the conversations a peer leader reviews, newest report first. Audited. */
export async function listReports(db: Db, actor: Actor) {
  const led = residencesWithRole(actor, 'peer_leader');
  if (led.length === 0) return { reports: [] };
  const houses = uuidArray(led);
  const result = await db.execute<
    MessageRow & {
      kind: 'house' | 'thread';
      residence_name: string | null;
      reasons: string[];
      first_at: Date;
    }
  >(sql`
    with reviewed as (
      select c.id from conversations c
      where c.organization_id = ${actor.organizationId} and c.kind = 'house'
        and c.residence_id = any(${houses}::uuid[])
      union
      select cm.conversation_id from conversation_members cm
      join memberships m on m.person_id = cm.person_id and m.role in ('resident', 'peer_leader')
        and hearth_membership_current(m)
      where cm.organization_id = ${actor.organizationId} and m.residence_id = any(${houses}::uuid[])
    )
    select ${MESSAGE_COLUMNS(actor.personId)}, c.kind, r.name as residence_name,
      array(select rep.reason from chat_message_reports rep
            where rep.message_id = m.id and rep.reason <> '' order by rep.created_at) as reasons,
      (select min(rep.created_at) from chat_message_reports rep where rep.message_id = m.id) as first_at
    from chat_messages m
    join conversations c on c.id = m.conversation_id
    left join residences r on r.id = c.residence_id
    left join people p on p.id = m.author_id
    where m.organization_id = ${actor.organizationId}
      and m.conversation_id in (select id from reviewed)
      and exists (select 1 from chat_message_reports rep where rep.message_id = m.id)
    order by (m.hidden_at is null) desc, first_at desc
    limit 100`);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'chat.reports.read',
    subjectType: 'organization',
    subjectId: actor.organizationId,
    detail: { count: result.rows.length },
  });
  return {
    reports: result.rows.map((row) => ({
      message: presentMessage(row, actor.personId, true),
      conversation: { id: row.conversation_id, kind: row.kind, residenceName: row.residence_name },
      reasons: row.reasons,
      firstReportedAt: iso(row.first_at),
    })),
  };
}
