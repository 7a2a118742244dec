// A house's meeting list: schedules, upcoming and past meetings, in one statement.
import type { HouseMeetingsView, MeetingSummary } from '../../../shared/contracts/meetings.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { displayNameOf } from '../people/presenters.ts';
import { canManageSchedule, canSeeSchedule, type HouseRef, isHouseMember } from './access.ts';
import type { SeriesRow } from './schedule.ts';

// A house's meeting list is opened on every visit to Meetings: one prepared statement gives the house,
// its schedules, upcoming and past meetings with their chair's and secretary's names and agenda counts,
// as JSON (each round trip to PostgreSQL costs more than the work in it; decision 0015).
const HOUSE_MEETINGS_SQL = `with ms as (
  (select m.*, 'upcoming' as bucket from house_meetings m
    where m.organization_id = $1 and m.residence_id = $2
      and (m.state = 'in_progress' or (m.state in ('upcoming', 'cancelled') and m.starts_at > $3))
    order by m.starts_at limit 20)
  union all
  (select m.*, 'past' from house_meetings m
    where m.organization_id = $1 and m.residence_id = $2 and m.state = 'closed'
      and ($5::text is null or exists (select 1 from agenda_items a
        where a.organization_id = m.organization_id and a.meeting_id = m.id
          and (a.minutes ilike $5 or a.title ilike $5)))
    order by m.starts_at desc limit $4))
select r.id, r.name, r.time_zone,
  coalesce((select json_agg(json_build_object('id', s.id, 'residenceId', s.residence_id, 'title', s.title,
      'rrule', s.rrule, 'startsOn', s.starts_on, 'startTime', s.start_time,
      'durationMinutes', s.duration_minutes, 'timeZone', s.time_zone, 'location', s.location)
      order by s.created_at)
    from house_meeting_series s
    where s.organization_id = $1 and s.residence_id = $2 and s.ended_at is null), '[]') as series,
  coalesce((select json_agg(json_build_object('bucket', ms.bucket, 'id', ms.id, 'seriesId', ms.series_id,
      'kind', ms.kind, 'title', ms.title, 'startsAt', ms.starts_at, 'localDate', ms.local_date,
      'durationMinutes', ms.duration_minutes, 'location', ms.location, 'state', ms.state,
      'chairId', ms.chair_id, 'chair', case when c.id is null then null else
        json_build_object('firstName', c.first_name, 'lastName', c.last_name, 'nameStyle', c.name_style) end,
      'secretaryId', ms.secretary_id, 'secretary', case when sc.id is null then null else
        json_build_object('firstName', sc.first_name, 'lastName', sc.last_name, 'nameStyle', sc.name_style) end,
      'agendaCount', (select count(*)::int from agenda_items a
        where a.organization_id = ms.organization_id and a.meeting_id = ms.id)))
    from ms
    left join people c on c.organization_id = ms.organization_id and c.id = ms.chair_id
    left join people sc on sc.organization_id = ms.organization_id and sc.id = ms.secretary_id), '[]') as meetings
from residences r where r.organization_id = $1 and r.id = $2`;

type NameParts = { firstName: string; lastName: string; nameStyle: string };
type HouseMeetingsDbRow = {
  id: string;
  name: string;
  time_zone: string;
  series: (Omit<SeriesRow, 'organizationId' | 'createdBy' | 'createdAt' | 'endedAt'> & { endedAt?: null })[];
  meetings: {
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
  }[];
};

/** A house's meetings (upcoming runs a few hours past its start so today's stays in view). */
export async function listHouseMeetings(
  db: Db,
  actor: Actor,
  residenceId: string,
  query: { pastLimit: number; q?: string | undefined },
  now: Date = new Date(),
): Promise<HouseMeetingsView> {
  if (!canSeeSchedule(actor, residenceId)) throw notFound('residence');
  const member = isHouseMember(actor, residenceId);
  if (query.q && !member) throw invalid('q', 'searching minutes is for members of the house');
  const { rows } = await db.$client.query<HouseMeetingsDbRow>({
    name: 'hearth_house_meetings_list',
    text: HOUSE_MEETINGS_SQL,
    values: [
      actor.organizationId,
      residenceId,
      new Date(now.getTime() - 6 * 3_600_000),
      query.pastLimit,
      query.q ? `%${query.q.replace(/[\\%_]/g, '\\$&')}%` : null,
    ],
  });
  const row = rows[0];
  if (!row) throw notFound('residence');
  const house: HouseRef = { id: row.id, name: row.name, timeZone: row.time_zone };
  const summary = (m: HouseMeetingsDbRow['meetings'][number]): MeetingSummary => ({
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
