// Record rules of reach out now: an alert belongs to the person who asked and the circle it reached; a
// house's peer leaders and the organization's admins see it in the house's record afterwards.
import type { Actor } from '../../platform/auth/actor.ts';
import { canSeeHouseSignals } from '../signals/policy.ts';

/** "I'm calling you": someone the alert reached (never the person who asked). */
export const canAnswerAlert = (
  actor: Actor,
  alert: { personId: string; reached: readonly string[] },
): boolean => actor.personId !== alert.personId && alert.reached.includes(actor.personId);

/** Whether the actor knows of the alert at all: they asked, or it reached them. */
export const knowsOfAlert = (actor: Actor, alert: { personId: string; reached: readonly string[] }) =>
  actor.personId === alert.personId || alert.reached.includes(actor.personId);

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

/** Being on call for housemates is for someone who lives in or leads a house today. */
export const canBeOnCall = (homeResidenceId: string | null) => homeResidenceId !== null;
