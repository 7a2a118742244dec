// Published minutes of a closed house meeting, and the house's searchable history of them.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  DECISION_MESSAGES,
  type MinutesHistoryView,
  type MinutesView,
} from '../../../shared/contracts/decisions.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import {
  agendaItems,
  commitments,
  meetingAttendance,
  people,
  residences,
} from '../../platform/database/schema.ts';
import { conflict } from '../../platform/errors.ts';
import { displayNameOf } from '../people/presenters.ts';
import type { MeetingForMember } from './access.ts';
import { loadCommitments } from './commitments.ts';
import { loadMotions } from './motions.ts';

type Reader = Pick<Db, 'select'>;

async function peopleByIds(db: Reader, organizationId: string, ids: (string | null)[]) {
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
 * The minutes as published to the house. Anonymous items name nobody here, not even to the chair or the
 * peer leader: minutes are the house's lasting record.
 */
export async function minutesOf(db: Reader, actor: Actor, meeting: MeetingForMember): Promise<MinutesView> {
  if (meeting.state !== 'closed') throw conflict(DECISION_MESSAGES.minutesNotPublished);
  const orgId = actor.organizationId;
  const [house] = await db
    .select({ name: residences.name, timeZone: residences.timeZone })
    .from(residences)
    .where(and(eq(residences.id, meeting.residenceId), eq(residences.organizationId, orgId)));
  const attendance = await db
    .select({ status: meetingAttendance.status, count: sql<number>`count(*)::int` })
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
  const ref = (id: string | null) =>
    id && names.has(id) ? { personId: id, displayName: names.get(id)! } : null;
  const counted = (status: string) => attendance.find((a) => a.status === status)?.count ?? 0;
  const itemIds = new Set(items.map((i) => i.id));
  return {
    meeting: {
      id: meeting.id,
      residenceId: meeting.residenceId,
      residenceName: house?.name ?? '',
      title: meeting.title,
      kind: meeting.kind,
      startsAt: meeting.startsAt.toISOString(),
      localDate: meeting.localDate,
      timeZone: house?.timeZone ?? 'UTC',
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

type HistoryRow = {
  id: string;
  title: string;
  kind: string;
  starts_at: Date;
  local_date: string;
  item_count: number;
  motion_count: number;
  commitment_count: number;
  matches: { itemId: string; title: string; excerpt: string }[] | null;
};

/**
 * The house's closed meetings, newest first. With a search, only meetings whose title, an item's title or
 * minutes, or a motion contain the words (ILIKE: residents search for a word they remember, in any language,
 * so no stemming), with the matching items and an excerpt of their minutes.
 */
export async function minutesHistory(
  db: Db,
  actor: Actor,
  residenceId: string,
  q: string | undefined,
): Promise<MinutesHistoryView['meetings']> {
  const pattern = q ? likePattern(q) : null;
  const { rows } = await db.$client.query<HistoryRow>(
    `select m.id, m.title, m.kind, m.starts_at, m.local_date::text as local_date,
        (select count(*)::int from agenda_items i where i.meeting_id = m.id) as item_count,
        (select count(*)::int from motions x where x.meeting_id = m.id) as motion_count,
        (select count(*)::int from commitments c where c.meeting_id = m.id) as commitment_count,
        case when $3::text is null then null else (
          select json_agg(json_build_object('itemId', i.id, 'title', i.title,
              'excerpt', left(i.minutes, 240)) order by i.position)
            from agenda_items i
           where i.meeting_id = m.id and (i.title ilike $3 or i.minutes ilike $3)) end as matches
       from house_meetings m
      where m.organization_id = $1 and m.residence_id = $2 and m.state = 'closed'
        and ($3::text is null or m.title ilike $3
          or exists (select 1 from agenda_items i where i.meeting_id = m.id
                      and (i.title ilike $3 or i.minutes ilike $3))
          or exists (select 1 from motions x where x.meeting_id = m.id and x.text ilike $3))
      order by m.starts_at desc
      limit 200`,
    [actor.organizationId, residenceId, pattern],
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    startsAt: new Date(r.starts_at).toISOString(),
    localDate: r.local_date,
    itemCount: r.item_count,
    motionCount: r.motion_count,
    commitmentCount: r.commitment_count,
    matches: r.matches ?? [],
  }));
}
