// Giving and ending roles: moving residents in and out, naming peer leaders, counselors and admins.
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { localDate } from '../../../shared/domain/dates.ts';
import type { Role } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import type { Executor, Tx } from '../../platform/database/executor.ts';
import { memberships, people, residences } from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { canEndRole, isHeldOnce, residenceRuleOf } from './policy.ts';

export type GrantInput = {
  role: Role;
  residenceId: string | null;
  startsOn?: string | undefined;
  bed: string | null;
};

/** A role names a residence when it must, and none when it may not (also for an invitation). */
export function assertResidenceFitsRole(role: Role, residenceId: string | null): void {
  const rule = residenceRuleOf(role);
  if (rule === 'required' && !residenceId)
    throw refuse('people.residence_required', {
      field: 'residenceId',
      params: { role },
      message: `is required for the ${role} role`,
    });
  if (rule === 'not_allowed' && residenceId)
    throw refuse('people.residence_not_allowed', {
      field: 'residenceId',
      params: { role },
      message: `must be empty for the ${role} role`,
    });
}

/** Checks the role's residence rules and the house's free beds; returns the new membership's id. */
export async function grantMembership(
  tx: Tx,
  actor: Pick<Actor, 'organizationId' | 'personId'>,
  personId: string,
  input: GrantInput,
): Promise<string> {
  const orgId = actor.organizationId;
  const [person] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.organizationId, orgId)));
  if (!person) throw notFound('person');
  assertResidenceFitsRole(input.role, input.residenceId);
  let timeZone = 'UTC';
  if (input.residenceId) {
    const [residence] = await tx
      .select({ id: residences.id, timeZone: residences.timeZone, bedCapacity: residences.bedCapacity })
      .from(residences)
      .where(and(eq(residences.id, input.residenceId), eq(residences.organizationId, orgId)))
      .for('update');
    if (!residence) throw refuse('people.unknown_residence', { field: 'residenceId' });
    timeZone = residence.timeZone;
    if (input.role === 'resident') {
      const current = await currentResidentCount(tx, orgId, residence.id);
      if (current >= residence.bedCapacity) throw refuse('people.no_free_bed', { field: 'residenceId' });
    }
  }
  // Today in the house's zone (UTC for a role without a house): the role is held from that day's start.
  const startsOn = input.startsOn ?? localDate(timeZone);
  if (isHeldOnce(input.role)) await assertNotHeldFrom(tx, orgId, personId, input.role, startsOn);
  const [row] = await tx
    .insert(memberships)
    .values({
      organizationId: orgId,
      personId,
      role: input.role,
      residenceId: input.residenceId,
      startsOn,
      bed: input.role === 'resident' ? input.bed : null,
    })
    .returning({ id: memberships.id });
  await recordAudit(tx, {
    organizationId: orgId,
    actorId: actor.personId,
    action: input.role === 'resident' ? 'membership.move_in' : 'membership.grant',
    subjectType: 'membership',
    subjectId: row!.id,
    detail: { role: input.role },
  });
  return row!.id;
}

/** A role held once at a time may not start while the person holds it (now or from a later start). */
async function assertNotHeldFrom(tx: Tx, organizationId: string, personId: string, role: Role, day: string) {
  const overlapping = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.personId, personId),
        eq(memberships.role, role),
        // Not "held on a day" (membershipHeldOn) but "not ended by that day": a role that starts later
        // overlaps too.
        or(isNull(memberships.endsOn), gt(memberships.endsOn, day)),
      ),
    );
  if (overlapping.length === 0) return;
  if (role === 'resident') throw refuse('people.already_lives_in_house', { field: 'role' });
  throw refuse('people.already_has_role', {
    field: 'role',
    params: { role },
    message: `This person already has the ${role} role.`,
  });
}

async function currentResidentCount(db: Executor, organizationId: string, residenceId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.residenceId, residenceId),
        eq(memberships.role, 'resident'),
        isCurrentMembership(),
      ),
    );
  return row?.n ?? 0;
}

/**
 * Ends a role on a day of its house's calendar (UTC for a role without a house), today by default: it is
 * no longer held from that day's start, so ending it today ends it at once, on every instance (the
 * session memory is told by a trigger). A later day schedules the end. A resident who moves out can stay
 * connected as alumni from the same day; the past membership is kept.
 */
export async function endMembership(
  tx: Tx,
  actor: Actor,
  membershipId: string,
  input: { endsOn?: string | undefined; becomeAlumni: boolean },
): Promise<void> {
  const [m] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organizationId, actor.organizationId)))
    .for('update');
  if (!m) throw notFound('membership');
  if (m.endsOn !== null) throw refuse('people.role_already_ended');
  const endsOn = input.endsOn ?? localDate(await membershipTimeZone(tx, m.residenceId));
  if (endsOn < m.startsOn) throw refuse('people.end_before_start', { field: 'endsOn' });
  if (!canEndRole(actor, m)) throw refuse('people.own_admin_role');
  await tx.update(memberships).set({ endsOn }).where(eq(memberships.id, m.id));
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: m.role === 'resident' ? 'membership.move_out' : 'membership.end',
    subjectType: 'membership',
    subjectId: m.id,
    detail: { role: m.role },
  });
  if (m.role === 'resident' && input.becomeAlumni) {
    await tx.insert(memberships).values({
      organizationId: actor.organizationId,
      personId: m.personId,
      role: 'alumni',
      residenceId: m.residenceId,
      startsOn: endsOn,
    });
  }
}

/** The zone a membership's days are counted in: its house's, else UTC (the trigger of migration 0020). */
async function membershipTimeZone(db: Executor, residenceId: string | null): Promise<string> {
  if (!residenceId) return 'UTC';
  const [r] = await db
    .select({ timeZone: residences.timeZone })
    .from(residences)
    .where(eq(residences.id, residenceId));
  return r?.timeZone ?? 'UTC';
}
