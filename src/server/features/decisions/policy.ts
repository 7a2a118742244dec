// Record rules of commitments, votes and minutes: house business stays in the house. Pure functions of
// the actor and the record (records.ts loads them); every route applies the same.
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import { isHouseMember } from '../meetings/policy.ts';

/** Minutes, motions and commitments are the house's alone: its current residents and peer leaders. */
export const canSeeHouseBusiness = isHouseMember;

const leads = (actor: Actor, residenceId: string) =>
  residencesWithRole(actor, 'peer_leader').includes(residenceId);

/** Who records commitments and motions and closes a vote: the meeting's chair or secretary, or the house's peer leader. */
export function canRecordAtMeeting(
  actor: Actor,
  meeting: { residenceId: string; chairId: string | null; secretaryId: string | null },
): boolean {
  if (!isHouseMember(actor, meeting.residenceId)) return false;
  return (
    actor.personId === meeting.chairId ||
    actor.personId === meeting.secretaryId ||
    leads(actor, meeting.residenceId)
  );
}

/** Commitments and motions are recorded while the meeting runs; commitments (and a count) also after it closes. */
export const isRecordable = (meeting: { state: string }, afterClose: boolean): boolean =>
  meeting.state === 'in_progress' || (afterClose && meeting.state === 'closed');

/** A motion takes votes while it is open and its meeting is in progress. */
export const takesVotes = (motion: { state: string }, meeting: { state: string }): boolean =>
  motion.state === 'open' && meeting.state === 'in_progress';

/** A commitment is marked done by the person who helps, or by the house's peer leader. */
export function canMarkCommitmentDone(actor: Actor, c: { residenceId: string; helperId: string }): boolean {
  if (!isHouseMember(actor, c.residenceId)) return false;
  return actor.personId === c.helperId || leads(actor, c.residenceId);
}
