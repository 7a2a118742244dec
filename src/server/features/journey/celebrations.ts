// The house's side of the journey: celebrations of milestones, congratulations, the residents' current
// stretches for upcoming milestones. Who may see what is decided by the policies in the routes.
import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { membershipHeldOn } from '../../platform/database/current-membership.ts';
import {
  congratulations,
  memberships,
  milestoneEvents,
  people,
  recoveryClocks,
  recoveryStretches,
  residences,
} from '../../platform/database/schema.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { CONGRATULATION_COUNT } from './service.ts';

/** Someone else's milestone, found only when its clock's audience includes the viewer (else a 404). */
export async function loadMilestoneEvent(db: Pick<Db, 'select'>, organizationId: string, id: string) {
  const [row] = await db
    .select({
      id: milestoneEvents.id,
      personId: milestoneEvents.personId,
      visibleTo: recoveryClocks.visibleTo,
      reachedOn: milestoneEvents.reachedOn,
    })
    .from(milestoneEvents)
    .innerJoin(recoveryClocks, eq(recoveryClocks.id, milestoneEvents.clockId))
    .where(
      and(
        eq(milestoneEvents.organizationId, organizationId),
        eq(milestoneEvents.id, id),
        isNull(recoveryClocks.archivedAt),
      ),
    );
  return row ?? null;
}

/** Congratulates once: a second time changes nothing. Returns whether this call added it, and the count. */
export async function congratulate(db: Db, actor: Actor, milestoneEventId: string) {
  const added = await db
    .insert(congratulations)
    .values({ organizationId: actor.organizationId, milestoneEventId, fromPersonId: actor.personId })
    .onConflictDoNothing()
    .returning({ id: congratulations.id });
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(congratulations)
    .where(
      and(
        eq(congratulations.organizationId, actor.organizationId),
        eq(congratulations.milestoneEventId, milestoneEventId),
      ),
    );
  return { created: added.length > 0, count: count?.n ?? 0 };
}

export const selfCongratulation = () =>
  new AppError('bad_request', 'Your own milestone is yours to enjoy; congratulations come from your peers.');

/** The residence in the actor's organization, or a 404. */
export async function loadResidence(db: Pick<Db, 'select'>, organizationId: string, id: string) {
  const [row] = await db
    .select({ id: residences.id, timeZone: residences.timeZone })
    .from(residences)
    .where(and(eq(residences.organizationId, organizationId), eq(residences.id, id)));
  if (!row) throw notFound('residence');
  return row;
}

/** Current residents of a house with their current stretches (one row per clock) for the house's reads. */
export async function houseStretches(db: Db, organizationId: string, residenceId: string, today: string) {
  return await db
    .select({
      personId: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
      personZone: people.timeZone,
      clockId: recoveryClocks.id,
      visibleTo: recoveryClocks.visibleTo,
      stretchId: recoveryStretches.id,
      startsOn: recoveryStretches.startsOn,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(
      recoveryClocks,
      and(
        eq(recoveryClocks.organizationId, memberships.organizationId),
        eq(recoveryClocks.personId, people.id),
        isNull(recoveryClocks.archivedAt),
      ),
    )
    .innerJoin(
      recoveryStretches,
      and(
        eq(recoveryStretches.organizationId, memberships.organizationId),
        eq(recoveryStretches.clockId, recoveryClocks.id),
        isNull(recoveryStretches.endsOn),
      ),
    )
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.residenceId, residenceId),
        eq(memberships.role, 'resident'),
        membershipHeldOn(today),
      ),
    )
    .orderBy(asc(people.firstName), asc(people.id), asc(recoveryClocks.createdAt));
}

/** Milestone events of a house's current residents since a date, with counts and whether I congratulated. */
export async function houseMilestoneEvents(db: Db, actor: Actor, stretchIds: string[], since: string) {
  if (stretchIds.length === 0) return [];
  return await db
    .select({
      id: milestoneEvents.id,
      stretchId: milestoneEvents.stretchId,
      milestone: milestoneEvents.milestone,
      reachedOn: milestoneEvents.reachedOn,
      congratulations: CONGRATULATION_COUNT,
      mine: sql<boolean>`exists (select 1 from congratulations c
        where c.organization_id = milestone_events.organization_id and c.milestone_event_id = milestone_events.id
          and c.from_person_id = ${actor.personId})`,
    })
    .from(milestoneEvents)
    .where(
      and(
        eq(milestoneEvents.organizationId, actor.organizationId),
        inArray(milestoneEvents.stretchId, stretchIds),
        gte(milestoneEvents.reachedOn, since),
      ),
    );
}
