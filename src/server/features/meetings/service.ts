// One house meeting's life: its detail (audited when it shows minutes), chair and secretary, start and
// close (publishing the minutes), cancelling, attendance. Each change locks the meeting, checks its
// rule (policy.ts), makes the change, audits it and answers the meeting as it now is, in one transaction.

import { eq } from 'drizzle-orm';
import type { AttendanceStatus, MeetingDetailView } from '../../../shared/contracts/meetings.ts';
import type { AuditAction } from '../../../shared/domain/audit-actions.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { agendaItems, houseMeetings, meetingAttendance } from '../../platform/database/schema.ts';
import { forbidden, invalidField, refuse } from '../../platform/errors.ts';
import { addFollowUps, followUpCommitments, loadAgenda, withoutRepeatedFollowUps } from './agenda.ts';
import { celebrationsFor } from './celebrations.ts';
import { currentMembers } from './members.ts';
import {
  attendanceRefusal,
  canAssignRoles,
  canCancelMeeting,
  canRunMeeting,
  canTakePart,
  type MeetingViewer,
  viewerOf,
} from './policy.ts';
import { namesOf, presentDetail } from './presenters.ts';
import { type MeetingRow, meetingForViewer } from './records.ts';

/** A change to a meeting in its audit log. An item raised without a name is audited without one too. */
export async function auditMeeting(
  db: Executor,
  actor: Actor,
  action: AuditAction,
  meetingId: string,
  options: { withoutName?: boolean } = {},
): Promise<void> {
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: options.withoutName ? null : actor.personId,
    action,
    subjectType: 'house_meeting',
    subjectId: meetingId,
    ...(options.withoutName ? { detail: { anonymous: true } } : {}),
  });
}

/** The meeting locked for a change, when the rule given lets the actor make it. */
export async function meetingToChange(
  tx: Executor,
  actor: Actor,
  meetingId: string,
  allowed: (viewer: MeetingViewer) => boolean,
): Promise<{ meeting: MeetingRow; viewer: MeetingViewer }> {
  const found = await meetingForViewer(tx, actor, meetingId, { lock: true });
  if (!allowed(found.viewer)) throw forbidden();
  return found;
}

async function attendanceOf(db: Executor, meeting: MeetingRow) {
  const members = await currentMembers(
    db,
    meeting.organizationId,
    meeting.residenceId,
    meeting.state === 'closed' && meeting.closedAt
      ? localDate(meeting.timeZone, meeting.closedAt)
      : meeting.localDate,
  );
  const marks = await db
    .select({ personId: meetingAttendance.personId, status: meetingAttendance.status })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meeting.id));
  const byPerson = new Map(marks.map((m) => [m.personId, m.status as AttendanceStatus]));
  const rows = members.map((m) => ({
    personId: m.personId,
    displayName: m.displayName,
    status: byPerson.get(m.personId) ?? null,
  }));
  // Someone marked at the meeting who has moved out since stays in its record.
  const gone = marks.filter((m) => !members.some((x) => x.personId === m.personId));
  if (gone.length > 0) {
    const names = await namesOf(
      db,
      gone.map((g) => g.personId),
    );
    for (const g of gone)
      rows.push({
        personId: g.personId,
        displayName: names.get(g.personId) ?? '',
        status: g.status as AttendanceStatus,
      });
  }
  return { members, rows };
}

/** A meeting already loaded, as the viewer may see it. Minutes of a closed meeting are an audited read. */
export async function detailOf(
  tx: Executor,
  actor: Actor,
  meeting: MeetingRow,
  viewer: MeetingViewer,
): Promise<MeetingDetailView> {
  if (!viewer.seesAgenda) {
    // An admin sees how many items there are, never their words.
    const agendaCount = await tx.$count(agendaItems, eq(agendaItems.meetingId, meeting.id));
    const names = await namesOf(tx, [meeting.chairId, meeting.secretaryId]);
    const detail = presentDetail({ meeting, viewer, personId: actor.personId, names, agenda: [] });
    return { ...detail, agendaCount };
  }
  await addFollowUps(tx, meeting);
  const stored = await loadAgenda(tx, meeting.id);
  // Follow-ups added twice before they were recognised as the same promise are shown once.
  const followed = await followUpCommitments(tx, stored);
  const agenda = withoutRepeatedFollowUps(stored, followed);
  const { members, rows } = await attendanceOf(tx, meeting);
  const celebrations = agenda.some((i) => i.kind === 'celebrations')
    ? await celebrationsFor(
        tx,
        actor,
        meeting,
        members.filter((m) => m.isResident),
      )
    : [];
  const names = await namesOf(tx, [
    meeting.chairId,
    meeting.secretaryId,
    ...agenda.map((i) => i.authorId),
    ...[...followed.values()].map((c) => c.helperId),
  ]);
  if (meeting.state === 'closed') await auditMeeting(tx, actor, 'meeting.minutes.read', meeting.id);
  return presentDetail({
    meeting,
    viewer,
    personId: actor.personId,
    names,
    agenda,
    attendance: rows,
    celebrations,
    followed,
  });
}

/** A meeting as the viewer may see it. */
export async function meetingDetail(db: Db, actor: Actor, meetingId: string): Promise<MeetingDetailView> {
  return await db.transaction(async (tx) => {
    const { meeting, viewer } = await meetingForViewer(tx, actor, meetingId);
    return await detailOf(tx, actor, meeting, viewer);
  });
}

type MeetingChange = Partial<typeof houseMeetings.$inferSelect>;

/**
 * A command on a meeting: the meeting locked, the rule checked, the change made (it answers the
 * meeting's columns it changed), audited, and the meeting as it now is.
 */
export async function meetingCommand(
  db: Db,
  actor: Actor,
  meetingId: string,
  allowed: (viewer: MeetingViewer) => boolean,
  action: AuditAction,
  change: (tx: Executor, meeting: MeetingRow, viewer: MeetingViewer) => Promise<MeetingChange | undefined>,
): Promise<MeetingDetailView> {
  return await db.transaction(async (tx) => {
    const { meeting, viewer } = await meetingToChange(tx, actor, meetingId, allowed);
    const changed = await change(tx, meeting, viewer);
    await auditMeeting(tx, actor, action, meeting.id);
    const now = changed ? { ...meeting, ...changed } : meeting;
    return await detailOf(tx, actor, now, changed ? viewerOf(actor, now) : viewer);
  });
}

async function setMeeting(tx: Executor, meetingId: string, values: MeetingChange): Promise<MeetingChange> {
  const [updated] = await tx
    .update(houseMeetings)
    .set(values)
    .where(eq(houseMeetings.id, meetingId))
    .returning();
  return updated ?? values;
}

export async function startMeeting(db: Db, actor: Actor, meetingId: string) {
  return await meetingCommand(db, actor, meetingId, canRunMeeting, 'meeting.start', async (tx, meeting) => {
    if (meeting.state !== 'upcoming') throw refuse('meetings.start_only_upcoming');
    return await setMeeting(tx, meeting.id, { state: 'in_progress', openedAt: new Date() });
  });
}

/** Closing publishes the minutes to the house; anyone not marked is recorded absent. */
export async function closeMeeting(db: Db, actor: Actor, meetingId: string) {
  return await meetingCommand(db, actor, meetingId, canRunMeeting, 'meeting.close', async (tx, meeting) => {
    if (meeting.state !== 'in_progress') throw refuse('meetings.close_only_in_progress');
    const members = await currentMembers(
      tx,
      meeting.organizationId,
      meeting.residenceId,
      localDate(meeting.timeZone),
    );
    if (members.length > 0) {
      await tx
        .insert(meetingAttendance)
        .values(
          members.map((m) => ({
            organizationId: meeting.organizationId,
            meetingId: meeting.id,
            personId: m.personId,
            status: 'absent',
            markedBy: actor.personId,
          })),
        )
        .onConflictDoNothing();
    }
    return await setMeeting(tx, meeting.id, { state: 'closed', closedAt: new Date() });
  });
}

export async function cancelMeeting(db: Db, actor: Actor, meetingId: string) {
  return await meetingCommand(
    db,
    actor,
    meetingId,
    canCancelMeeting,
    'meeting.cancel',
    async (tx, meeting) => {
      if (meeting.state !== 'upcoming') throw refuse('meetings.cancel_only_upcoming');
      return await setMeeting(tx, meeting.id, { state: 'cancelled' });
    },
  );
}

/** Whom a change of chair and secretary leaves in each seat. */
function seatsAfter(
  meeting: Pick<MeetingRow, 'chairId' | 'secretaryId'>,
  input: { chairId?: string | null | undefined; secretaryId?: string | null | undefined },
) {
  let chairId = input.chairId === undefined ? meeting.chairId : input.chairId;
  let secretaryId = input.secretaryId === undefined ? meeting.secretaryId : input.secretaryId;
  // Handing the chair to the secretary (or the reverse) swaps the two, so nobody holds both.
  if (input.secretaryId === undefined && chairId && chairId === secretaryId) secretaryId = meeting.chairId;
  if (input.chairId === undefined && secretaryId && chairId === secretaryId) chairId = meeting.secretaryId;
  return { chairId, secretaryId };
}

/** The chair or the peer leader hands the chair or the minutes to another member of the house. */
export async function assignRoles(
  db: Db,
  actor: Actor,
  meetingId: string,
  input: { chairId?: string | null | undefined; secretaryId?: string | null | undefined },
) {
  return await meetingCommand(db, actor, meetingId, canAssignRoles, 'meeting.assign', async (tx, meeting) => {
    if (meeting.state !== 'upcoming' && meeting.state !== 'in_progress') {
      throw refuse('meetings.roles_of_past_meeting');
    }
    const members = await currentMembers(
      tx,
      meeting.organizationId,
      meeting.residenceId,
      localDate(meeting.timeZone),
    );
    const ids = new Set(members.map((m) => m.personId));
    for (const field of ['chairId', 'secretaryId'] as const) {
      const id = input[field];
      if (id && !ids.has(id)) throw notAMember(field);
    }
    const seats = seatsAfter(meeting, input);
    if (seats.chairId && seats.chairId === seats.secretaryId) {
      throw invalidField(
        'secretaryId',
        'meetings.chair_is_secretary',
        'must be someone other than the chair',
      );
    }
    return await setMeeting(tx, meeting.id, seats);
  });
}

const notAMember = (field: string) =>
  invalidField(field, 'meetings.not_house_member', 'must be a current member of this house');

/** Attendance, by the rule of policy.ts: the people running the meeting mark anyone; a resident themself. */
export async function markAttendance(
  db: Db,
  actor: Actor,
  meetingId: string,
  input: { personId: string; status: AttendanceStatus },
) {
  return await meetingCommand(
    db,
    actor,
    meetingId,
    canTakePart,
    'meeting.attendance',
    async (tx, meeting, viewer) => {
      const refusal = attendanceRefusal(actor, viewer, meeting.state, input);
      if (refusal === 'forbidden') throw forbidden();
      if (refusal) throw refuse(refusal, { field: 'status' });
      const members = await currentMembers(
        tx,
        meeting.organizationId,
        meeting.residenceId,
        localDate(meeting.timeZone),
      );
      if (!members.some((m) => m.personId === input.personId)) throw notAMember('personId');
      await tx
        .insert(meetingAttendance)
        .values({
          organizationId: meeting.organizationId,
          meetingId: meeting.id,
          personId: input.personId,
          status: input.status,
          markedBy: actor.personId,
        })
        .onConflictDoUpdate({
          target: [meetingAttendance.meetingId, meetingAttendance.personId],
          set: { status: input.status, markedBy: actor.personId, markedAt: new Date() },
        });
      return undefined;
    },
  );
}
