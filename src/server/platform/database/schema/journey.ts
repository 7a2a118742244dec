// The recovery journey: clocks and stretches, milestones, check-ins, signals, BARC-10.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, orgId } from './columns.ts';
import { organizations, people, residences } from './foundation.ts';

/** One thing a person counts recovery time for ("alcohol", "opioids", or just "my recovery"). */
export const recoveryClocks = pgTable(
  'recovery_clocks',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    label: text('label').notNull().default(''),
    /** only_me | peer_leader | house | organization */
    visibleTo: text('visible_to').notNull().default('peer_leader'),
    createdAt: createdAt(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('recovery_clocks_org_person_idx').on(t.organizationId, t.personId)],
);

/** A stretch of recovery time; a reset ends one (history kept) and starts the next. */
export const recoveryStretches = pgTable(
  'recovery_stretches',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    clockId: uuid('clock_id')
      .notNull()
      .references(() => recoveryClocks.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: createdAt(),
  },
  (t) => [
    index('recovery_stretches_org_person_idx').on(t.organizationId, t.personId),
    index('recovery_stretches_org_clock_idx').on(t.organizationId, t.clockId),
    // The current stretch of each person, looked up per housemate on the house page.
    index('recovery_stretches_current_idx').on(t.organizationId, t.personId).where(sql`${t.endsOn} is null`),
    check('recovery_stretches_period_check', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A milestone reached on a stretch (found by the hourly job, or when the person opens the app). */
export const milestoneEvents = pgTable(
  'milestone_events',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    clockId: uuid('clock_id')
      .notNull()
      .references(() => recoveryClocks.id, { onDelete: 'cascade' }),
    stretchId: uuid('stretch_id')
      .notNull()
      .references(() => recoveryStretches.id, { onDelete: 'cascade' }),
    milestone: text('milestone').notNull(),
    reachedOn: date('reached_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('milestone_events_stretch_key').on(t.organizationId, t.stretchId, t.milestone),
    index('milestone_events_org_person_idx').on(t.organizationId, t.personId),
    index('milestone_events_org_reached_idx').on(t.organizationId, t.reachedOn),
  ],
);

export const congratulations = pgTable(
  'congratulations',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    milestoneEventId: uuid('milestone_event_id')
      .notNull()
      .references(() => milestoneEvents.id, { onDelete: 'cascade' }),
    fromPersonId: uuid('from_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('congratulations_key').on(t.organizationId, t.milestoneEventId, t.fromPersonId)],
);

/** The daily check-in: one per person per local day. Its text belongs to the resident alone. */
export const checkIns = pgTable(
  'check_ins',
  {
    id: id(),
    organizationId: orgId(),
    personId: uuid('person_id').notNull(),
    localDate: date('local_date').notNull(),
    mood: smallint('mood').notNull(),
    craving: smallint('craving').notNull(),
    sleepHours: real('sleep_hours'),
    triggers: text('triggers').array().notNull().default(sql`'{}'::text[]`),
    triggerOther: text('trigger_other'),
    gratitude: text('gratitude'),
    intention: text('intention'),
    wantsSupport: boolean('wants_support').notNull().default(false),
    supportKind: text('support_kind'),
    /** End-of-day reflection: easy | okay | hard | very_hard */
    reflection: text('reflection'),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One key to the person, who is of this organization: no check-in locks the organization's row, which
    // every check-in of the organization at that moment would otherwise share.
    foreignKey({
      name: 'check_ins_person_fk',
      columns: [t.organizationId, t.personId],
      foreignColumns: [people.organizationId, people.id],
    }).onDelete('cascade'),
    uniqueIndex('check_ins_person_day_key').on(t.organizationId, t.personId, t.localDate),
    uniqueIndex('check_ins_idempotency_key').on(t.organizationId, t.personId, t.idempotencyKey),
    check('check_ins_mood_check', sql`${t.mood} between 1 and 5`),
    check('check_ins_craving_check', sql`${t.craving} between 0 and 10`),
    check(
      'check_ins_sleep_check',
      sql`${t.sleepHours} is null or (${t.sleepHours} >= 0 and ${t.sleepHours} <= 24)`,
    ),
  ],
);

/** An early-warning signal to a house's peer leaders: who, what kind, how severe, when — never private text. */
export const signals = pgTable(
  'signals',
  {
    id: id(),
    organizationId: orgId(),
    residenceId: uuid('residence_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** craving | low_mood | support_request | reset | silence */
    kind: text('kind').notNull(),
    /** low | medium | high */
    severity: text('severity').notNull(),
    localDate: date('local_date').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => people.id),
    acknowledgement: text('acknowledgement'),
  },
  (t) => [
    // The person and the house are both of this organization (and its row is not locked by each signal).
    foreignKey({
      name: 'signals_person_fk',
      columns: [t.organizationId, t.personId],
      foreignColumns: [people.organizationId, people.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'signals_residence_fk',
      columns: [t.organizationId, t.residenceId],
      foreignColumns: [residences.organizationId, residences.id],
    }),
    uniqueIndex('signals_person_kind_day_key').on(t.organizationId, t.personId, t.kind, t.localDate),
    index('signals_org_residence_idx').on(t.organizationId, t.residenceId, t.raisedAt),
  ],
);

/**
 * When a peer leader last looked at a house's signals on Today: what was raised since is shown as new,
 * the rest folded under "Earlier". One row per viewer and house.
 */
export const signalViews = pgTable(
  'signal_views',
  {
    organizationId: orgId(),
    personId: uuid('person_id').notNull(),
    residenceId: uuid('residence_id').notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.personId, t.residenceId] }),
    foreignKey({
      name: 'signal_views_person_fk',
      columns: [t.organizationId, t.personId],
      foreignColumns: [people.organizationId, people.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'signal_views_residence_fk',
      columns: [t.organizationId, t.residenceId],
      foreignColumns: [residences.organizationId, residences.id],
    }).onDelete('cascade'),
  ],
);

/** Per-organization settings (signal thresholds). */
export const organizationSettings = pgTable('organization_settings', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id),
  cravingThreshold: smallint('craving_threshold').notNull().default(8),
  lowMoodThreshold: smallint('low_mood_threshold').notNull().default(1),
  silenceDays: smallint('silence_days').notNull().default(3),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A completed BARC-10: ten answers on the 6-point scale, total 10–60. Belongs to the resident. */
export const barc10Assessments = pgTable(
  'barc10_assessments',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    answers: smallint('answers').array().notNull(),
    total: smallint('total').notNull(),
    localDate: date('local_date').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('barc10_org_person_idx').on(t.organizationId, t.personId, t.completedAt),
    check('barc10_total_check', sql`${t.total} between 10 and 60`),
    check('barc10_answers_check', sql`cardinality(${t.answers}) = 10`),
  ],
);
