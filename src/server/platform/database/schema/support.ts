// Peer support: requests for help and standing offers of help, each with one of the four kinds, an
// audience and optional anonymity towards peers; the responses peers give ("I can help" / "I'd like
// this") and which ones were accepted. Completed help goes to support_ledger (schema/meetings.ts).
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId } from './columns.ts';
import { organizations, people, residences } from './foundation.ts';

/** A request for help (type 'request') or a standing offer of help (type 'offer'). */
export const supportRequests = pgTable(
  'support_requests',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The author's house when it was posted: whose peer leader sees an anonymous author, whose house hears it. */
    residenceId: uuid('residence_id').references(() => residences.id, { onDelete: 'set null' }),
    type: text('type').notNull(),
    supportKind: text('support_kind').notNull(),
    /** A short text, shown only to the audience. */
    body: text('body').notNull(),
    /** house | program | organization | alumni */
    audience: text('audience').notNull(),
    /** Peers don't see who asked; the house's peer leader still does. */
    anonymous: boolean('anonymous').notNull().default(false),
    /** open | offered | accepted | done | withdrawn | expired */
    state: text('state').notNull().default('open'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** A client's key for this post: a retried POST returns the same request. */
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('support_requests_org_state_idx').on(t.organizationId, t.state, t.createdAt),
    index('support_requests_org_author_idx').on(t.organizationId, t.authorId),
    uniqueIndex('support_requests_idempotency_key')
      .on(t.authorId, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    check('support_requests_type_check', sql`${t.type} in ('request','offer')`),
    check(
      'support_requests_kind_check',
      sql`${t.supportKind} in ('emotional','informational','instrumental','affiliational')`,
    ),
    check(
      'support_requests_audience_check',
      sql`${t.audience} in ('house','program','organization','alumni')`,
    ),
    check(
      'support_requests_state_check',
      sql`${t.state} in ('open','offered','accepted','done','withdrawn','expired')`,
    ),
  ],
);

/** A peer's answer to a post: "I can help" on a request, "I'd like this" on a standing offer. */
export const supportResponses = pgTable(
  'support_responses',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    responderId: uuid('responder_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    note: text('note'),
    /** offered | accepted | withdrawn */
    state: text('state').notNull().default('offered'),
    /** The private thread between the author and this responder, once accepted (features/chat). */
    conversationId: uuid('conversation_id'),
    createdAt: createdAt(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    helpedAt: timestamp('helped_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('support_responses_request_responder_key').on(t.requestId, t.responderId),
    index('support_responses_org_responder_idx').on(t.organizationId, t.responderId),
    check('support_responses_state_check', sql`${t.state} in ('offered','accepted','withdrawn')`),
  ],
);
