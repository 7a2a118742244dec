// Meetings: house meetings (schedule, occurrences, attendance, agenda, commitments, motions and
// votes, minutes), the support ledger that commitments start, outside meetings (directory, Meeting
// Guide import/export, attendance), calendar feeds and in-app notifications.

import { sql } from 'drizzle-orm';
import {
  boolean,
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
import type { NotificationKind } from '../../../../shared/domain/notifications.ts';
import { createdAt, id, orgId } from './columns.ts';
import { organizations, people, residences } from './foundation.ts';
import { supportRequests } from './support.ts';

const personRef = (name: string) => uuid(name).references(() => people.id, { onDelete: 'set null' });

/** How a house meets and decides: quorum, the weekly outside-meeting goal, reminder lead time. */
export const houseMeetingSettings = pgTable('house_meeting_settings', {
  residenceId: uuid('residence_id')
    .primaryKey()
    .references(() => residences.id, { onDelete: 'cascade' }),
  organizationId: orgId().references(() => organizations.id),
  /** Members present needed for a vote to count; null = a majority of current residents. */
  quorum: smallint('quorum'),
  /** Outside meetings each resident aims for per week; null = no goal. */
  weeklyOutsideGoal: smallint('weekly_outside_goal'),
  /** Minutes before a house meeting that residents get a reminder. */
  reminderMinutes: integer('reminder_minutes').notNull().default(120),
  /** The house decides by recorded votes (Oxford House style). */
  decidesByVote: boolean('decides_by_vote').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A recurring house meeting: an RFC 5545 RRULE read in the residence's time zone. */
export const houseMeetingSeries = pgTable(
  'house_meeting_series',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    residenceId: uuid('residence_id')
      .notNull()
      .references(() => residences.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** e.g. FREQ=WEEKLY;BYDAY=SU (no DTSTART; that is startsOn + startTime in timeZone). */
    rrule: text('rrule').notNull(),
    startsOn: date('starts_on').notNull(),
    /** HH:MM, 24-hour, local to timeZone. */
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    timeZone: text('time_zone').notNull(),
    location: text('location').notNull().default(''),
    createdBy: personRef('created_by'),
    createdAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('house_meeting_series_org_residence_idx').on(t.organizationId, t.residenceId),
    check('house_meeting_series_time_check', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('house_meeting_series_duration_check', sql`${t.durationMinutes} between 5 and 600`),
  ],
);

/** One house meeting: an occurrence of a series, or a one-off or emergency meeting. */
export const houseMeetings = pgTable(
  'house_meetings',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    residenceId: uuid('residence_id')
      .notNull()
      .references(() => residences.id, { onDelete: 'cascade' }),
    seriesId: uuid('series_id').references(() => houseMeetingSeries.id, { onDelete: 'set null' }),
    /** regular | one_off | emergency */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** The day it falls on in the residence's time zone (the occurrence's identity in a series). */
    localDate: date('local_date').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    location: text('location').notNull().default(''),
    /** upcoming | in_progress | closed | cancelled */
    state: text('state').notNull().default('upcoming'),
    chairId: personRef('chair_id'),
    secretaryId: personRef('secretary_id'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Set when the reminder job has notified the house. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdBy: personRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('house_meetings_org_residence_idx').on(t.organizationId, t.residenceId, t.startsAt),
    uniqueIndex('house_meetings_series_day_key')
      .on(t.seriesId, t.localDate)
      .where(sql`${t.seriesId} is not null`),
    check('house_meetings_kind_check', sql`${t.kind} in ('regular','one_off','emergency')`),
    check('house_meetings_state_check', sql`${t.state} in ('upcoming','in_progress','closed','cancelled')`),
  ],
);

/** Who was at a house meeting. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    organizationId: orgId().references(() => organizations.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => houseMeetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** present | excused | absent */
    status: text('status').notNull(),
    markedBy: personRef('marked_by'),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meeting_attendance_key').on(t.meetingId, t.personId),
    index('meeting_attendance_org_person_idx').on(t.organizationId, t.personId),
    check('meeting_attendance_status_check', sql`${t.status} in ('present','excused','absent')`),
  ],
);

/** An item on a house meeting's agenda, with its short minutes. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    residenceId: uuid('residence_id')
      .notNull()
      .references(() => residences.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => houseMeetings.id, { onDelete: 'cascade' }),
    /** problem | business | chores | celebrations | follow_up */
    kind: text('kind').notNull().default('problem'),
    title: text('title').notNull(),
    details: text('details').notNull().default(''),
    /** Who raised it; null for standing items. Never shown to peers when anonymous. */
    authorId: personRef('author_id'),
    anonymous: boolean('anonymous').notNull().default(false),
    position: integer('position').notNull(),
    minutes: text('minutes').notNull().default(''),
    /** For a follow_up item: the open commitment it brings back. */
    commitmentId: uuid('commitment_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agenda_items_org_meeting_idx').on(t.organizationId, t.meetingId, t.position),
    check(
      'agenda_items_kind_check',
      sql`${t.kind} in ('problem','business','chores','celebrations','follow_up')`,
    ),
  ],
);

/** How a peer will help: who helps whom, how, with which kind of support, by when. */
export const commitments = pgTable(
  'commitments',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    residenceId: uuid('residence_id')
      .notNull()
      .references(() => residences.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => houseMeetings.id, { onDelete: 'set null' }),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    helperId: uuid('helper_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** Whom; null = the whole house. */
    helpedId: uuid('helped_id').references(() => people.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    /** emotional | informational | instrumental | affiliational */
    supportKind: text('support_kind').notNull(),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneNote: text('done_note'),
    createdBy: personRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('commitments_org_helper_idx').on(t.organizationId, t.helperId, t.doneAt),
    index('commitments_org_residence_idx').on(t.organizationId, t.residenceId, t.doneAt),
    check(
      'commitments_kind_check',
      sql`${t.supportKind} in ('emotional','informational','instrumental','affiliational')`,
    ),
  ],
);

/** Support that one peer gave another. Commitments marked done are its first source. */
export const supportLedger = pgTable(
  'support_ledger',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    residenceId: uuid('residence_id').references(() => residences.id, { onDelete: 'set null' }),
    giverId: uuid('giver_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    receiverId: uuid('receiver_id').references(() => people.id, { onDelete: 'cascade' }),
    supportKind: text('support_kind').notNull(),
    /** commitment | request (a support request or standing offer) */
    source: text('source').notNull(),
    commitmentId: uuid('commitment_id').references(() => commitments.id, { onDelete: 'set null' }),
    /** source 'request': the support request or standing offer the help came from (features/support). */
    supportRequestId: uuid('support_request_id').references(() => supportRequests.id, {
      onDelete: 'set null',
    }),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('support_ledger_org_giver_idx').on(t.organizationId, t.giverId, t.at),
    uniqueIndex('support_ledger_commitment_key').on(t.commitmentId).where(sql`${t.commitmentId} is not null`),
    // One entry per helper and helped person of a request: "this helped" pressed twice records it once.
    uniqueIndex('support_ledger_request_key')
      .on(t.supportRequestId, t.giverId, t.receiverId)
      .where(sql`${t.supportRequestId} is not null`),
    check(
      'support_ledger_kind_check',
      sql`${t.supportKind} in ('emotional','informational','instrumental','affiliational')`,
    ),
  ],
);

/** A motion put to the house; its result goes in the minutes. */
export const motions = pgTable(
  'motions',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => houseMeetings.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    movedBy: personRef('moved_by'),
    /** open | closed */
    state: text('state').notNull().default('open'),
    /** carried | failed | no_quorum (when closed) */
    result: text('result'),
    votesFor: smallint('votes_for'),
    votesAgainst: smallint('votes_against'),
    abstentions: smallint('abstentions'),
    presentCount: smallint('present_count'),
    quorum: smallint('quorum'),
    createdAt: createdAt(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('motions_org_meeting_idx').on(t.organizationId, t.meetingId),
    check('motions_state_check', sql`${t.state} in ('open','closed')`),
  ],
);

/** One person, one vote. */
export const votes = pgTable(
  'votes',
  {
    organizationId: orgId().references(() => organizations.id),
    motionId: uuid('motion_id')
      .notNull()
      .references(() => motions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** for | against | abstain */
    choice: text('choice').notNull(),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('votes_motion_person_key').on(t.motionId, t.personId),
    check('votes_choice_check', sql`${t.choice} in ('for','against','abstain')`),
  ],
);

/** A meeting in the organization's directory of outside meetings (Meeting Guide fields). */
export const outsideMeetings = pgTable(
  'outside_meetings',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** 0–6, Sunday = 0; several days allowed. Empty = by appointment / not weekly. */
    days: smallint('days').array().notNull().default(sql`'{}'::smallint[]`),
    time: text('time'),
    endTime: text('end_time'),
    timeZone: text('time_zone').notNull(),
    /** Meeting Guide type codes (validated with @code4recovery/spec). */
    types: text('types').array().notNull().default(sql`'{}'::text[]`),
    /** aa | na | smart | faith | other … (free but short) */
    fellowship: text('fellowship').notNull().default('other'),
    programFocus: text('program_focus').array().notNull().default(sql`'{}'::text[]`),
    /** BCP 47 language tags, e.g. en, es. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes').notNull().default(''),
    location: text('location').notNull().default(''),
    locationNotes: text('location_notes').notNull().default(''),
    formattedAddress: text('formatted_address').notNull().default(''),
    region: text('region').notNull().default(''),
    /** The address is a city or region, not a street address (an online meeting's place). */
    approximate: boolean('approximate').notNull().default(false),
    conferenceUrl: text('conference_url'),
    conferenceUrlNotes: text('conference_url_notes'),
    conferencePhone: text('conference_phone'),
    conferencePhoneNotes: text('conference_phone_notes'),
    groupName: text('group_name'),
    url: text('url'),
    /** Published in the organization's public Meeting Guide feed. */
    isPublic: boolean('is_public').notNull().default(false),
    /** local | import */
    source: text('source').notNull().default('local'),
    sourceUrl: text('source_url'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outside_meetings_org_slug_key').on(t.organizationId, t.slug),
    index('outside_meetings_org_public_idx').on(t.organizationId, t.isPublic),
  ],
);

/** A resident went to an outside meeting. */
export const outsideAttendance = pgTable(
  'outside_attendance',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    outsideMeetingId: uuid('outside_meeting_id').references(() => outsideMeetings.id, {
      onDelete: 'set null',
    }),
    /** The meeting's name when it is not in the directory. */
    name: text('name').notNull(),
    attendedOn: date('attended_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('outside_attendance_org_person_idx').on(t.organizationId, t.personId, t.attendedOn)],
);

/** A secret, revocable iCalendar feed URL for a person or a residence. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    /** person | residence */
    scope: text('scope').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    residenceId: uuid('residence_id').references(() => residences.id, { onDelete: 'cascade' }),
    /** Who made it (the person, or the residence's staff). */
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token_key').on(t.tokenHash),
    index('calendar_feeds_org_owner_idx').on(t.organizationId, t.ownerId),
    check('calendar_feeds_scope_check', sql`${t.scope} in ('person','residence')`),
  ],
);

/** In-app notifications (meeting reminders first; later issues add push). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    organizationId: orgId().references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** One of NOTIFICATION_KINDS: what happened (meeting_reminder, support_offer, …). */
    kind: text('kind').$type<NotificationKind>().notNull(),
    /** Ids and times only, never private text. */
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    /** Makes a job's notification idempotent, e.g. `meeting_reminder:<meetingId>`. */
    dedupeKey: text('dedupe_key'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** When the push sender claimed it (sent, or skipped by the person's settings); null = not yet. */
    pushedAt: timestamp('pushed_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_org_person_idx').on(t.organizationId, t.personId, t.createdAt),
    index('notifications_push_pending_idx').on(t.createdAt).where(sql`${t.pushedAt} is null`),
    uniqueIndex('notifications_person_dedupe_key')
      .on(t.personId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
  ],
);
