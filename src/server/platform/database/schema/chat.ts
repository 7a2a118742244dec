// Chat: one group conversation per residence (its members are the house's current residents and
// peer leaders, read from memberships each time) and private threads among given people (e.g. a
// support request's requester and helper, or a mentor pair). Messages are never deleted: a peer
// leader may hide a reported one, which keeps it for the record and hides it from peers.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, orgId } from './columns.ts';
import { organizations, people, residences } from './foundation.ts';

/** A conversation: 'house' (one per residence) or 'thread' (private among its members). */
export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    /** house | thread */
    kind: text('kind').notNull(),
    /** The residence of a house conversation; null for threads. */
    residenceId: uuid('residence_id').references(() => residences.id, { onDelete: 'cascade' }),
    /** What a thread is about: support_request | mentorship (null = nothing in particular). */
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    /** A thread's identity: subject and sorted member ids, so opening it twice gives the same one. */
    threadKey: text('thread_key'),
    createdAt: createdAt(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('conversations_house_key').on(t.residenceId).where(sql`${t.kind} = 'house'`),
    uniqueIndex('conversations_thread_key')
      .on(t.organizationId, t.threadKey)
      .where(sql`${t.kind} = 'thread'`),
    index('conversations_org_subject_idx').on(t.organizationId, t.subjectType, t.subjectId),
    check('conversations_kind_check', sql`${t.kind} in ('house','thread')`),
    check(
      'conversations_shape_check',
      sql`(${t.kind} = 'house' and ${t.residenceId} is not null and ${t.threadKey} is null)
        or (${t.kind} = 'thread' and ${t.residenceId} is null and ${t.threadKey} is not null)`,
    ),
    check(
      'conversations_subject_check',
      sql`(${t.subjectType} is null) = (${t.subjectId} is null)
        and (${t.subjectType} is null or ${t.subjectType} in ('support_request','mentorship'))`,
    ),
  ],
);

/**
 * A person's place in a conversation: for threads, membership itself; for house conversations only
 * the read state (membership there comes from the house's memberships).
 */
export const conversationMembers = pgTable(
  'conversation_members',
  {
    organizationId: orgId().references(() => organizations.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The seq of the last message this person has read (0 = none). */
    lastReadSeq: bigint('last_read_seq', { mode: 'number' }).notNull().default(0),
    /**
     * Set when this person joined without their name (the author of an anonymous support post): how the
     * others see them instead — 'helped' (the person you're helping) or 'helping' (the person helping you).
     */
    unnamedAs: text('unnamed_as'),
    /** When an unnamed member chose to let the others know who they are; null again when they hide it. */
    revealedAt: timestamp('revealed_at', { withTimezone: true }),
    joinedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversation_members_key').on(t.conversationId, t.personId),
    index('conversation_members_org_person_idx').on(t.organizationId, t.personId),
    check(
      'conversation_members_unnamed_as_check',
      sql`${t.unnamedAs} is null or ${t.unnamedAs} in ('helped','helping')`,
    ),
  ],
);

/** A message. Hidden ones stay, with who hid them and when. */
export const chatMessages = pgTable(
  'chat_messages',
  {
    id: id(),
    /** Order within and across conversations; paging and read state use it. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    organizationId: orgId().references(() => organizations.id),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** The sending phone's key for this message: sending it again (a retry) stores nothing new. */
    clientKey: text('client_key'),
    createdAt: createdAt(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: uuid('hidden_by').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('chat_messages_seq_key').on(t.seq),
    index('chat_messages_org_conversation_idx').on(t.organizationId, t.conversationId, t.seq),
    uniqueIndex('chat_messages_client_key')
      .on(t.conversationId, t.authorId, t.clientKey)
      .where(sql`${t.clientKey} is not null`),
    check('chat_messages_body_check', sql`char_length(${t.body}) between 1 and 2000`),
  ],
);

/** Someone reported a message to the peer leaders; one report per person per message. */
export const chatMessageReports = pgTable(
  'chat_message_reports',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    messageId: uuid('message_id')
      .notNull()
      .references(() => chatMessages.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('chat_message_reports_key').on(t.messageId, t.reporterId),
    index('chat_message_reports_org_idx').on(t.organizationId, t.createdAt),
    check('chat_message_reports_reason_check', sql`char_length(${t.reason}) <= 500`),
  ],
);
