// Chat: who is in a conversation, what each viewer sees of its messages, posting and reading
// (reporting and hiding: moderation.ts). A house conversation's members are the house's current residents and peer leaders
// (from memberships, never copied); a thread's members are its conversation_members rows. Anyone
// else finds nothing (404) and nothing is written. A peer leader reviews reports in their house's
// conversation and in threads of people living in their house; a hidden message stays for the record.
import { sql } from 'drizzle-orm';
import type {
  ChatMessage,
  ChatParticipant,
  ConversationDetail,
  ConversationSummary,
} from '../../../shared/contracts/chat.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { houseMemberIds, publish } from '../../platform/realtime/publish.ts';
import { type Executor, houseConversationId } from './conversations.ts';
import {
  myNameOf,
  type NamedPersonRow,
  participantView,
  recipientsBySight,
  type UnnamedAs,
  unnamedTo,
} from './names.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;
export const iso = (v: unknown): string =>
  v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();

/** The houses whose conversation the actor belongs to: where they live or lead today. */
export const chatHouses = (actor: Actor): string[] => [
  ...new Set([...residencesWithRole(actor, 'resident'), ...residencesWithRole(actor, 'peer_leader')]),
];

type ConversationRow = {
  id: string;
  kind: 'house' | 'thread';
  residence_id: string | null;
  residence_name: string | null;
  subject_type: 'support_request' | 'mentorship' | null;
  subject_id: string | null;
  last_message_at: Date | string | null;
  member_row: boolean;
  last_read_seq: string | number | null;
  /** The viewer's own member row: whether they joined without their name, and revealed it since. */
  my_unnamed_as: UnnamedAs | null;
  my_revealed_at: Date | string | null;
};

export type Access = {
  conversation: ConversationRow;
  isMember: boolean;
  canModerate: boolean;
  lastReadSeq: number;
};

async function loadConversation(db: Executor, actor: Actor, conversationId: string) {
  const result = await db.execute<ConversationRow>(sql`
    select c.id, c.kind, c.residence_id, r.name as residence_name, c.subject_type, c.subject_id,
      c.last_message_at, (cm.person_id is not null) as member_row, cm.last_read_seq,
      cm.unnamed_as as my_unnamed_as, cm.revealed_at as my_revealed_at
    from conversations c
    left join residences r on r.id = c.residence_id
    left join conversation_members cm on cm.conversation_id = c.id and cm.person_id = ${actor.personId}
    where c.id = ${conversationId} and c.organization_id = ${actor.organizationId}`);
  return result.rows[0];
}

/** Whether the actor leads a house where one of the thread's members lives today. */
async function leadsAThreadMember(db: Executor, actor: Actor, conversationId: string): Promise<boolean> {
  const led = residencesWithRole(actor, 'peer_leader');
  if (led.length === 0) return false;
  const result = await db.execute<{ yes: boolean }>(sql`
    select exists (
      select 1 from conversation_members cm
      join memberships m on m.person_id = cm.person_id
      where cm.conversation_id = ${conversationId}
        and m.role in ('resident', 'peer_leader')
        and m.residence_id = any(${uuidArray(led)}::uuid[])
        and hearth_membership_current(m)
    ) as yes`);
  return result.rows[0]?.yes === true;
}

/** What the actor may do in a conversation; a conversation they may not see at all is not found. */
export async function accessTo(db: Executor, actor: Actor, conversationId: string): Promise<Access> {
  const conversation = await loadConversation(db, actor, conversationId);
  if (!conversation) throw notFound('conversation');
  const isMember =
    conversation.kind === 'house'
      ? chatHouses(actor).includes(conversation.residence_id as string)
      : conversation.member_row;
  const canModerate =
    conversation.kind === 'house'
      ? residencesWithRole(actor, 'peer_leader').includes(conversation.residence_id as string)
      : await leadsAThreadMember(db, actor, conversationId);
  return { conversation, isMember, canModerate, lastReadSeq: Number(conversation.last_read_seq ?? 0) };
}

/** The same, but only for members: everyone else gets a 404 (nothing about the conversation leaks). */
export async function memberAccess(db: Executor, actor: Actor, conversationId: string): Promise<Access> {
  const access = await accessTo(db, actor, conversationId);
  if (!access.isMember) throw notFound('conversation');
  return access;
}

/** The people a conversation's events go to. */
export async function conversationMemberIds(
  db: Executor,
  conversation: { id: string; kind: string; residence_id: string | null },
): Promise<string[]> {
  if (conversation.kind === 'house') return await houseMemberIds(db, conversation.residence_id as string);
  const result = await db.execute<{ person_id: string }>(sql`
    select person_id from conversation_members where conversation_id = ${conversation.id}`);
  return result.rows.map((r) => r.person_id);
}

/**
 * Who does something in a conversation, for the audit log: nobody for a member who joined without their
 * name — an admin reading the log must not learn who asked (even after they told the other person).
 */
export const auditActorIn = (access: Access, actor: Actor): string | null =>
  access.conversation.my_unnamed_as ? null : actor.personId;

async function othersIn(db: Executor, actor: Actor, conversationIds: string[]) {
  const byConversation = new Map<string, ChatParticipant[]>();
  if (conversationIds.length === 0) return byConversation;
  const result = await db.execute<NamedPersonRow & { conversation_id: string }>(sql`
    select cm.conversation_id, p.id, p.first_name, p.last_name, p.name_style,
      ${unnamedTo(sql`cm.conversation_id`, sql`cm.person_id`, sql`${actor.personId}::uuid`)} as unnamed_as
    from conversation_members cm join people p on p.id = cm.person_id
    where cm.conversation_id = any(${uuidArray(conversationIds)}::uuid[]) and cm.person_id <> ${actor.personId}
    order by p.first_name, p.id`);
  for (const row of result.rows) {
    const list = byConversation.get(row.conversation_id) ?? [];
    list.push(participantView(row));
    byConversation.set(row.conversation_id, list);
  }
  return byConversation;
}

/** Unread: others' messages after what I last read, not hidden. */
const UNREAD = (
  organizationId: string,
  conversationIdSql: ReturnType<typeof sql>,
  lastReadSql: ReturnType<typeof sql>,
  me: string,
) => sql`
  (select count(*)::int from chat_messages m
   where m.organization_id = ${organizationId} and m.conversation_id = ${conversationIdSql}
     and m.seq > ${lastReadSql}
     and m.author_id is distinct from ${me} and m.hidden_at is null)`;

/** My conversations: my house's (made on first use) and the threads I am in, newest first. */
export async function listConversations(db: Db, actor: Actor) {
  for (const residenceId of chatHouses(actor)) {
    await houseConversationId(db, actor.organizationId, residenceId);
  }
  const houses = chatHouses(actor);
  const result = await db.execute<ConversationRow & { unread: number }>(sql`
    select c.id, c.kind, c.residence_id, r.name as residence_name, c.subject_type, c.subject_id,
      c.last_message_at, (cm.person_id is not null) as member_row, cm.last_read_seq,
      cm.unnamed_as as my_unnamed_as, cm.revealed_at as my_revealed_at,
      ${UNREAD(actor.organizationId, sql`c.id`, sql`coalesce(cm.last_read_seq, 0)`, actor.personId)} as unread
    from conversations c
    left join residences r on r.id = c.residence_id
    left join conversation_members cm on cm.conversation_id = c.id and cm.person_id = ${actor.personId}
    where c.organization_id = ${actor.organizationId}
      and ((c.kind = 'house' and c.residence_id = any(${uuidArray(houses)}::uuid[]))
        or (c.kind = 'thread' and cm.person_id is not null))
    order by (c.kind = 'house') desc, c.last_message_at desc nulls last, c.created_at desc
    limit 200`);
  const others = await othersIn(
    db,
    actor,
    result.rows.filter((r) => r.kind === 'thread').map((r) => r.id),
  );
  const conversations: ConversationSummary[] = result.rows.map((row) => summary(row, others, row.unread));
  return { conversations, totalUnread: conversations.reduce((n, c) => n + c.unreadCount, 0) };
}

function summary(
  row: ConversationRow,
  others: Map<string, ChatParticipant[]>,
  unread: number,
): ConversationSummary {
  return {
    id: row.id,
    kind: row.kind,
    residence:
      row.kind === 'house' ? { id: row.residence_id as string, name: row.residence_name ?? '' } : null,
    subject: row.subject_type ? { type: row.subject_type, id: row.subject_id as string } : null,
    others: others.get(row.id) ?? [],
    myName: myNameOf(row),
    unreadCount: Number(unread),
    lastMessageAt: row.last_message_at ? iso(row.last_message_at) : null,
  };
}

async function unreadOf(db: Executor, actor: Actor, conversationId: string, lastReadSeq: number) {
  const result = await db.execute<{ n: number }>(sql`
    select ${UNREAD(actor.organizationId, sql`${conversationId}::uuid`, sql`${lastReadSeq}`, actor.personId)} as n`);
  return Number(result.rows[0]?.n ?? 0);
}

export async function conversationDetail(
  db: Db,
  actor: Actor,
  conversationId: string,
): Promise<ConversationDetail> {
  const access = await memberAccess(db, actor, conversationId);
  const others = await othersIn(db, actor, access.conversation.kind === 'thread' ? [conversationId] : []);
  const unread = await unreadOf(db, actor, conversationId, access.lastReadSeq);
  return {
    ...summary(access.conversation, others, unread),
    canModerate: access.canModerate,
    lastReadSeq: access.lastReadSeq,
  };
}

export type MessageRow = Omit<NamedPersonRow, 'unnamed_as'> & {
  /** How the author appears to the viewer the row was read for (null: by name). */
  author_unnamed_as: UnnamedAs | null;
  message_id: string;
  seq: string | number;
  conversation_id: string;
  author_id: string | null;
  body: string;
  created_at: Date | string;
  hidden_at: Date | string | null;
  report_count: number;
  reported_by_me: boolean;
};

export const MESSAGE_COLUMNS = (me: string) => sql`
  m.id as message_id, m.seq, m.conversation_id, m.author_id, p.id, p.first_name, p.last_name, p.name_style,
  m.body, m.created_at, m.hidden_at,
  ${unnamedTo(sql`m.conversation_id`, sql`m.author_id`, sql`${me}::uuid`)} as author_unnamed_as,
  (select count(*)::int from chat_message_reports r where r.message_id = m.id) as report_count,
  exists (select 1 from chat_message_reports r where r.message_id = m.id and r.reporter_id = ${me}) as reported_by_me`;

/** A message as a viewer sees it: hidden text only for a peer leader reviewing it; report counts likewise. */
export function presentMessage(row: MessageRow, viewerId: string | null, canModerate: boolean): ChatMessage {
  const hidden = row.hidden_at !== null;
  return {
    id: row.message_id,
    seq: Number(row.seq),
    conversationId: row.conversation_id,
    author:
      row.author_id && row.first_name !== null
        ? participantView({ ...row, id: row.author_id, unnamed_as: row.author_unnamed_as })
        : null,
    mine: viewerId !== null && row.author_id === viewerId,
    body: hidden && !canModerate ? null : row.body,
    createdAt: iso(row.created_at),
    hidden,
    reportCount: canModerate ? Number(row.report_count) : 0,
    reportedByMe: viewerId !== null && row.reported_by_me === true,
  };
}

/** A page of messages, oldest first. Reading a conversation's words is audited. */
export async function readMessages(
  db: Db,
  actor: Actor,
  conversationId: string,
  page: { before?: number | undefined; limit: number },
) {
  const access = await memberAccess(db, actor, conversationId);
  const result = await db.execute<MessageRow>(sql`
    select ${MESSAGE_COLUMNS(actor.personId)}
    from chat_messages m left join people p on p.id = m.author_id
    where m.conversation_id = ${conversationId} and m.organization_id = ${actor.organizationId}
      ${page.before ? sql`and m.seq < ${page.before}` : sql``}
    order by m.seq desc
    limit ${page.limit + 1}`);
  const hasOlder = result.rows.length > page.limit;
  const rows = result.rows.slice(0, page.limit).reverse();
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

export async function messageRow(db: Executor, actor: Actor, messageId: string) {
  const result = await db.execute<MessageRow>(sql`
    select ${MESSAGE_COLUMNS(actor.personId)}
    from chat_messages m left join people p on p.id = m.author_id
    where m.id = ${messageId} and m.organization_id = ${actor.organizationId}`);
  return result.rows[0];
}

/** Read state rows exist for house members too; reading never goes backwards. */
async function advanceRead(db: Executor, actor: Actor, conversationId: string, seq: number) {
  const result = await db.execute<{ last_read_seq: string }>(sql`
    insert into conversation_members (organization_id, conversation_id, person_id, last_read_seq)
    values (${actor.organizationId}, ${conversationId}, ${actor.personId}, ${seq})
    on conflict (conversation_id, person_id)
    do update set last_read_seq = greatest(conversation_members.last_read_seq, excluded.last_read_seq)
    returning last_read_seq`);
  return Number(result.rows[0]?.last_read_seq ?? seq);
}

/** Posts a message: stored, announced to the members at commit, and for threads a notification. */
export async function postMessage(
  db: Db,
  actor: Actor,
  conversationId: string,
  body: string,
  clientKey?: string,
): Promise<{ message: ChatMessage; created: boolean }> {
  return await db.transaction(async (tx: Tx) => {
    const access = await memberAccess(tx, actor, conversationId);
    const inserted = await tx.execute<{ id: string; seq: string; created_at: Date }>(sql`
      insert into chat_messages (organization_id, conversation_id, author_id, body, client_key)
      values (${actor.organizationId}, ${conversationId}, ${actor.personId}, ${body}, ${clientKey ?? null})
      on conflict (conversation_id, author_id, client_key) where client_key is not null do nothing
      returning id, seq, created_at`);
    const row = inserted.rows[0];
    if (!row) {
      // The same send again (a retry on a weak connection): the message already stored, nothing new.
      const again = await tx.execute<{ id: string }>(sql`
        select id from chat_messages
        where conversation_id = ${conversationId} and author_id = ${actor.personId} and client_key = ${clientKey ?? null}`);
      const existing = (await messageRow(tx, actor, again.rows[0]!.id))!;
      return { message: presentMessage(existing, actor.personId, access.canModerate), created: false };
    }
    await tx.execute(sql`
      update conversations set last_message_at = ${row.created_at} where id = ${conversationId}`);
    // The author's own message is read by them; a house member's read state row is made here.
    if (access.conversation.kind === 'house' || access.conversation.member_row) {
      await advanceRead(tx, actor, conversationId, Number(row.seq));
    }
    const full = (await messageRow(tx, actor, row.id))!;
    const recipients = await conversationMemberIds(tx, access.conversation);
    // Every member may read the text; hidden text and report counts are not part of the event. The
    // author is presented per group of recipients: by name, or unnamed to those who may not see it.
    for (const [unnamedAs, group] of await recipientsBySight(
      tx,
      conversationId,
      actor.personId,
      recipients,
    )) {
      const forGroup = presentMessage(
        { ...full, reported_by_me: false, author_unnamed_as: unnamedAs },
        null,
        false,
      );
      await publish(tx, {
        organizationId: actor.organizationId,
        recipients: group,
        type: 'chat.message',
        payload: { conversationId, kind: access.conversation.kind, message: forGroup },
      });
      if (access.conversation.kind === 'thread') {
        await notifyPeople(tx, {
          organizationId: actor.organizationId,
          personIds: group.filter((id) => id !== actor.personId),
          kind: 'chat_message',
          data: {
            conversationId,
            messageId: row.id,
            subjectType: access.conversation.subject_type,
            fromName:
              forGroup.author && 'displayName' in forGroup.author ? forGroup.author.displayName : null,
          },
          dedupeKey: `chat_message:${row.id}`,
        });
      }
    }
    return { message: presentMessage(full, actor.personId, access.canModerate), created: true };
  });
}

/** Marks the conversation read up to a message (never past the newest, never backwards). */
export async function markRead(db: Db, actor: Actor, conversationId: string, seq: number) {
  return await db.transaction(async (tx: Tx) => {
    await memberAccess(tx, actor, conversationId);
    const newest = await tx.execute<{ seq: string | null }>(sql`
      select max(seq) as seq from chat_messages
      where organization_id = ${actor.organizationId} and conversation_id = ${conversationId}`);
    const capped = Math.min(seq, Number(newest.rows[0]?.seq ?? 0));
    const lastReadSeq = await advanceRead(tx, actor, conversationId, capped);
    // Having read the conversation, its message notifications are read too.
    await tx.execute(sql`
      update notifications set read_at = now()
      where person_id = ${actor.personId} and organization_id = ${actor.organizationId}
        and kind = 'chat_message' and read_at is null and data->>'conversationId' = ${conversationId}`);
    const unreadCount = await unreadOf(tx, actor, conversationId, lastReadSeq);
    await publish(tx, {
      organizationId: actor.organizationId,
      recipients: [actor.personId],
      type: 'chat.read',
      payload: { conversationId, lastReadSeq, unreadCount },
    });
    return { lastReadSeq, unreadCount };
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
  await db.transaction(async (tx: Tx) => {
    const access = await memberAccess(tx, actor, conversationId);
    if (!access.conversation.my_unnamed_as) throw conflict('Your name is already shown here.', 'shown');
    if (Boolean(access.conversation.my_revealed_at) === shown) return;
    await tx.execute(sql`
      update conversation_members set revealed_at = ${shown ? sql`now()` : sql`null`}
      where conversation_id = ${conversationId} and person_id = ${actor.personId}`);
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: auditActorIn(access, actor),
      action: shown ? 'chat.name.shown' : 'chat.name.hidden',
      subjectType: 'conversation',
      subjectId: conversationId,
    });
    await publish(tx, {
      organizationId: actor.organizationId,
      recipients: await conversationMemberIds(tx, access.conversation),
      type: 'chat.conversation.updated',
      payload: { conversationId },
    });
  });
  return await conversationDetail(db, actor, conversationId);
}
