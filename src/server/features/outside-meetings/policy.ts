// Who may do what with the outside-meeting directory and with residents' attendance.
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import { isOrgAdmin } from '../../platform/policies.ts';

/** Admins curate the directory; a peer leader may add a meeting their house goes to (not published). */
export const canAddOutsideMeeting = (actor: Actor): boolean =>
  isOrgAdmin(actor) || residencesWithRole(actor, 'peer_leader').length > 0;

/** Editing, deleting, importing and publishing to the public feed: the organization's admins. */
export const canCurateDirectory = (actor: Actor): boolean => isOrgAdmin(actor);

/** How many outside meetings each resident went to, per week (counts only): the house's peer leaders and admins. */
export function canSeeHouseAttendance(actor: Actor, residenceId: string): boolean {
  return isOrgAdmin(actor) || residencesWithRole(actor, 'peer_leader').includes(residenceId);
}
