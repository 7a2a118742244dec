// The one policy layer, deny by default. Every route names a policy; a route without one cannot start.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from './audit.ts';
import { type Actor, hasRole, residencesWithRole } from './auth/actor.ts';
import { requireActor } from './auth/sessions.ts';
import { AppError } from './errors.ts';

/** Route-level policies: who may call the route at all. Record-level checks follow in the service. */
export const ROUTE_POLICIES = {
  /** Anyone, signed in or not (sign-in, setup, health, accepting an invitation). */
  public: () => true,
  /** Any signed-in person; the service scopes what they see to themselves. */
  signedIn: (actor: Actor | null) => actor !== null,
  /** Organization admins. */
  orgAdmin: (actor: Actor | null) => actor !== null && hasRole(actor, 'org_admin'),
  /** Admins and peer leaders (e.g. issuing a password-reset code to a housemate). */
  houseStaff: (actor: Actor | null) =>
    actor !== null && (hasRole(actor, 'org_admin') || hasRole(actor, 'peer_leader')),
  /** Residents, peer leaders and alumni: the skills exchange and mentors are between peers. */
  peer: (actor: Actor | null) =>
    actor !== null &&
    (hasRole(actor, 'resident') || hasRole(actor, 'peer_leader') || hasRole(actor, 'alumni')),
} as const;
export type PolicyName = keyof typeof ROUTE_POLICIES;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: PolicyName;
  }
}

export function registerPolicies(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api')) return;
    const policy = (route.config as { policy?: PolicyName } | undefined)?.policy;
    if (!policy || !(policy in ROUTE_POLICIES)) {
      throw new Error(`Route ${route.method} ${url} names no policy: every API route must name one.`);
    }
  });
  app.addHook('preHandler', async (request) => {
    const policy = request.routeOptions.config.policy;
    if (!policy) return;
    if (policy === 'public') return;
    const actor = requireActor(request);
    if (!ROUTE_POLICIES[policy](actor)) {
      await recordAudit(request.server.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: `${request.method} ${request.routeOptions.url}`,
        subjectType: 'route',
        outcome: 'denied',
      });
      throw forbiddenFor(request);
    }
  });
}

function forbiddenFor(_request: FastifyRequest): AppError {
  return new AppError('forbidden', 'You do not have access to this.', undefined, 'request.forbidden');
}

// Record-level rules, used by services after loading the record (always scoped to the organization).

export const isOrgAdmin = (actor: Actor) => hasRole(actor, 'org_admin');

/** A house's residents and peer leaders see their house; admins see every house of their organization. */
export function canViewHouse(actor: Actor, residenceId: string): boolean {
  return (
    isOrgAdmin(actor) ||
    residencesWithRole(actor, 'resident').includes(residenceId) ||
    residencesWithRole(actor, 'peer_leader').includes(residenceId)
  );
}

/** A house's signals and check-in statistics: its peer leaders and the organization's admins only. */
export function canSeeHouseSignals(actor: Actor, residenceId: string): boolean {
  return isOrgAdmin(actor) || residencesWithRole(actor, 'peer_leader').includes(residenceId);
}

/**
 * Check-ins and BARC-10 answers belong to the person alone: nobody else reads or changes them, not a
 * peer leader, a counselor (until consent exists) or an admin.
 */
export const isOwnRecord = (actor: Actor, ownerId: string): boolean => actor.personId === ownerId;

/** Whose recovery time a record rule is about: the person and the houses they live in now. */
export type RecoveryOwner = { personId: string; residenceIds: string[] };

/** Counselors see nothing of the recovery journey until consent exists (a later issue). */
const isPeerOrAdmin = (actor: Actor) =>
  hasRole(actor, 'resident') ||
  hasRole(actor, 'peer_leader') ||
  hasRole(actor, 'alumni') ||
  isOrgAdmin(actor);

/**
 * Whether a person's recovery time (a clock, its milestones, their stage) reaches a viewer, by the audience
 * the person chose: only me · my house's peer leaders · my house · my organization.
 */
export function canSeeRecoveryTime(actor: Actor, owner: RecoveryOwner, audience: string): boolean {
  if (actor.personId === owner.personId) return true;
  const leads = residencesWithRole(actor, 'peer_leader');
  const ledByActor = owner.residenceIds.some((r) => leads.includes(r));
  switch (audience) {
    case 'peer_leader':
      return ledByActor;
    case 'house':
      return ledByActor || owner.residenceIds.some((r) => residencesWithRole(actor, 'resident').includes(r));
    case 'organization':
      return isPeerOrAdmin(actor);
    default:
      return false;
  }
}

/** Upcoming milestones of a house, to prepare a celebration: its peer leaders and admins. */
export function canListUpcomingMilestones(actor: Actor, residenceId: string): boolean {
  return isOrgAdmin(actor) || residencesWithRole(actor, 'peer_leader').includes(residenceId);
}

// Commitments, votes and minutes (features/decisions): house business stays in the house.

/** A current resident or peer leader of the house: minutes, motions and commitments are theirs alone. */
export function isHouseMember(actor: Actor, residenceId: string): boolean {
  return (
    residencesWithRole(actor, 'resident').includes(residenceId) ||
    residencesWithRole(actor, 'peer_leader').includes(residenceId)
  );
}

/** Who records commitments and motions and closes a vote: the meeting's chair or secretary, or the house's peer leader. */
export function canRecordAtMeeting(
  actor: Actor,
  meeting: { residenceId: string; chairId: string | null; secretaryId: string | null },
): boolean {
  if (!isHouseMember(actor, meeting.residenceId)) return false;
  return (
    actor.personId === meeting.chairId ||
    actor.personId === meeting.secretaryId ||
    residencesWithRole(actor, 'peer_leader').includes(meeting.residenceId)
  );
}

/** A commitment is marked done by the person who helps, or by the house's peer leader. */
export function canMarkCommitmentDone(actor: Actor, c: { residenceId: string; helperId: string }): boolean {
  if (!isHouseMember(actor, c.residenceId)) return false;
  return actor.personId === c.helperId || residencesWithRole(actor, 'peer_leader').includes(c.residenceId);
}

/** How many outside meetings each resident went to, per week (counts only): the house's peer leaders and admins. */
export function canSeeHouseAttendance(actor: Actor, residenceId: string): boolean {
  return isOrgAdmin(actor) || residencesWithRole(actor, 'peer_leader').includes(residenceId);
}

/** A residence's calendar feed (its house meetings): the house's peer leaders and admins. */
export function canSubscribeToResidence(actor: Actor, residenceId: string): boolean {
  return isOrgAdmin(actor) || residencesWithRole(actor, 'peer_leader').includes(residenceId);
}

// Skills exchange and mentors (features/skills, features/mentors): each person chooses who sees their skills.

/** The houses a peer lives in or leads today (alumni have none). */
export const currentHousesOf = (actor: Actor): string[] => [
  ...new Set([...residencesWithRole(actor, 'resident'), ...residencesWithRole(actor, 'peer_leader')]),
];

/**
 * Whether a peer's skills reach the viewer: their house always (when they live in one), the whole
 * organization only when they chose it. The caller has already scoped the owner to the viewer's organization.
 */
export function canSeeSkillsOf(
  viewerHouseIds: readonly string[],
  owner: { residenceIds: readonly string[]; visibleTo: string },
): boolean {
  if (owner.visibleTo === 'organization') return true;
  return owner.residenceIds.some((r) => viewerHouseIds.includes(r));
}

/** A mentorship, its requests and its check-in log belong to its two people alone. */
export const isMentorshipMember = (actor: Actor, m: { mentorId: string; menteeId: string }): boolean =>
  actor.personId === m.mentorId || actor.personId === m.menteeId;

// Reach out now (features/reach-out): an alert belongs to the person who asked and the circle it reached.

/** "I'm calling you": someone the alert reached (never the person who asked). */
export const canAnswerAlert = (
  actor: Actor,
  alert: { personId: string; reached: readonly string[] },
): boolean => actor.personId !== alert.personId && alert.reached.includes(actor.personId);

/** "I'm okay now": the person who asked, or someone who said they are calling. */
export const canCloseAlert = (
  actor: Actor,
  alert: { personId: string; answered: readonly string[] },
): boolean => actor.personId === alert.personId || alert.answered.includes(actor.personId);

/** One alert (and the record afterwards): the person, the people it reached, the house's peer leaders and admins. */
export function canViewAlert(
  actor: Actor,
  alert: { personId: string; residenceId: string | null; reachedViewer: boolean },
): boolean {
  return (
    actor.personId === alert.personId ||
    alert.reachedViewer ||
    (alert.residenceId !== null && canSeeHouseSignals(actor, alert.residenceId))
  );
}
