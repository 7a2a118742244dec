// Notifications and web push: each person's settings (which topics reach them by push, quiet hours),
// their devices' push subscriptions, and the instance's VAPID keys (made at first start, shared by every
// process), and the pushes that wait (decision 0033). The notifications themselves live in
// schema/meetings.ts, where the first kind began.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId } from './columns.ts';
import { organizations, people } from './foundation.ts';
import { notifications } from './meetings.ts';

/** One row, made at first start: every Hearth process signs pushes with the same keys. */
export const pushVapidKeys = pgTable(
  'push_vapid_keys',
  {
    id: smallint('id').primaryKey().default(1),
    /** URL-safe base64 of the uncompressed P-256 public key (what browsers subscribe with). */
    publicKey: text('public_key').notNull(),
    privateKey: text('private_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('push_vapid_keys_single_row', sql`${t.id} = 1`)],
);

/** A device (browser) that agreed to receive pushes for a person. The endpoint belongs to one person. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull().unique(),
    /** The browser's P-256 public key and auth secret (URL-safe base64) the payload is encrypted for. */
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    /** A short name for the device, e.g. "Chrome on Android", so a person can tell their devices apart. */
    label: text('label').notNull().default(''),
    createdAt: createdAt(),
    lastPushedAt: timestamp('last_pushed_at', { withTimezone: true }),
  },
  (t) => [index('push_subscriptions_org_person_idx').on(t.organizationId, t.personId)],
);

/** A person's choices; no row means the defaults: every topic by push, no quiet hours. */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    organizationId: orgId().references(() => organizations.id, { onDelete: 'cascade' }),
    /** Topics (support, reach_out, chat, peers, celebrations, meetings, other) NOT sent by push. */
    mutedTopics: text('muted_topics').array().notNull().default(sql`'{}'::text[]`),
    /** Quiet hours as HH:MM in the person's own time zone; both set or both empty. */
    quietFrom: text('quiet_from'),
    quietUntil: text('quiet_until'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notification_settings_org_idx').on(t.organizationId),
    check(
      'notification_settings_quiet_hours_check',
      sql`(${t.quietFrom} is null) = (${t.quietUntil} is null)`,
    ),
  ],
);

/**
 * A push that waits (decision 0033): until the person's quiet hours end, for another try after the push
 * service failed for a reason that may pass, or to replace on the phone a notification whose news changed
 * (an alert resolved). Claimed by deleting it, so it goes out once.
 */
export const pendingPushes = pgTable(
  'pending_pushes',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id, { onDelete: 'cascade' }),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** One device (a retry), or null: every device the person has when it is due. */
    subscriptionId: uuid('subscription_id').references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
    /** deliver: the notification as it is now, if still unread; replace: the phone's copy, whatever was read. */
    purpose: text('purpose').$type<'deliver' | 'replace'>().notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** Tries that failed for a reason that may pass. */
    attempts: smallint('attempts').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('pending_pushes_org_notification_idx').on(t.organizationId, t.notificationId),
    index('pending_pushes_due_idx').on(t.dueAt),
    check('pending_pushes_purpose_check', sql`${t.purpose} in ('deliver', 'replace')`),
  ],
);
