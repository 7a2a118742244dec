// What a member of a house (or an admin) sees of each housemate: only what that person chose to show.
import type { Audience } from '../../../shared/domain/vocabulary.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { canViewHouse, isOrgAdmin } from '../../platform/policies.ts';
import { canSeeRecoveryTime } from '../journey/policy.ts';

export { canViewHouse };

/** A detail (pronouns, pathway) is shown when the person's chosen audience includes the viewer. */
export function canSeeDetail(audience: string, viewerInHouse: boolean, isSelf: boolean): boolean {
  if (isSelf) return true;
  const a = audience as Audience;
  return a === 'organization' || (a === 'house' && viewerInHouse);
}

/** Their stage follows the same rule as their recovery time (people.stage_visible_to). */
export const canSeeStage = (
  actor: Actor,
  owner: { personId: string; residenceId: string },
  audience: string,
): boolean =>
  canSeeRecoveryTime(actor, { personId: owner.personId, residenceIds: [owner.residenceId] }, audience);

/**
 * Refused: an admin is told the house does not exist (it is not of their organization), anyone else that
 * it is not theirs to see.
 */
export const refusedAsMissing = (actor: Actor): boolean => isOrgAdmin(actor);

/** An admin's reading of a house is audited; its members' own reads are not. */
export const isAuditedRead = (actor: Actor): boolean => isOrgAdmin(actor);
