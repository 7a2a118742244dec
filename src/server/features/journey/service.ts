// Recovery clocks and their stretches: starting a clock, a reset (history kept, never a failure), recording
// milestones reached, and the reads the house sees (celebrations, upcoming milestones) through the policies.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { localDate } from '../../../shared/domain/dates.ts';
import { reachedMilestones } from '../../../shared/domain/milestones.ts';
import { addDays, EARLIEST_START } from '../../../shared/domain/recovery-time.ts';
import { stageOf } from '../../../shared/domain/stages.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership, membershipHeldOn } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  memberships,
  milestoneEvents,
  people,
  recoveryClocks,
  recoveryStretches,
  residences,
} from '../../platform/database/schema.ts';
import { invalidField, notFound, refuse } from '../../platform/errors.ts';
import { raiseSignal } from '../signals/service.ts';
import { notifyMilestonesReached } from './notices.ts';

// Correlated subqueries name their tables: drizzle leaves columns unqualified in a one-table select.
export const CONGRATULATION_COUNT = sql<number>`(select count(*)::int from congratulations c
  where c.organization_id = milestone_events.organization_id and c.milestone_event_id = milestone_events.id)`;
export type ClockRow = typeof recoveryClocks.$inferSelect;
export type StretchRow = typeof recoveryStretches.$inferSelect;

/** The houses a person lives in (as a resident) at an instant, or on a day of the house's calendar. */
export async function housesOf(db: Executor, organizationId: string, personId: string, at: Date | string) {
  const rows = await db
    .select({ residenceId: memberships.residenceId, timeZone: residences.timeZone })
    .from(memberships)
    .innerJoin(residences, eq(residences.id, memberships.residenceId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.personId, personId),
        eq(memberships.role, 'resident'),
        typeof at === 'string' ? membershipHeldOn(at) : isCurrentMembership(at),
      ),
    )
    .orderBy(asc(memberships.startsOn));
  return rows.filter((r): r is { residenceId: string; timeZone: string } => r.residenceId !== null);
}

/** The zone a person's days are counted in: their own, else their house's, else UTC. */
export async function timeZoneOf(db: Executor, organizationId: string, personId: string, now: Date) {
  const [person] = await db
    .select({ timeZone: people.timeZone, stageVisibleTo: people.stageVisibleTo })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.id, personId)));
  if (!person) throw notFound('person');
  if (person.timeZone) return { timeZone: person.timeZone, stageVisibleTo: person.stageVisibleTo };
  const [house] = await housesOf(db, organizationId, personId, now);
  return { timeZone: house?.timeZone ?? 'UTC', stageVisibleTo: person.stageVisibleTo };
}

/** A person's level of recovery: from the current stretch of their first clock, in their own zone. */
export async function stageOfPerson(db: Executor, organizationId: string, personId: string, now: Date) {
  const [first] = await db
    .select({ startsOn: recoveryStretches.startsOn })
    .from(recoveryClocks)
    .innerJoin(
      recoveryStretches,
      and(eq(recoveryStretches.clockId, recoveryClocks.id), isNull(recoveryStretches.endsOn)),
    )
    .where(
      and(
        eq(recoveryClocks.organizationId, organizationId),
        eq(recoveryClocks.personId, personId),
        isNull(recoveryClocks.archivedAt),
      ),
    )
    .orderBy(asc(recoveryClocks.createdAt), asc(recoveryClocks.id))
    .limit(1);
  if (!first) return null;
  const { timeZone } = await timeZoneOf(db, organizationId, personId, now);
  return stageOf(first.startsOn, localDate(timeZone, now));
}

/** A start date must be a real day between 1900-01-01 and today (in the person's zone). */
export function assertStartDate(startsOn: string, today: string): void {
  if (startsOn > today) throw refuse('journey.future_recovery_date', { field: 'startsOn' });
  // The contract's date already keeps to the years Hearth handles; this holds should the two ever differ.
  if (startsOn < EARLIEST_START) {
    throw invalidField('startsOn', 'field.years', `must be on or after ${EARLIEST_START}`, {
      minimum: EARLIEST_START,
    });
  }
}

/** Today in my own zone (mine, else my house's, else UTC). */
export async function myToday(db: Executor, actor: Actor, now = new Date()): Promise<string> {
  return localDate((await timeZoneOf(db, actor.organizationId, actor.personId, now)).timeZone, now);
}

/** A milestone event this call recorded (nobody had before). */
export type ReachedMilestone = {
  id: string;
  organizationId: string;
  personId: string;
  milestone: string;
  reachedOn: string;
};

/**
 * Records every milestone a stretch has reached up to `today` (idempotent through the unique index), but
 * those already known to be recorded (`stretchId/key`) — so a read that finds nothing new writes nothing.
 * Returns the events it recorded.
 */
export async function recordReachedMilestones(
  db: Executor,
  stretches: Pick<StretchRow, 'id' | 'organizationId' | 'personId' | 'clockId' | 'startsOn'>[],
  today: string,
  since: string | null = null,
  recorded: Set<string> = new Set(),
): Promise<ReachedMilestone[]> {
  const values = stretches.flatMap((s) =>
    reachedMilestones(s.startsOn, today)
      .filter((m) => (since === null || m.date >= since) && !recorded.has(`${s.id}/${m.key}`))
      .map((m) => ({
        organizationId: s.organizationId,
        personId: s.personId,
        clockId: s.clockId,
        stretchId: s.id,
        milestone: m.key,
        reachedOn: m.date,
      })),
  );
  if (values.length === 0) return [];
  return await db.insert(milestoneEvents).values(values).onConflictDoNothing().returning({
    id: milestoneEvents.id,
    organizationId: milestoneEvents.organizationId,
    personId: milestoneEvents.personId,
    milestone: milestoneEvents.milestone,
    reachedOn: milestoneEvents.reachedOn,
  });
}

/** My own clock (archived too when asked), else a 404 that names nobody. */
async function loadOwnClock(
  db: Executor,
  actor: Actor,
  clockId: string,
  options: { archived: boolean } = { archived: false },
) {
  const [clock] = await db
    .select()
    .from(recoveryClocks)
    .where(
      and(
        eq(recoveryClocks.organizationId, actor.organizationId),
        eq(recoveryClocks.id, clockId),
        eq(recoveryClocks.personId, actor.personId),
        options.archived ? undefined : isNull(recoveryClocks.archivedAt),
      ),
    );
  if (!clock) throw notFound('recovery clock');
  return clock;
}

export async function startClock(
  db: Db,
  actor: Actor,
  input: { label: string; startsOn: string; visibleTo: string },
): Promise<void> {
  const today = await myToday(db, actor);
  assertStartDate(input.startsOn, today);
  await db.transaction(async (tx) => {
    const [clock] = await tx
      .insert(recoveryClocks)
      .values({
        organizationId: actor.organizationId,
        personId: actor.personId,
        label: input.label,
        visibleTo: input.visibleTo,
      })
      .returning();
    if (!clock) throw new Error('clock not created');
    const [stretch] = await tx
      .insert(recoveryStretches)
      .values({
        organizationId: actor.organizationId,
        personId: actor.personId,
        clockId: clock.id,
        startsOn: input.startsOn,
      })
      .returning();
    if (stretch) await recordReachedMilestones(tx, [stretch], today);
  });
}

export async function updateClock(
  db: Executor,
  actor: Actor,
  clockId: string,
  input: { label?: string | undefined; visibleTo?: string | undefined },
): Promise<void> {
  // A past clock can still be renamed (its history is the person's own to label).
  await loadOwnClock(db, actor, clockId, { archived: true });
  const set: Partial<ClockRow> = {};
  if (input.label !== undefined) set.label = input.label;
  if (input.visibleTo !== undefined) set.visibleTo = input.visibleTo;
  if (Object.keys(set).length === 0) return;
  await db
    .update(recoveryClocks)
    .set(set)
    .where(and(eq(recoveryClocks.organizationId, actor.organizationId), eq(recoveryClocks.id, clockId)));
}

/**
 * Puts a clock away: it leaves Today, the house and celebrations, and its history stays readable to its
 * owner under "Past clocks". Its stretches are kept as they are, so bringing it back loses nothing.
 * Archiving an archived clock changes nothing (a retry from a phone is harmless).
 */
export async function archiveClock(db: Executor, actor: Actor, clockId: string): Promise<void> {
  const clock = await loadOwnClock(db, actor, clockId, { archived: true });
  if (clock.archivedAt) return;
  await db
    .update(recoveryClocks)
    .set({ archivedAt: new Date() })
    .where(
      and(
        eq(recoveryClocks.organizationId, actor.organizationId),
        eq(recoveryClocks.id, clock.id),
        isNull(recoveryClocks.archivedAt),
      ),
    );
}

/** Brings a past clock back to Today; a clock in use changes nothing. */
export async function restoreClock(db: Executor, actor: Actor, clockId: string): Promise<void> {
  const clock = await loadOwnClock(db, actor, clockId, { archived: true });
  if (!clock.archivedAt) return;
  await db
    .update(recoveryClocks)
    .set({ archivedAt: null })
    .where(and(eq(recoveryClocks.organizationId, actor.organizationId), eq(recoveryClocks.id, clock.id)));
}

/**
 * A reset: the current stretch ends the day before the new start, a new stretch begins (history kept), and
 * the house's peer leaders get a gentle 'reset' signal so someone can reach out — unless the clock is
 * "only me": a signal never tells the peer leader what the person chose not to show them.
 */
export async function resetClock(db: Db, actor: Actor, clockId: string, startsOn: string) {
  const clock = await loadOwnClock(db, actor, clockId);
  const today = await myToday(db, actor);
  assertStartDate(startsOn, today);
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(recoveryStretches)
      .where(
        and(
          eq(recoveryStretches.organizationId, actor.organizationId),
          eq(recoveryStretches.clockId, clock.id),
          isNull(recoveryStretches.endsOn),
        ),
      )
      .for('update');
    if (current) {
      if (startsOn === current.startsOn) throw refuse('journey.same_start', { field: 'startsOn' });
      if (startsOn < current.startsOn) {
        throw refuse('journey.start_before_current', {
          field: 'startsOn',
          params: { date: current.startsOn },
          message: `A new start must come after your current start date (${current.startsOn}).`,
        });
      }
      await tx
        .update(recoveryStretches)
        .set({ endsOn: addDays(startsOn, -1) })
        .where(
          and(
            eq(recoveryStretches.organizationId, actor.organizationId),
            eq(recoveryStretches.id, current.id),
          ),
        );
    }
    const [stretch] = await tx
      .insert(recoveryStretches)
      .values({ organizationId: actor.organizationId, personId: actor.personId, clockId: clock.id, startsOn })
      .returning();
    if (stretch) await recordReachedMilestones(tx, [stretch], today);
    if (clock.visibleTo === 'only_me') return;
    await raiseSignal(tx, {
      organizationId: actor.organizationId,
      personId: actor.personId,
      kind: 'reset',
      severity: 'medium',
      localDate: today,
    });
  });
}

/**
 * The hourly job's work: records the milestones every current stretch reached in the last week, each in
 * its person's own time zone (a week, so a pause of the job loses nothing). Idempotent. Returns how many
 * milestone events are new.
 */
export async function recordMilestonesForEveryone(db: Db, now: Date): Promise<number> {
  const houseZone = sql<string | null>`(select ${residences.timeZone} from ${memberships}
    join ${residences} on ${residences.id} = ${memberships.residenceId}
    where ${memberships.organizationId} = ${recoveryStretches.organizationId}
      and ${memberships.personId} = ${recoveryStretches.personId}
      and ${memberships.role} = 'resident'
      and ${isCurrentMembership(now)}
    order by ${memberships.startsOn} limit 1)`;
  const rows = await db
    .select({
      id: recoveryStretches.id,
      organizationId: recoveryStretches.organizationId,
      personId: recoveryStretches.personId,
      clockId: recoveryStretches.clockId,
      startsOn: recoveryStretches.startsOn,
      zone: sql<string | null>`coalesce(${people.timeZone}, ${houseZone})`,
    })
    .from(recoveryStretches)
    .innerJoin(people, eq(people.id, recoveryStretches.personId))
    .innerJoin(recoveryClocks, eq(recoveryClocks.id, recoveryStretches.clockId))
    .where(and(isNull(recoveryStretches.endsOn), isNull(recoveryClocks.archivedAt)));
  let recorded = 0;
  const byToday = new Map<string, typeof rows>();
  for (const row of rows) {
    const today = localDate(row.zone ?? 'UTC', now);
    byToday.set(today, [...(byToday.get(today) ?? []), row]);
  }
  for (const [today, stretches] of byToday) {
    for (let i = 0; i < stretches.length; i += 500) {
      // Recorded and told together: a milestone is told to its person once, with its event.
      recorded += await db.transaction(async (tx) => {
        const reached = await recordReachedMilestones(
          tx,
          stretches.slice(i, i + 500),
          today,
          addDays(today, -7),
        );
        await notifyMilestonesReached(tx, reached, today);
        return reached.length;
      });
    }
  }
  return recorded;
}
