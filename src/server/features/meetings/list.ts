// A house's meeting list: schedules, upcoming and past meetings, in one prepared statement.
import { and, eq, sql } from 'drizzle-orm';
import type { HouseMeetingsView, MeetingSummary } from '../../../shared/contracts/meetings.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { residences } from '../../platform/database/schema.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { displayNameOf } from '../people/presenters.ts';
import { canManageSchedule, canSearchMinutes, canSeeSchedule } from './policy.ts';
import type { HouseRef, SeriesRow } from './records.ts';

type NameParts = { firstName: string; lastName: string; nameStyle: string };
type SeriesJson = Omit<SeriesRow, 'organizationId' | 'createdBy' | 'createdAt' | 'endedAt'>;
type MeetingJson = {
  bucket: 'upcoming' | 'past';
  id: string;
  seriesId: string | null;
  kind: string;
  title: string;
  startsAt: string;
  localDate: string;
  durationMinutes: number;
  location: string;
  state: string;
  chairId: string | null;
  chair: NameParts | null;
  secretaryId: string | null;
  secretary: NameParts | null;
  agendaCount: number;
};

// The fragments name the outer row as residences.id in words: Drizzle writes a column of a one-table
// select without its table, which inside a subquery would mean the subquery's own column.

// The house's running schedules, as JSON (a correlated aggregate: one row per house however many there are).
const seriesJson = sql<SeriesJson[]>`coalesce((select json_agg(json_build_object('id', s.id,
    'residenceId', s.residence_id, 'title', s.title, 'rrule', s.rrule, 'startsOn', s.starts_on,
    'startTime', s.start_time, 'durationMinutes', s.duration_minutes, 'timeZone', s.time_zone,
    'location', s.location) order by s.created_at)
  from house_meeting_series s
  where s.organization_id = residences.organization_id and s.residence_id = residences.id
    and s.ended_at is null), '[]')`;

// The next 20 meetings and the latest closed ones (those whose minutes match the search, when there is
// one), with their chair's and secretary's names and agenda counts, as JSON: a union of two ordered,
// limited sets that the builder cannot say.
const meetingsJson = sql<MeetingJson[]>`coalesce((select json_agg(json_build_object('bucket', ms.bucket,
    'id', ms.id, 'seriesId', ms.series_id, 'kind', ms.kind, 'title', ms.title, 'startsAt', ms.starts_at,
    'localDate', ms.local_date, 'durationMinutes', ms.duration_minutes, 'location', ms.location,
    'state', ms.state,
    'chairId', ms.chair_id, 'chair', case when c.id is null then null else
      json_build_object('firstName', c.first_name, 'lastName', c.last_name, 'nameStyle', c.name_style) end,
    'secretaryId', ms.secretary_id, 'secretary', case when sc.id is null then null else
      json_build_object('firstName', sc.first_name, 'lastName', sc.last_name, 'nameStyle', sc.name_style) end,
    'agendaCount', (select count(*)::int from agenda_items a
      where a.organization_id = ms.organization_id and a.meeting_id = ms.id)))
  from (
    (select m.*, 'upcoming' as bucket from house_meetings m
      where m.organization_id = residences.organization_id and m.residence_id = residences.id
        and (m.state = 'in_progress'
          or (m.state in ('upcoming', 'cancelled') and m.starts_at > ${sql.placeholder('upcomingFrom')}))
      order by m.starts_at limit 20)
    union all
    (select m.*, 'past' from house_meetings m
      where m.organization_id = residences.organization_id and m.residence_id = residences.id
        and m.state = 'closed'
        and (${sql.placeholder('pattern')}::text is null or exists (select 1 from agenda_items a
          where a.organization_id = m.organization_id and a.meeting_id = m.id
            and (a.minutes ilike ${sql.placeholder('pattern')} or a.title ilike ${sql.placeholder('pattern')})))
      order by m.starts_at desc limit ${sql.placeholder('pastLimit')})) ms
  left join people c on c.organization_id = ms.organization_id and c.id = ms.chair_id
  left join people sc on sc.organization_id = ms.organization_id and sc.id = ms.secretary_id), '[]')`;

// Opened on every visit to Meetings: one prepared statement for the whole screen (each round trip to
// PostgreSQL costs more than the work in it; decision 0015), made once per database.
const prepared = new WeakMap<Db, ReturnType<typeof prepareList>>();
const prepareList = (db: Db) =>
  db
    .select({
      id: residences.id,
      name: residences.name,
      timeZone: residences.timeZone,
      series: seriesJson,
      meetings: meetingsJson,
    })
    .from(residences)
    .where(
      and(
        eq(residences.organizationId, sql.placeholder('organizationId')),
        eq(residences.id, sql.placeholder('residenceId')),
      ),
    )
    .prepare('hearth_house_meetings_list');

function houseMeetingsStatement(db: Db) {
  let statement = prepared.get(db);
  if (!statement) {
    statement = prepareList(db);
    prepared.set(db, statement);
  }
  return statement;
}

const summaryOf =
  (house: HouseRef) =>
  (m: MeetingJson): MeetingSummary => ({
    id: m.id,
    residenceId: house.id,
    seriesId: m.seriesId,
    kind: m.kind as MeetingSummary['kind'],
    title: m.title,
    startsAt: new Date(m.startsAt).toISOString(),
    localDate: m.localDate,
    durationMinutes: m.durationMinutes,
    location: m.location,
    timeZone: house.timeZone,
    state: m.state as MeetingSummary['state'],
    chair: m.chairId ? { personId: m.chairId, displayName: m.chair ? displayNameOf(m.chair) : '' } : null,
    secretary: m.secretaryId
      ? { personId: m.secretaryId, displayName: m.secretary ? displayNameOf(m.secretary) : '' }
      : null,
    agendaCount: m.agendaCount,
  });

const byStart = (a: { startsAt: string }, b: { startsAt: string }) =>
  Date.parse(a.startsAt) - Date.parse(b.startsAt);

/** A house's meetings (upcoming runs a few hours past its start so today's stays in view). */
export async function listHouseMeetings(
  db: Db,
  actor: Actor,
  residenceId: string,
  query: { pastLimit: number; q?: string | undefined },
  now: Date = new Date(),
): Promise<HouseMeetingsView> {
  if (!canSeeSchedule(actor, residenceId)) throw notFound('residence');
  const member = canSearchMinutes(actor, residenceId);
  if (query.q && !member) {
    throw invalidField('q', 'meetings.search_for_members', 'searching minutes is for members of the house');
  }
  const [row] = await houseMeetingsStatement(db).execute({
    organizationId: actor.organizationId,
    residenceId,
    upcomingFrom: new Date(now.getTime() - 6 * 3_600_000),
    pastLimit: query.pastLimit,
    pattern: query.q ? `%${query.q.replace(/[\\%_]/g, '\\$&')}%` : null,
  });
  if (!row) throw notFound('residence');
  const house: HouseRef = { id: row.id, name: row.name, timeZone: row.timeZone };
  const summary = summaryOf(house);
  return {
    residence: house,
    canManage: canManageSchedule(actor, house.id),
    isMember: member,
    series: row.series.map((s) => ({ ...s, endedAt: null })),
    upcoming: row.meetings
      .filter((m) => m.bucket === 'upcoming')
      .map(summary)
      .sort(byStart),
    past: row.meetings
      .filter((m) => m.bucket === 'past')
      .map(summary)
      .sort((a, b) => byStart(b, a)),
  };
}
