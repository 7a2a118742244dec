// Record rules of house meetings: who may see and do what with a house's meetings. Only the house's
// current members (residents and peer leaders) see its meetings and their words; an admin of the
// organization manages the schedule and sees when meetings happen, never agenda or minutes text;
// anyone else (another house, a counselor, another organization) is told the meeting does not exist.
// Pure functions of the actor and the record (records.ts loads them), so every route applies the same.
import type { AttendanceStatus } from '../../../shared/contracts/meetings.ts';
import { type Actor, hasRole, residencesWithRole } from '../../platform/auth/actor.ts';

/** A current resident or peer leader of the house: its meetings, minutes, motions and commitments are theirs. */
export const isHouseMember = (actor: Actor, residenceId: string): boolean =>
  residencesWithRole(actor, 'resident').includes(residenceId) ||
  residencesWithRole(actor, 'peer_leader').includes(residenceId);

export const leadsHouse = (actor: Actor, residenceId: string): boolean =>
  residencesWithRole(actor, 'peer_leader').includes(residenceId);

/** The schedule: the house's peer leaders and the organization's admins. */
export const canManageSchedule = (actor: Actor, residenceId: string): boolean =>
  hasRole(actor, 'org_admin') || leadsHouse(actor, residenceId);

/** Sees that the house's meetings exist (when, who chairs): members and admins. */
export const canSeeSchedule = (actor: Actor, residenceId: string): boolean =>
  isHouseMember(actor, residenceId) || hasRole(actor, 'org_admin');

/** Searching the words of past meetings' minutes: members of the house only. */
export const canSearchMinutes = isHouseMember;

/** A one-off meeting is the schedule's (peer leader, admin); any member may call an emergency meeting. */
export const canCreateMeeting = (actor: Actor, residenceId: string, kind: 'one_off' | 'emergency'): boolean =>
  canManageSchedule(actor, residenceId) || (kind === 'emergency' && isHouseMember(actor, residenceId));

/** What the viewer is to one meeting. */
export type MeetingViewer = {
  isMember: boolean;
  isChair: boolean;
  isSecretary: boolean;
  isPeerLeader: boolean;
  isAdmin: boolean;
  /** Start, close, mark anyone's attendance, write minutes. */
  canRun: boolean;
  /** Change the chair and the secretary. */
  canAssign: boolean;
  /** Cancel or reschedule. */
  canManage: boolean;
  /** Agenda and minutes (members only; admins see the schedule, not the words). */
  seesAgenda: boolean;
};

type MeetingRoles = { residenceId: string; chairId: string | null; secretaryId: string | null };

export function viewerOf(actor: Actor, meeting: MeetingRoles): MeetingViewer {
  const isMember = isHouseMember(actor, meeting.residenceId);
  const isPeerLeader = leadsHouse(actor, meeting.residenceId);
  const isChair = isMember && meeting.chairId === actor.personId;
  const isSecretary = isMember && meeting.secretaryId === actor.personId;
  return {
    isMember,
    isChair,
    isSecretary,
    isPeerLeader,
    isAdmin: hasRole(actor, 'org_admin'),
    canRun: isChair || isSecretary || isPeerLeader,
    canAssign: isChair || isPeerLeader,
    canManage: canManageSchedule(actor, meeting.residenceId),
    seesAgenda: isMember,
  };
}

/** A meeting exists for its members, and for admins as a line in the schedule (not its agenda). */
export const canSeeMeeting = (viewer: MeetingViewer, options: { agenda?: boolean } = {}): boolean =>
  viewer.isMember || (viewer.isAdmin && !options.agenda);

/** The commands on a meeting, each named by who may give it. */
export const canRunMeeting = (viewer: MeetingViewer): boolean => viewer.canRun;
export const canAssignRoles = (viewer: MeetingViewer): boolean => viewer.canAssign;
export const canCancelMeeting = (viewer: MeetingViewer): boolean => viewer.canManage;
/** Raising an item, marking attendance, changing one's own item: members of the house. */
export const canTakePart = (viewer: MeetingViewer): boolean => viewer.isMember;
export const canOrderAgenda = (viewer: MeetingViewer): boolean => viewer.isChair || viewer.isPeerLeader;
export const canWriteMinutes = (viewer: MeetingViewer): boolean => viewer.canRun;

type Item = { authorId: string | null; kind: string };

/** An item is reworded by the person who raised it. */
export const canRewordItem = (actor: Actor, item: Item): boolean => item.authorId === actor.personId;

/** An item comes off the agenda by its author before the meeting, or by the chair or peer leader while it is open. */
export function canRemoveItem(actor: Actor, viewer: MeetingViewer, item: Item, state: string): boolean {
  const mine = item.authorId === actor.personId && state === 'upcoming';
  const running =
    (viewer.isChair || viewer.isPeerLeader) && (state === 'upcoming' || state === 'in_progress');
  return mine || running;
}

/**
 * Attendance: the chair, the secretary or the peer leader marks anyone while the meeting runs (and
 * excuses anyone before it); a resident marks themself present while it runs, or excused before it.
 * Answers what refuses the mark, or null when it may be made.
 */
export function attendanceRefusal(
  actor: Actor,
  viewer: MeetingViewer,
  state: string,
  input: { personId: string; status: AttendanceStatus },
): 'forbidden' | 'meetings.attendance_self_present' | 'meetings.attendance_during_meeting' | null {
  const self = input.personId === actor.personId;
  const running = state === 'in_progress';
  const beforeExcused = state === 'upcoming' && input.status === 'excused';
  const allowed =
    (viewer.canRun && (running || beforeExcused)) ||
    (self && running && input.status === 'present') ||
    (self && beforeExcused);
  if (allowed) return null;
  if (!viewer.canRun && !self) return 'forbidden';
  return running ? 'meetings.attendance_self_present' : 'meetings.attendance_during_meeting';
}
