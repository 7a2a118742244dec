// The skills exchange's record rules: each person chooses who sees their skills, and a session belongs
// to its teacher and learner alone. The screen's buttons (presenter) and the commands (service) follow
// the same rules.
import type { SkillReason } from '../../../shared/contracts/skills.ts';
import type { Stage } from '../../../shared/domain/stages.ts';
import type { RecoveryPathway } from '../../../shared/domain/vocabulary.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { currentHousesOf } from '../../platform/policies.ts';
import { canSeeRecoveryTime } from '../journey/policy.ts';

export { currentHousesOf };

import type { Peer } from './peers.ts';

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

/** Whether `viewer` (a peer) sees the skills of `owner` by the owner's choice; never their own. */
export const seesSkillsOf = (viewer: Peer, owner: Peer): boolean =>
  viewer.personId !== owner.personId &&
  canSeeSkillsOf(viewer.residenceIds, { residenceIds: owner.residenceIds, visibleTo: owner.skillsVisibleTo });

const ownerOf = (p: Peer) => ({ personId: p.personId, residenceIds: p.residenceIds });

/** Their level of recovery as the viewer may know it (their choice: people.stage_visible_to). */
export const visibleStage = (viewer: Actor, p: Peer): Stage | null =>
  canSeeRecoveryTime(viewer, ownerOf(p), p.stageVisibleTo) ? p.stage : null;

/** Their recovery pathway as the viewer may know it (the same audiences as their profile). */
export const visiblePathway = (viewer: Actor, p: Peer): RecoveryPathway | null =>
  canSeeRecoveryTime(viewer, ownerOf(p), p.pathwayVisibleTo) ? p.pathway : null;

type SessionParties = { teacherId: string; learnerId: string };
type SessionState = SessionParties & { state: string; proposedBy: string };

/** A skill session is its teacher's and its learner's; to anyone else it does not exist. */
export const isSessionMember = (personId: string, s: SessionParties): boolean =>
  personId === s.teacherId || personId === s.learnerId;

export type SessionChange = 'accept' | 'cancel' | 'done';

/**
 * Why one of the session's two people may not make this change now, or null when they may: the other
 * person accepts a proposal, either calls off a planned session, and either marks an arranged one done.
 */
export function refusalOfSessionChange(
  personId: string,
  s: SessionState,
  change: SessionChange,
): SkillReason | null {
  if (change === 'accept') {
    if (s.state !== 'proposed') return 'skills.session_changed';
    return s.proposedBy === personId ? 'skills.session_proposed_by_you' : null;
  }
  if (change === 'cancel')
    return s.state === 'proposed' || s.state === 'arranged' ? null : 'skills.session_changed';
  if (s.state === 'proposed') return 'skills.session_not_accepted';
  return s.state === 'arranged' ? null : 'skills.session_changed';
}

/** What the viewer may do with a session now (the screen's buttons). */
export function sessionActions(personId: string, s: SessionState) {
  const may = (change: SessionChange) =>
    isSessionMember(personId, s) && refusalOfSessionChange(personId, s, change) === null;
  return { canAccept: may('accept'), canCancel: may('cancel'), canMarkDone: may('done') };
}
