// Giving and ending roles: moving residents in and out, naming peer leaders, counselors and admins.
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { localDate } from '../../../shared/domain/dates.ts';
import type { Role } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import { memberships, people, residences } from '../../platform/database/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.ts';
import type { Tx } from './accounts.ts';

export type GrantInput = {
  role: Role;
  residenceId: string | null;
  startsOn?: string | undefined;
  bed: string | null;
};

const needsResidence = (role: Role) => role === 'resident' || role === 'peer_leader';

/** Checks the role's residence rules and the house's free beds; returns the start date used. */
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
  let timeZone = 'UTC';
  if (needsResidence(input.role) && !input.residenceId)
    throw invalid('residenceId', `is required for the ${input.role} role`);
  if (!needsResidence(input.role) && input.role !== 'alumni' && input.residenceId) {
    throw invalid('residenceId', `must be empty for the ${input.role} role`);
  }
  if (input.residenceId) {
    const [residence] = await tx
      .select({ id: residences.id, timeZone: residences.timeZone, bedCapacity: residences.bedCapacity })
      .from(residences)
      .where(and(eq(residences.id, input.residenceId), eq(residences.organizationId, orgId)))
      .for('update');
    if (!residence) throw invalid('residenceId', 'names a residence that does not exist');
    timeZone = residence.timeZone;
    if (input.role === 'resident') {
      const current = await currentResidentCount(tx, orgId, residence.id);
      if (current >= residence.bedCapacity)
        throw conflict(
          'This house has no free bed. Move someone out or raise its bed capacity.',
          'residenceId',
        );
    }
  }
  // Today in the house's zone (UTC for a role without a house): the role is held from that day's start.
  const startsOn = input.startsOn ?? localDate(timeZone);
  if (input.role === 'resident' || input.role === 'org_admin' || input.role === 'counselor') {
    const overlapping = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.organizationId, orgId),
          eq(memberships.personId, personId),
          eq(memberships.role, input.role),
          or(isNull(memberships.endsOn), gt(memberships.endsOn, startsOn)),
        ),
      );
    if (overlapping.length > 0) {
      const message =
        input.role === 'resident'
          ? 'This person already lives in a house. Move them out first.'
          : `This person already has the ${input.role} role.`;
      throw conflict(message, 'role');
    }
  }
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

async function currentResidentCount(tx: Tx, organizationId: string, residenceId: string): Promise<number> {
  const [row] = await tx
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
  if (m.endsOn !== null) throw conflict('This role has already ended.');
  const endsOn = input.endsOn ?? localDate(await membershipTimeZone(tx, m.residenceId));
  if (endsOn < m.startsOn) throw invalid('endsOn', 'must not be before the start date');
  if (m.role === 'org_admin' && m.personId === actor.personId) {
    throw new AppError('conflict', 'You cannot remove your own admin role. Ask another admin.');
  }
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
async function membershipTimeZone(tx: Tx, residenceId: string | null): Promise<string> {
  if (!residenceId) return 'UTC';
  const [r] = await tx
    .select({ timeZone: residences.timeZone })
    .from(residences)
    .where(eq(residences.id, residenceId));
  return r?.timeZone ?? 'UTC';
}
