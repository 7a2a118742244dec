// Published minutes of a closed house meeting, and the house's searchable history of them. Reading
// either is audited.
import { and, asc, count, desc, eq, exists, ilike, inArray, or, sql } from 'drizzle-orm';
import type { MinutesHistoryView, MinutesView } from '../../../shared/contracts/decisions.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  agendaItems,
  commitments,
  houseMeetings,
  meetingAttendance,
  motions,
  people,
} from '../../platform/database/schema.ts';
import { refuse } from '../../platform/errors.ts';
import { displayNameOf } from '../people/presenters.ts';
import { loadCommitments } from './commitments.ts';
import { loadMotions } from './motions.ts';
import type { MeetingForMember } from './records.ts';

async function peopleByIds(db: Executor, organizationId: string, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
    })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, wanted)));
  return new Map(rows.map((p) => [p.id, displayNameOf(p)]));
}

/**
 * The minutes as published to the house, and an audit entry of their reading. Anonymous items name
 * nobody here, not even to the chair or the peer leader: minutes are the house's lasting record.
 */
export async function minutesOf(db: Executor, actor: Actor, meeting: MeetingForMember): Promise<MinutesView> {
  if (meeting.state !== 'closed') throw refuse('decisions.minutes_not_published');
  const orgId = actor.organizationId;
  const attendance = await db
    .select({ status: meetingAttendance.status, count: count() })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.organizationId, orgId), eq(meetingAttendance.meetingId, meeting.id)))
    .groupBy(meetingAttendance.status);
  const items = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.organizationId, orgId), eq(agendaItems.meetingId, meeting.id)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
  const motionViews = await loadMotions(db, actor, [meeting.id]);
  const commitmentViews = await loadCommitments(db, actor, eq(commitments.meetingId, meeting.id));
  const names = await peopleByIds(db, orgId, [
    meeting.chairId,
    meeting.secretaryId,
    ...items.map((i) => (i.anonymous ? null : i.authorId)),
  ]);
  await recordAudit(db, {
    organizationId: orgId,
    actorId: actor.personId,
    action: 'minutes.read',
    subjectType: 'house_meeting',
    subjectId: meeting.id,
  });
  const ref = (id: string | null) =>
    id && names.has(id) ? { personId: id, displayName: names.get(id)! } : null;
  const counted = (status: string) => attendance.find((a) => a.status === status)?.count ?? 0;
  const itemIds = new Set(items.map((i) => i.id));
  return {
    meeting: {
      id: meeting.id,
      residenceId: meeting.residenceId,
      residenceName: meeting.residenceName,
      title: meeting.title,
      kind: meeting.kind,
      startsAt: meeting.startsAt.toISOString(),
      localDate: meeting.localDate,
      timeZone: meeting.timeZone,
      location: meeting.location,
      closedAt: meeting.closedAt?.toISOString() ?? null,
      chair: ref(meeting.chairId),
      secretary: ref(meeting.secretaryId),
    },
    attendance: { present: counted('present'), excused: counted('excused'), absent: counted('absent') },
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      details: i.details,
      raisedBy: i.anonymous ? null : ref(i.authorId),
      anonymous: i.anonymous,
      minutes: i.minutes,
      motions: motionViews.filter((m) => m.agendaItemId === i.id),
      commitments: commitmentViews.filter((c) => c.agendaItemId === i.id),
    })),
    motions: motionViews.filter((m) => !m.agendaItemId || !itemIds.has(m.agendaItemId)),
    commitments: commitmentViews.filter((c) => !c.agendaItemId || !itemIds.has(c.agendaItemId)),
  };
}

/** Escapes LIKE's wildcards so a search for "50%" finds "50%". */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type Match = MinutesHistoryView['meetings'][number]['matches'][number];

/**
 * A meeting's items whose title or minutes match, with an excerpt of the minutes (a JSON aggregate). The
 * meeting is named house_meetings.id in words: Drizzle writes a column of a one-table select without
 * its table, which inside this subquery would mean the item's own id.
 */
const matchesOf = (pattern: string) =>
  sql<Match[]>`coalesce((select json_agg(json_build_object('itemId', i.id, 'title', i.title,
      'excerpt', left(i.minutes, 240)) order by i.position)
    from ${agendaItems} i
    where i.meeting_id = house_meetings.id and (i.title ilike ${pattern} or i.minutes ilike ${pattern})), '[]')`;

/** Whether a meeting's title, an item's title or minutes, or a motion has the words. */
const mentions = (db: Executor, pattern: string) =>
  or(
    ilike(houseMeetings.title, pattern),
    exists(
      db
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(
          and(
            eq(agendaItems.meetingId, houseMeetings.id),
            or(ilike(agendaItems.title, pattern), ilike(agendaItems.minutes, pattern)),
          ),
        ),
    ),
    exists(
      db
        .select({ id: motions.id })
        .from(motions)
        .where(and(eq(motions.meetingId, houseMeetings.id), ilike(motions.text, pattern))),
    ),
  );

/**
 * The house's closed meetings, newest first, and an audit entry of the search. With a search, only
 * meetings whose title, an item's title or minutes, or a motion contain the words (ILIKE: residents
 * search for a word they remember, in any language, so no stemming), with the matching items.
 */
export async function minutesHistory(
  db: Db,
  actor: Actor,
  residenceId: string,
  q: string | undefined,
): Promise<MinutesHistoryView['meetings']> {
  const pattern = q ? likePattern(q) : null;
  const rows = await db
    .select({
      id: houseMeetings.id,
      title: houseMeetings.title,
      kind: houseMeetings.kind,
      startsAt: houseMeetings.startsAt,
      localDate: houseMeetings.localDate,
      itemCount: db.$count(agendaItems, eq(agendaItems.meetingId, houseMeetings.id)),
      motionCount: db.$count(motions, eq(motions.meetingId, houseMeetings.id)),
      commitmentCount: db.$count(commitments, eq(commitments.meetingId, houseMeetings.id)),
      matches: pattern ? matchesOf(pattern) : sql<Match[]>`'[]'::json`,
    })
    .from(houseMeetings)
    .where(
      and(
        eq(houseMeetings.organizationId, actor.organizationId),
        eq(houseMeetings.residenceId, residenceId),
        eq(houseMeetings.state, 'closed'),
        pattern ? mentions(db, pattern) : undefined,
      ),
    )
    .orderBy(desc(houseMeetings.startsAt))
    .limit(200);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'minutes.search',
    subjectType: 'residence',
    subjectId: residenceId,
    detail: { searched: Boolean(q), count: rows.length },
  });
  return rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString() }));
}
