// Who may see and do what with a house's meetings. Only the house's current members (residents and
// peer leaders) see its meetings and their words; an admin of the organization manages the schedule
// and sees when meetings happen, never agenda or minutes text; anyone else (another house, a
// counselor, another organization) is told the meeting does not exist.
import { and, eq } from 'drizzle-orm';
import { type Actor, hasRole, residencesWithRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { houseMeetings, residences } from '../../platform/database/schema.ts';
import { notFound } from '../../platform/errors.ts';

export type Queryable = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export const isHouseMember = (actor: Actor, residenceId: string) =>
  residencesWithRole(actor, 'resident').includes(residenceId) ||
  residencesWithRole(actor, 'peer_leader').includes(residenceId);

export const leadsHouse = (actor: Actor, residenceId: string) =>
  residencesWithRole(actor, 'peer_leader').includes(residenceId);

/** The schedule: the house's peer leaders and the organization's admins. */
export const canManageSchedule = (actor: Actor, residenceId: string) =>
  hasRole(actor, 'org_admin') || leadsHouse(actor, residenceId);

/** Sees that the house's meetings exist (when, who chairs): members and admins. */
export const canSeeSchedule = (actor: Actor, residenceId: string) =>
  isHouseMember(actor, residenceId) || hasRole(actor, 'org_admin');

export type HouseRef = { id: string; name: string; timeZone: string };

/** The residence, when the actor may see its schedule; otherwise a 404 that reveals nothing. */
export async function houseForSchedule(db: Queryable, actor: Actor, residenceId: string): Promise<HouseRef> {
  if (!canSeeSchedule(actor, residenceId)) throw notFound('residence');
  const [house] = await db
    .select({ id: residences.id, name: residences.name, timeZone: residences.timeZone })
    .from(residences)
    .where(and(eq(residences.id, residenceId), eq(residences.organizationId, actor.organizationId)));
  if (!house) throw notFound('residence');
  return house;
}

/** The house, when the actor manages its schedule (peer leader, admin); 404 for any other house. */
export async function houseToManage(db: Queryable, actor: Actor, residenceId: string): Promise<HouseRef> {
  if (!canManageSchedule(actor, residenceId)) throw notFound('residence');
  return await houseForSchedule(db, actor, residenceId);
}

export type MeetingRow = typeof houseMeetings.$inferSelect & { timeZone: string; residenceName: string };

/** What the viewer is to this meeting. */
export type MeetingViewer = {
  isMember: boolean;
  isChair: boolean;
  isSecretary: boolean;
  isPeerLeader: boolean;
  isAdmin: boolean;
  canRun: boolean;
  canAssign: boolean;
  canManage: boolean;
  seesAgenda: boolean;
};

export function viewerOf(actor: Actor, meeting: Pick<MeetingRow, 'residenceId' | 'chairId' | 'secretaryId'>) {
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
  } satisfies MeetingViewer;
}

/**
 * A meeting the actor may see (members and admins), with what they are to it. Another house, a
 * counselor or another organization gets a 404. With `agenda`, only members pass (admins see no words).
 */
export async function meetingForViewer(
  db: Queryable,
  actor: Actor,
  meetingId: string,
  options: { agenda?: boolean; lock?: boolean } = {},
): Promise<{ meeting: MeetingRow; viewer: MeetingViewer }> {
  const query = db
    .select({ meeting: houseMeetings, timeZone: residences.timeZone, residenceName: residences.name })
    .from(houseMeetings)
    .innerJoin(residences, eq(residences.id, houseMeetings.residenceId))
    .where(and(eq(houseMeetings.id, meetingId), eq(houseMeetings.organizationId, actor.organizationId)));
  const [row] = options.lock ? await query.for('update', { of: houseMeetings }) : await query;
  if (!row) throw notFound('meeting');
  const meeting = { ...row.meeting, timeZone: row.timeZone, residenceName: row.residenceName };
  const viewer = viewerOf(actor, meeting);
  if (!viewer.isMember && !(viewer.isAdmin && !options.agenda)) throw notFound('meeting');
  return { meeting, viewer };
}
