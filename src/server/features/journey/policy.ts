// Who may see and do what with a person's recovery time: clocks, milestones, celebrations, their stage.
// Other areas that show someone's stage or milestones (the house page, meeting agendas, peers) ask here.
import { type Actor, hasRole, residencesWithRole } from '../../platform/auth/actor.ts';
import { isOrgAdmin } from '../../platform/policies.ts';

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

/** Congratulations come from peers: never on one's own milestone. */
export const isOwnMilestone = (actor: Actor, milestone: { personId: string }): boolean =>
  actor.personId === milestone.personId;
