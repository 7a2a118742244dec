// Mentors' record rules: who may ask for a mentor or offer to be one, and a mentorship (its requests, its
// thread and its log) belongs to its two people alone. The screen's buttons (presenter) and the commands
// (service) follow the same rules.
import type { MentorReason } from '../../../shared/contracts/mentors.ts';
import { isFurtherAlong, type MentorProfile } from '../../../shared/domain/mentor-matching.ts';
import { type Actor, hasRole } from '../../platform/auth/actor.ts';

/** A current resident may be suggested mentors and ask for one (alumni and peer leaders mentor). */
export const canHaveMentor = (actor: Actor): boolean => hasRole(actor, 'resident');

type Pair = { mentorId: string; menteeId: string };
type PairState = Pair & { state: string; requestedBy: string };

/** A mentorship, its requests and its check-in log belong to its two people alone. */
export const isMentorshipMember = (actor: Actor, m: Pair): boolean =>
  actor.personId === m.mentorId || actor.personId === m.menteeId;

/**
 * Why a request between me and another peer is refused, or null when it may be sent: a mentor is open
 * to mentoring and further along than their mentee, a mentee is a current resident, each as far as the
 * other shares their level of recovery.
 */
export function refusalOfRequest(
  actor: Actor,
  asMentee: boolean,
  me: MentorProfile,
  other: MentorProfile & { openToMentoring: boolean },
): MentorReason | null {
  if (other.personId === me.personId) return 'mentors.is_you';
  if (asMentee) {
    if (!canHaveMentor(actor)) return 'mentors.for_residents';
    if (!other.openToMentoring) return 'mentors.not_open';
    return isFurtherAlong(other, me) ? null : 'mentors.not_further_along';
  }
  if (other.alumni) return 'mentors.mentee_is_alumni';
  return isFurtherAlong(me, other) ? null : 'mentors.not_newer';
}

export type MentorshipChange = 'accept' | 'decline' | 'end';

/**
 * Why one of the two may not make this change now, or null when they may: the person asked accepts or
 * declines a request; either ends a request or an active mentorship, without a reason.
 */
export function refusalOfChange(
  personId: string,
  m: PairState,
  change: MentorshipChange,
): MentorReason | null {
  if (change === 'end') return m.state === 'proposed' || m.state === 'active' ? null : 'mentors.already_over';
  if (m.state !== 'proposed') return 'mentors.request_answered';
  return m.requestedBy === personId ? 'mentors.answer_is_theirs' : null;
}

/** The pair's log takes new lines while the mentorship is active (it stays readable after it ends). */
export const refusalOfLogEntry = (m: { state: string }): MentorReason | null =>
  m.state === 'active' ? null : 'mentors.log_closed';
