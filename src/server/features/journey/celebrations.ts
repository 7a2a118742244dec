// The house's side of the journey: celebrations of milestones, congratulations, the residents' current
// stretches for upcoming milestones. Who may see what is decided by the rules in policy.ts.

import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { AuditAction } from '../../../shared/domain/audit-actions.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { type Milestone, upcomingMilestones } from '../../../shared/domain/milestones.ts';
import { addDays } from '../../../shared/domain/recovery-time.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { membershipHeldOn } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  congratulations,
  memberships,
  milestoneEvents,
  people,
  recoveryClocks,
  recoveryStretches,
  residences,
} from '../../platform/database/schema.ts';
import { forbidden, notFound, refuse } from '../../platform/errors.ts';
import { canViewHouse, isOrgAdmin } from '../../platform/policies.ts';
import { notifyCongratulation } from './notices.ts';
import { canListUpcomingMilestones, canSeeRecoveryTime, isOwnMilestone } from './policy.ts';
import { CONGRATULATION_COUNT, housesOf } from './service.ts';

const UPCOMING_DAYS = 14;
const CELEBRATION_DAYS = 7;

/** Someone else's milestone, found only when its clock's audience includes the viewer (else a 404). */
async function loadMilestoneEvent(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select({
      id: milestoneEvents.id,
      personId: milestoneEvents.personId,
      visibleTo: recoveryClocks.visibleTo,
      reachedOn: milestoneEvents.reachedOn,
      milestone: milestoneEvents.milestone,
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
async function addCongratulation(db: Executor, actor: Actor, milestoneEventId: string) {
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

/** The residence in the actor's organization, or a 404. */
async function loadResidence(db: Executor, organizationId: string, id: string) {
  const [row] = await db
    .select({ id: residences.id, timeZone: residences.timeZone })
    .from(residences)
    .where(and(eq(residences.organizationId, organizationId), eq(residences.id, id)));
  if (!row) throw notFound('residence');
  return row;
}

/** Current residents of a house with their current stretches (one row per clock) for the house's reads. */
async function houseStretches(db: Executor, organizationId: string, residenceId: string, today: string) {
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
async function houseMilestoneEvents(db: Executor, actor: Actor, stretchIds: string[], since: string) {
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

/** A denied house read is audited; another house's people get a 403, an admin of another organization a 404. */
async function refuseHouseRead(
  db: Executor,
  actor: Actor,
  residenceId: string,
  action: AuditAction,
): Promise<never> {
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action,
    subjectType: 'residence',
    subjectId: residenceId,
    outcome: 'denied',
  });
  throw isOrgAdmin(actor) ? notFound('residence') : forbidden();
}

/** A house's read: its members and admins only; an admin reading a house they do not live in is audited. */
async function houseToRead(db: Executor, actor: Actor, residenceId: string, action: AuditAction) {
  if (!canViewHouse(actor, residenceId)) await refuseHouseRead(db, actor, residenceId, action);
  const residence = await loadResidence(db, actor.organizationId, residenceId);
  if (isOrgAdmin(actor)) {
    await recordAudit(db, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action,
      subjectType: 'residence',
      subjectId: residence.id,
    });
  }
  return residence;
}

type HouseStretch = Awaited<ReturnType<typeof houseStretches>>[number];
type HouseEvent = Awaited<ReturnType<typeof houseMilestoneEvents>>[number];

/** The milestones this house's people reached in the last 7 days that the actor may see, with their person. */
export async function houseCelebrations(
  db: Executor,
  actor: Actor,
  residenceId: string,
): Promise<{ person: HouseStretch; event: HouseEvent }[]> {
  const residence = await houseToRead(db, actor, residenceId, 'celebrations.read');
  const today = localDate(residence.timeZone, new Date());
  const stretches = (await houseStretches(db, actor.organizationId, residence.id, today)).filter((s) =>
    canSeeRecoveryTime(actor, { personId: s.personId, residenceIds: [residence.id] }, s.visibleTo),
  );
  const since = addDays(today, -(CELEBRATION_DAYS - 1));
  const events = await houseMilestoneEvents(
    db,
    actor,
    stretches.map((s) => s.stretchId),
    since,
  );
  const byStretch = new Map(stretches.map((s) => [s.stretchId, s]));
  return events.flatMap((event) => {
    const person = byStretch.get(event.stretchId);
    return person ? [{ person, event }] : [];
  });
}

/** Others' milestones in the next 14 days, each counted in its person's own zone (the house's peer leaders, admins). */
export async function houseUpcomingMilestones(
  db: Executor,
  actor: Actor,
  residenceId: string,
): Promise<{ person: HouseStretch; milestone: Milestone & { date: string }; today: string }[]> {
  const action = 'upcoming-milestones.read';
  if (!canListUpcomingMilestones(actor, residenceId)) await refuseHouseRead(db, actor, residenceId, action);
  const residence = await loadResidence(db, actor.organizationId, residenceId);
  const now = new Date();
  const houseToday = localDate(residence.timeZone, now);
  const stretches = (await houseStretches(db, actor.organizationId, residence.id, houseToday)).filter(
    (s) =>
      s.personId !== actor.personId &&
      canSeeRecoveryTime(actor, { personId: s.personId, residenceIds: [residence.id] }, s.visibleTo),
  );
  const upcoming = stretches.flatMap((person) => {
    const today = localDate(person.personZone ?? residence.timeZone, now);
    return upcomingMilestones(person.startsOn, today, UPCOMING_DAYS).map((milestone) => ({
      person,
      milestone,
      today,
    }));
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action,
    subjectType: 'residence',
    subjectId: residence.id,
  });
  return upcoming;
}

/**
 * Congratulates a peer on a milestone the actor may see (anything else is not found); one's own milestone
 * is refused. Returns whether this call added it, and the count.
 */
export async function congratulate(db: Executor, actor: Actor, milestoneEventId: string) {
  const event = await loadMilestoneEvent(db, actor.organizationId, milestoneEventId);
  if (!event) throw notFound('milestone');
  const houses = await housesOf(db, actor.organizationId, event.personId, new Date());
  const owner = { personId: event.personId, residenceIds: houses.map((h) => h.residenceId) };
  if (!canSeeRecoveryTime(actor, owner, event.visibleTo)) throw notFound('milestone');
  if (isOwnMilestone(actor, event)) throw refuse('journey.own_milestone');
  // The congratulation and its notification to the person, together.
  const added = await db.transaction(async (tx) => {
    const result = await addCongratulation(tx, actor, event.id);
    if (result.created) await notifyCongratulation(tx, actor, event);
    return result;
  });
  return { event, ...added };
}
