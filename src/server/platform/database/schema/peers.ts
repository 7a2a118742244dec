// Peers helping peers one to one: the skills exchange (what I can teach, what I want to learn, and
// sessions arranged between two people) and mentorships (a newer resident with a peer further along).
import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, orgId } from './columns.ts';
import { organizations, people } from './foundation.ts';
import { supportLedger } from './meetings.ts';

/** My choices for the exchange: who sees my skills, and whether I am open to mentoring a newer peer. */
export const peerSettings = pgTable(
  'peer_settings',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    organizationId: orgId().references(() => organizations.id),
    /** house | organization — who sees the skills I listed (and may be matched with me). */
    skillsVisibleTo: text('skills_visible_to').notNull().default('house'),
    /** Whether newer peers of my organization may be suggested me as a mentor. */
    openToMentoring: boolean('open_to_mentoring').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('peer_settings_org_idx').on(t.organizationId),
    check('peer_settings_visible_check', sql`${t.skillsVisibleTo} in ('house','organization')`),
  ],
);

/** One skill a person can teach or wants to learn: from the list, or their own words ('other'). */
export const skillListings = pgTable(
  'skill_listings',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** A key of SKILLS (shared/domain/skills.ts) or 'other' with a label. */
    skill: text('skill').notNull(),
    /** The person's own words for an 'other' skill (empty for a listed one). */
    label: text('label').notNull().default(''),
    /** teach | learn */
    direction: text('direction').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('skill_listings_org_skill_idx').on(t.organizationId, t.skill, t.direction),
    uniqueIndex('skill_listings_person_key').on(t.personId, t.skill, sql`lower(${t.label})`, t.direction),
    check('skill_listings_direction_check', sql`${t.direction} in ('teach','learn')`),
    check('skill_listings_label_check', sql`(${t.skill} = 'other') = (${t.label} <> '')`),
  ],
);

/** A session one peer teaches another; when it has happened it becomes a support ledger entry. */
export const skillSessions = pgTable(
  'skill_sessions',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    skill: text('skill').notNull(),
    label: text('label').notNull().default(''),
    teacherId: uuid('teacher_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    learnerId: uuid('learner_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** instrumental (teaching by doing) | informational (knowledge, job and life skills) */
    supportKind: text('support_kind').notNull(),
    /** proposed | arranged | done | cancelled */
    state: text('state').notNull().default('proposed'),
    /** When they plan to meet (optional). */
    plannedFor: timestamp('planned_for', { withTimezone: true }),
    ledgerEntryId: uuid('ledger_entry_id').references(() => supportLedger.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    arrangedAt: timestamp('arranged_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    index('skill_sessions_org_teacher_idx').on(t.organizationId, t.teacherId),
    index('skill_sessions_org_learner_idx').on(t.organizationId, t.learnerId),
    uniqueIndex('skill_sessions_ledger_key').on(t.ledgerEntryId).where(sql`${t.ledgerEntryId} is not null`),
    check('skill_sessions_state_check', sql`${t.state} in ('proposed','arranged','done','cancelled')`),
    check('skill_sessions_kind_check', sql`${t.supportKind} in ('instrumental','informational')`),
    check('skill_sessions_people_check', sql`${t.teacherId} <> ${t.learnerId}`),
  ],
);

/** A newer resident and a peer further along; both accept, either may end it without a reason. */
export const mentorships = pgTable(
  'mentorships',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    menteeId: uuid('mentee_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    mentorId: uuid('mentor_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** proposed | active | declined | ended */
    state: text('state').notNull().default('proposed'),
    /** The pair's private thread in chat, when chat exists. */
    conversationId: uuid('conversation_id'),
    createdAt: createdAt(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('mentorships_org_mentee_idx').on(t.organizationId, t.menteeId),
    index('mentorships_org_mentor_idx').on(t.organizationId, t.mentorId),
    // One open request or mentorship per pair at a time.
    uniqueIndex('mentorships_open_pair_key')
      .on(t.menteeId, t.mentorId)
      .where(sql`${t.state} in ('proposed','active')`),
    check('mentorships_state_check', sql`${t.state} in ('proposed','active','declined','ended')`),
    check('mentorships_people_check', sql`${t.menteeId} <> ${t.mentorId}`),
  ],
);

/** The pair's shared check-in log: a short line each time they talk or meet. */
export const mentorshipCheckIns = pgTable(
  'mentorship_check_ins',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    mentorshipId: uuid('mentorship_id')
      .notNull()
      .references(() => mentorships.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('mentorship_check_ins_org_pair_idx').on(t.organizationId, t.mentorshipId, t.createdAt)],
);
