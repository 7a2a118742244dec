// My journey as the home screen reads it: one prepared statement for my zone, who sees my stage, and every
// clock (archived ones too, for "Past clocks") with its stretches and the milestones of its current stretch.
import { and, eq, sql } from 'drizzle-orm';
import { localDate } from '../../../shared/domain/dates.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { people } from '../../platform/database/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { notifyMilestonesReached } from './notices.ts';
import { recordReachedMilestones, type StretchRow } from './service.ts';

/** A clock as the journey read gives it; archivedAt is an ISO timestamp, or null for a clock in use. */
export type JourneyClock = { id: string; label: string; visibleTo: string; archivedAt: string | null };
export type JourneyStretch = Pick<
  StretchRow,
  'id' | 'organizationId' | 'personId' | 'clockId' | 'startsOn' | 'endsOn'
>;
export type JourneyEvent = {
  id: string;
  stretchId: string;
  milestone: string;
  reachedOn: string;
  congratulations: number;
};
export type JourneyData = {
  timeZone: string;
  stageVisibleTo: string;
  clocks: JourneyClock[];
  stretches: JourneyStretch[];
  events: JourneyEvent[];
};
type ClockJson = JourneyClock & {
  stretches: { id: string; startsOn: string; endsOn: string | null }[];
  events: JourneyEvent[];
};

// The zone and the clocks are correlated subqueries aggregated to JSON (one row instead of one query per
// table), so they are written in SQL; a one-table select leaves `people`'s own columns unqualified.
const TIME_ZONE = sql<string>`coalesce(people.time_zone, (select r.time_zone from memberships m
    join residences r on r.id = m.residence_id and r.organization_id = m.organization_id
    where m.organization_id = people.organization_id and m.person_id = people.id and m.role = 'resident'
      and hearth_membership_current(m)
    order by m.starts_on limit 1), 'UTC')`;
const CLOCKS = sql<ClockJson[]>`coalesce((select json_agg(json_build_object(
    'id', c.id, 'label', c.label, 'visibleTo', c.visible_to, 'archivedAt', c.archived_at,
    'stretches', (select coalesce(json_agg(json_build_object(
        'id', s.id, 'startsOn', s.starts_on, 'endsOn', s.ends_on) order by s.starts_on), '[]')
      from recovery_stretches s where s.organization_id = c.organization_id and s.clock_id = c.id),
    'events', (select coalesce(json_agg(json_build_object(
        'id', e.id, 'stretchId', e.stretch_id, 'milestone', e.milestone, 'reachedOn', e.reached_on,
        'congratulations', (select count(*)::int from congratulations g
          where g.organization_id = e.organization_id and g.milestone_event_id = e.id))), '[]')
      from recovery_stretches cs
      join milestone_events e on e.organization_id = cs.organization_id and e.stretch_id = cs.id
      where cs.organization_id = c.organization_id and cs.clock_id = c.id and cs.ends_on is null
        and c.archived_at is null)
  ) order by c.created_at, c.id)
  from recovery_clocks c where c.organization_id = people.organization_id and c.person_id = people.id), '[]')`;

const prepareJourneyRead = (db: Db) =>
  db
    .select({ stageVisibleTo: people.stageVisibleTo, timeZone: TIME_ZONE, clocks: CLOCKS })
    .from(people)
    .where(
      and(
        eq(people.organizationId, sql.placeholder('organizationId')),
        eq(people.id, sql.placeholder('personId')),
      ),
    )
    .prepare('hearth_journey_read');
const prepared = new WeakMap<Db, ReturnType<typeof prepareJourneyRead>>();

/** My zone, and all my clocks (archived ones too) with their stretches and current milestones: one statement. */
export async function loadJourney(db: Db, actor: Actor): Promise<JourneyData> {
  let read = prepared.get(db);
  if (!read) {
    read = prepareJourneyRead(db);
    prepared.set(db, read);
  }
  const [row] = await read.execute({ organizationId: actor.organizationId, personId: actor.personId });
  if (!row) throw notFound('person');
  const { organizationId, personId } = actor;
  return {
    timeZone: row.timeZone,
    stageVisibleTo: row.stageVisibleTo,
    clocks: row.clocks.map(({ id, label, visibleTo, archivedAt }) => ({ id, label, visibleTo, archivedAt })),
    stretches: row.clocks.flatMap((c) =>
      c.stretches.map((s) => ({ ...s, organizationId, personId, clockId: c.id })),
    ),
    events: row.clocks.flatMap((c) => c.events),
  };
}

/**
 * My journey and my today. One statement to read; a second (and a fresh read) only on the day a new
 * milestone is reached — cheap and idempotent, so a milestone reached today shows before the job runs.
 */
export async function myJourney(db: Db, actor: Actor): Promise<{ data: JourneyData; today: string }> {
  let data = await loadJourney(db, actor);
  const today = localDate(data.timeZone, new Date());
  const inUse = new Set(data.clocks.filter((c) => c.archivedAt === null).map((c) => c.id));
  const current = data.stretches.filter((s) => s.endsOn === null && inUse.has(s.clockId));
  const recorded = new Set(data.events.map((e) => `${e.stretchId}/${e.milestone}`));
  // Nothing new (most reads): no statement at all. New: recorded, then told (once, by its dedupe key).
  const reached = await recordReachedMilestones(db, current, today, null, recorded);
  if (reached.length > 0) {
    await notifyMilestonesReached(db, reached, today);
    data = await loadJourney(db, actor);
  }
  return { data, today };
}
