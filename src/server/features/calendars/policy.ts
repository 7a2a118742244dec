// Record rules of calendar addresses: who may make, revoke and keep receiving which feed.
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import { isOrgAdmin } from '../../platform/policies.ts';

/** A residence's calendar (its house meetings): the house's peer leaders and admins. */
export const canSubscribeToResidence = (actor: Actor, residenceId: string): boolean =>
  isOrgAdmin(actor) || residencesWithRole(actor, 'peer_leader').includes(residenceId);

/** The owner revokes their feed; an admin may revoke any feed of the organization. */
export const canRevokeFeed = (actor: Actor, feed: { ownerId: string }): boolean =>
  isOrgAdmin(actor) || feed.ownerId === actor.personId;

/** The roles the feed's owner holds today: the feed follows them (moving out ends a house's meetings). */
export type OwnerRoles = { admin: boolean; lives: string[]; leads: string[] };

/**
 * The houses a feed covers today: a personal one, the houses its owner lives in or leads; a residence's,
 * that house while its maker still leads it (or is an admin), else none.
 */
export function housesOfFeed(
  feed: { scope: string; residenceId: string | null },
  roles: OwnerRoles,
): string[] | null {
  if (feed.scope !== 'residence') return [...new Set([...roles.lives, ...roles.leads])];
  if (!feed.residenceId || !(roles.admin || roles.leads.includes(feed.residenceId))) return null;
  return [feed.residenceId];
}
