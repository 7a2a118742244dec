// Reach out now: a person's one-tap alert to the people on call for them, who was alerted (first circle,
// then the escalation circle), who said "I'm calling you" and when, each organization's escalation delay,
// and who opted in as available to be called. No private text is ever stored here.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId } from './columns.ts';
import { organizations, people, residences } from './foundation.ts';

/** Per-organization reach-out settings: minutes without an acknowledgement before the next circle hears. */
export const reachOutSettings = pgTable(
  'reach_out_settings',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    escalateAfterMinutes: smallint('escalate_after_minutes').notNull().default(5),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('reach_out_settings_minutes_check', sql`${t.escalateAfterMinutes} between 1 and 60`)],
);

/** A person who opted in as "available to be called" when a housemate reaches out (a row = yes). */
export const reachOutAvailability = pgTable(
  'reach_out_availability',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    organizationId: orgId().references(() => organizations.id, { onDelete: 'cascade' }),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reach_out_availability_org_idx').on(t.organizationId, t.personId)],
);

/** One "reach out now": who asked, from which house, when it escalates, and how it ended. */
export const reachOutAlerts = pgTable(
  'reach_out_alerts',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The house whose circle was alerted first; null when the person lives in no house. */
    residenceId: uuid('residence_id').references(() => residences.id, { onDelete: 'set null' }),
    /** The phone's key for this tap: a retried or repeated tap returns the same alert. */
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: createdAt(),
    /** When the next circle hears if nobody has said "I'm calling you" by then. */
    escalateAt: timestamp('escalate_at', { withTimezone: true }).notNull(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** The first "I'm calling you" (each one is in reach_out_acknowledgements). */
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** "I'm okay now" by the person, or closed by one of the people who answered. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('reach_out_alerts_person_key').on(t.organizationId, t.personId, t.idempotencyKey),
    index('reach_out_alerts_org_residence_idx').on(t.organizationId, t.residenceId, t.createdAt),
    index('reach_out_alerts_org_person_idx').on(t.organizationId, t.personId, t.createdAt),
    index('reach_out_alerts_due_idx')
      .on(t.escalateAt)
      .where(sql`${t.escalatedAt} is null and ${t.acknowledgedAt} is null and ${t.closedAt} is null`),
  ],
);

/** Who an alert reached, and in which circle: 'house' (peer leaders and available peers) or 'escalation'. */
export const reachOutRecipients = pgTable(
  'reach_out_recipients',
  {
    organizationId: orgId().references(() => organizations.id, { onDelete: 'cascade' }),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => reachOutAlerts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    circle: text('circle').notNull(),
    alertedAt: timestamp('alerted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reach_out_recipients_key').on(t.organizationId, t.alertId, t.personId),
    index('reach_out_recipients_person_idx').on(t.organizationId, t.personId, t.alertedAt),
    check('reach_out_recipients_circle_check', sql`${t.circle} in ('house','escalation')`),
  ],
);

/** "I'm calling you": who, and when. */
export const reachOutAcknowledgements = pgTable(
  'reach_out_acknowledgements',
  {
    organizationId: orgId().references(() => organizations.id, { onDelete: 'cascade' }),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => reachOutAlerts.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reach_out_acknowledgements_key').on(t.organizationId, t.alertId, t.personId)],
);
