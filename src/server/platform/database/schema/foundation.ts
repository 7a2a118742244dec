// Foundation: organizations, people, sign-in, residences, programs, memberships, invitations, audit.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, orgId } from './columns.ts';

export const organizations = pgTable('organizations', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /**
   * Where the organization's online meetings are based (a city and state, or a region): the approximate
   * place the public meeting feed gives an online meeting that names none of its own.
   */
  meetingArea: text('meeting_area').notNull().default(''),
  createdAt: createdAt(),
});

export const people = pgTable(
  'people',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull().default(''),
    pronouns: text('pronouns'),
    language: text('language').notNull().default('en'),
    recoveryPathway: text('recovery_pathway'),
    nameStyle: text('name_style').notNull().default('first_last_initial'),
    pronounsVisibleTo: text('pronouns_visible_to').notNull().default('house'),
    pathwayVisibleTo: text('pathway_visible_to').notNull().default('only_me'),
    /** Who sees my level of recovery (a stage derived from my recovery time). */
    stageVisibleTo: text('stage_visible_to').notNull().default('only_me'),
    /** My own IANA time zone; when empty, my house's (then UTC). Recovery time is counted in it. */
    timeZone: text('time_zone'),
    /**
     * The start of the current stretch of my first clock in use, which my level of recovery counts from.
     * Kept by database triggers on recovery_clocks and recovery_stretches (migration 0004), in the same
     * transaction as every write to them, so the house page reads it from this row. Never written here.
     */
    recoveryStartsOn: date('recovery_starts_on'),
    username: text('username').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    /** When I put the first-day welcome away; null while a new resident has not (then it shows). */
    welcomedAt: timestamp('welcomed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // Also what rows of one organization point at: (organization_id, person_id) must be one of its people.
    uniqueIndex('people_org_id_key').on(t.organizationId, t.id),
    uniqueIndex('people_username_key').on(t.username),
    // Not unique: whether an address is someone else's is nobody's business (decision 0025).
    index('people_email_idx').on(sql`lower(${t.email})`),
    // The admin's people list, a page at a time in name order (keyset on name and id).
    index('people_org_name_idx').on(t.organizationId, t.firstName, t.lastName, t.id),
    check('people_language_check', sql`${t.language} in ('en','es')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    device: text('device').notNull().default(''),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    index('sessions_org_person_idx').on(t.organizationId, t.personId),
  ],
);

/** Failed sign-ins by login name, before any organization is known (not organization data). */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: id(),
    loginKey: text('login_key').notNull(),
    clientKey: text('client_key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_failures_login_idx').on(t.loginKey, t.at),
    index('sign_in_failures_client_idx').on(t.clientKey, t.at),
  ],
);

/** The one-time first-run setup token (before any organization exists). */
export const setupTokens = pgTable('setup_tokens', {
  id: id(),
  tokenHash: text('token_hash').notNull(),
  createdAt: createdAt(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

export const programs = pgTable(
  'programs',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    focus: text('focus').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [index('programs_org_idx').on(t.organizationId)],
);

export const residences = pgTable(
  'residences',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    timeZone: text('time_zone').notNull(),
    bedCapacity: integer('bed_capacity').notNull(),
    narrLevel: smallint('narr_level').notNull(),
    programFocus: text('program_focus').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    // Also what rows of one organization point at: (organization_id, residence_id) must be one of its houses.
    uniqueIndex('residences_org_id_key').on(t.organizationId, t.id),
    check('residences_narr_level_check', sql`${t.narrLevel} between 1 and 4`),
    check('residences_bed_capacity_check', sql`${t.bedCapacity} > 0`),
  ],
);

export const residencePrograms = pgTable(
  'residence_programs',
  {
    organizationId: orgId().references(() => organizations.id),
    residenceId: uuid('residence_id')
      .notNull()
      .references(() => residences.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('residence_programs_key').on(t.organizationId, t.residenceId, t.programId),
    index('residence_programs_program_idx').on(t.organizationId, t.programId),
  ],
);

/**
 * A role held over a period: resident (of a residence, with a bed), peer leader, counselor, admin, alumni.
 * `starts_on` is its first day and `ends_on` the day it ends (moving-out day: not held on it), both days
 * of the house's time zone (UTC for a role without a house). `starts_at`/`ends_at` are those days'
 * midnights as instants, kept by a database trigger; whether a membership is current is one SQL
 * function, `hearth_membership_current` (migration 0020, decision 0022), used through
 * platform/database/current-membership.ts.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    residenceId: uuid('residence_id').references(() => residences.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    // Set by the trigger from starts_on/ends_on and the zone; without it a membership never starts.
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().default(sql`'infinity'`),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    bed: text('bed'),
    createdAt: createdAt(),
  },
  (t) => [
    index('memberships_org_person_idx').on(t.organizationId, t.personId),
    index('memberships_org_residence_idx').on(t.organizationId, t.residenceId),
    check(
      'memberships_role_check',
      sql`${t.role} in ('resident','peer_leader','counselor','org_admin','alumni')`,
    ),
    check(
      'memberships_residence_check',
      sql`(${t.role} in ('resident','peer_leader')) = (${t.residenceId} is not null) or ${t.role} = 'alumni'`,
    ),
    check('memberships_period_check', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const counselorAssignments = pgTable(
  'counselor_assignments',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    counselorId: uuid('counselor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    residentId: uuid('resident_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('counselor_assignments_org_counselor_idx').on(t.organizationId, t.counselorId),
    index('counselor_assignments_org_resident_idx').on(t.organizationId, t.residentId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    codeHash: text('code_hash').notNull(),
    role: text('role').notNull(),
    residenceId: uuid('residence_id').references(() => residences.id),
    bed: text('bed'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => people.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invitations_code_hash_key').on(t.codeHash),
    index('invitations_org_idx').on(t.organizationId),
  ],
);

export const passwordResetCodes = pgTable(
  'password_reset_codes',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    issuedBy: uuid('issued_by').references(() => people.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_reset_codes_org_person_idx').on(t.organizationId, t.personId)],
);

/** Who did what to which record, when, and the outcome. Never personal data in `detail`. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    actorId: uuid('actor_id').references(() => people.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    outcome: text('outcome').notNull(),
    detail: jsonb('detail').notNull().default(sql`'{}'::jsonb`),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_events_org_at_idx').on(t.organizationId, t.at)],
);
