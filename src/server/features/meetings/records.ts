// Loading a house, a schedule or a meeting for the actor, by the rules of policy.ts: anyone the rules
// do not let see it is told it does not exist (a 404 that reveals nothing).
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { houseMeetingSeries, houseMeetings, residences } from '../../platform/database/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { canManageSchedule, canSeeMeeting, canSeeSchedule, type MeetingViewer, viewerOf } from './policy.ts';

export type HouseRef = { id: string; name: string; timeZone: string };
export type MeetingRow = typeof houseMeetings.$inferSelect & { timeZone: string; residenceName: string };
export type SeriesRow = typeof houseMeetingSeries.$inferSelect;

/** The residence, when the actor may see its schedule. */
export async function houseForSchedule(db: Executor, actor: Actor, residenceId: string): Promise<HouseRef> {
  if (!canSeeSchedule(actor, residenceId)) throw notFound('residence');
  const [house] = await db
    .select({ id: residences.id, name: residences.name, timeZone: residences.timeZone })
    .from(residences)
    .where(and(eq(residences.id, residenceId), eq(residences.organizationId, actor.organizationId)));
  if (!house) throw notFound('residence');
  return house;
}

/** The house, when the actor manages its schedule (peer leader, admin). */
export async function houseToManage(db: Executor, actor: Actor, residenceId: string): Promise<HouseRef> {
  if (!canManageSchedule(actor, residenceId)) throw notFound('residence');
  return await houseForSchedule(db, actor, residenceId);
}

/** A recurring meeting, when the actor manages its house's schedule. */
export async function seriesToManage(db: Executor, actor: Actor, id: string): Promise<SeriesRow> {
  const [series] = await db
    .select()
    .from(houseMeetingSeries)
    .where(and(eq(houseMeetingSeries.id, id), eq(houseMeetingSeries.organizationId, actor.organizationId)));
  if (!series || !canManageSchedule(actor, series.residenceId)) throw notFound('meeting series');
  return series;
}

/**
 * A meeting the actor may see, with what they are to it. With `agenda`, only members pass (admins see
 * no words); with `lock`, the meeting is locked for the rest of the transaction.
 */
export async function meetingForViewer(
  db: Executor,
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
  if (!canSeeMeeting(viewer, options)) throw notFound('meeting');
  return { meeting, viewer };
}
