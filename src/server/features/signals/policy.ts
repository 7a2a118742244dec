// Record rules of early-warning signals: who sees a house's signals (and its check-in statistics, which
// share the rule) and who acknowledges them.
import { type Actor, hasRole, residencesWithRole } from '../../platform/auth/actor.ts';

/** A house's signals and check-in statistics: its peer leaders and the organization's admins only. */
export function canSeeHouseSignals(actor: Actor, residenceId: string): boolean {
  return hasRole(actor, 'org_admin') || residencesWithRole(actor, 'peer_leader').includes(residenceId);
}

/** Acknowledging a signal is for those who see it; once acknowledged, its note stays as history. */
export const canAcknowledgeSignal = (actor: Actor, signal: { residenceId: string }) =>
  canSeeHouseSignals(actor, signal.residenceId);
