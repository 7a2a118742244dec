// One house meeting's life: the house's list, a meeting's detail (audited when it shows minutes),
// chair and secretary, start and close (publishing the minutes), cancelling, attendance.
import { eq, sql } from 'drizzle-orm';
import type { AttendanceStatus, MeetingDetailView } from '../../../shared/contracts/meetings.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { agendaItems, houseMeetings, meetingAttendance } from '../../platform/database/schema.ts';
import { AppError, conflict, forbidden, invalid } from '../../platform/errors.ts';
import { type MeetingRow, type MeetingViewer, meetingForViewer, type Queryable } from './access.ts';
import { addFollowUps, celebrationsFor, loadAgenda } from './agenda.ts';
import { currentMembers } from './members.ts';
import { namesOf, presentDetail } from './presenters.ts';

const audit = (
  db: Pick<Db, 'insert'>,
  actor: Actor,
  action: string,
  meetingId: string,
  detail?: Record<string, string | number | boolean | null>,
) =>
  recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action,
    subjectType: 'house_meeting',
    subjectId: meetingId,
    ...(detail ? { detail } : {}),
  });

async function attendanceOf(db: Queryable, meeting: MeetingRow) {
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

/** A meeting as the viewer may see it. Minutes of a closed meeting are an audited read. */
export async function meetingDetail(db: Db, actor: Actor, meetingId: string): Promise<MeetingDetailView> {
  return await db.transaction(async (tx) => {
    const { meeting, viewer } = await meetingForViewer(tx, actor, meetingId);
    if (viewer.seesAgenda) await addFollowUps(tx, meeting);
    const agenda = viewer.seesAgenda ? await loadAgenda(tx, meeting.id) : [];
    const { members, rows } = viewer.seesAgenda ? await attendanceOf(tx, meeting) : { members: [], rows: [] };
    const celebrations =
      viewer.seesAgenda && agenda.some((i) => i.kind === 'celebrations')
        ? await celebrationsFor(
            tx,
            actor,
            meeting,
            members.filter((m) => m.isResident),
          )
        : [];
    const names = await namesOf(tx, [meeting.chairId, meeting.secretaryId, ...agenda.map((i) => i.authorId)]);
    if (viewer.seesAgenda && meeting.state === 'closed') {
      await audit(tx, actor, 'meeting.minutes.read', meeting.id);
    }
    // Agenda counts for an admin come without the words.
    const detail = presentDetail({
      meeting,
      viewer,
      personId: actor.personId,
      names,
      agenda,
      attendance: rows,
      celebrations,
    });
    if (!viewer.seesAgenda) {
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(agendaItems)
        .where(eq(agendaItems.meetingId, meeting.id));
      detail.agendaCount = count?.n ?? 0;
    }
    return detail;
  });
}

type Guard = (viewer: MeetingViewer) => boolean;

/** Loads the meeting locked for a change, checks the viewer may make it, runs it, audits it. */
export async function changeMeeting<T>(
  db: Db,
  actor: Actor,
  meetingId: string,
  allowed: Guard,
  action: string,
  change: (tx: Queryable, meeting: MeetingRow, viewer: MeetingViewer) => Promise<T>,
  options: { withoutName?: boolean } = {},
): Promise<T> {
  return await db.transaction(async (tx) => {
    const { meeting, viewer } = await meetingForViewer(tx, actor, meetingId, { lock: true });
    if (!allowed(viewer)) throw forbidden();
    const result = await change(tx, meeting, viewer);
    // An item raised without a name is audited without one too: the audit log must not undo it.
    if (options.withoutName) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorId: null,
        action,
        subjectType: 'house_meeting',
        subjectId: meeting.id,
        detail: { anonymous: true },
      });
    } else await audit(tx, actor, action, meeting.id);
    return result;
  });
}

const notInState = (message: string) => conflict(message, 'state');

export async function startMeeting(db: Db, actor: Actor, meetingId: string) {
  await changeMeeting(
    db,
    actor,
    meetingId,
    (v) => v.canRun,
    'meeting.start',
    async (tx, meeting) => {
      if (meeting.state !== 'upcoming') throw notInState('Only an upcoming meeting can be started.');
      const [started] = await tx
        .update(houseMeetings)
        .set({ state: 'in_progress', openedAt: new Date() })
        .where(eq(houseMeetings.id, meeting.id))
        .returning();
      await addFollowUps(tx, { ...meeting, ...started! });
    },
  );
}

/** Closing publishes the minutes to the house; anyone not marked is recorded absent. */
export async function closeMeeting(db: Db, actor: Actor, meetingId: string) {
  await changeMeeting(
    db,
    actor,
    meetingId,
    (v) => v.canRun,
    'meeting.close',
    async (tx, meeting) => {
      if (meeting.state !== 'in_progress') throw notInState('Only a meeting in progress can be closed.');
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
      await tx
        .update(houseMeetings)
        .set({ state: 'closed', closedAt: new Date() })
        .where(eq(houseMeetings.id, meeting.id));
    },
  );
}

export async function cancelMeeting(db: Db, actor: Actor, meetingId: string) {
  await changeMeeting(
    db,
    actor,
    meetingId,
    (v) => v.canManage,
    'meeting.cancel',
    async (tx, meeting) => {
      if (meeting.state !== 'upcoming') throw notInState('Only an upcoming meeting can be cancelled.');
      await tx.update(houseMeetings).set({ state: 'cancelled' }).where(eq(houseMeetings.id, meeting.id));
    },
  );
}

/** The chair or the peer leader hands the chair or the minutes to another member of the house. */
export async function assignRoles(
  db: Db,
  actor: Actor,
  meetingId: string,
  input: { chairId?: string | null | undefined; secretaryId?: string | null | undefined },
) {
  await changeMeeting(
    db,
    actor,
    meetingId,
    (v) => v.canAssign,
    'meeting.assign',
    async (tx, meeting) => {
      if (meeting.state !== 'upcoming' && meeting.state !== 'in_progress') {
        throw notInState('The chair and secretary of a past meeting stay as they were.');
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
        if (id && !ids.has(id)) throw invalid(field, 'must be a current member of this house');
      }
      let chairId = input.chairId === undefined ? meeting.chairId : input.chairId;
      let secretaryId = input.secretaryId === undefined ? meeting.secretaryId : input.secretaryId;
      // Handing the chair to the secretary (or the reverse) swaps the two, so nobody holds both.
      if (input.secretaryId === undefined && chairId && chairId === secretaryId)
        secretaryId = meeting.chairId;
      if (input.chairId === undefined && secretaryId && chairId === secretaryId)
        chairId = meeting.secretaryId;
      if (chairId && chairId === secretaryId)
        throw invalid('secretaryId', 'must be someone other than the chair');
      await tx.update(houseMeetings).set({ chairId, secretaryId }).where(eq(houseMeetings.id, meeting.id));
    },
  );
}

/**
 * Attendance: the chair, the secretary or the peer leader marks anyone in the house while the meeting
 * runs; a resident marks themself present from their phone while it runs, or excused before it starts.
 */
export async function markAttendance(
  db: Db,
  actor: Actor,
  meetingId: string,
  input: { personId: string; status: AttendanceStatus },
) {
  await changeMeeting(
    db,
    actor,
    meetingId,
    (v) => v.isMember,
    'meeting.attendance',
    async (tx, meeting, viewer) => {
      const self = input.personId === actor.personId;
      const running = meeting.state === 'in_progress';
      const allowed =
        (viewer.canRun && (running || (meeting.state === 'upcoming' && input.status === 'excused'))) ||
        (self && running && input.status === 'present') ||
        (self && meeting.state === 'upcoming' && input.status === 'excused');
      if (!allowed) {
        if (!viewer.canRun && !self) throw forbidden();
        throw new AppError(
          'conflict',
          running
            ? 'You can mark yourself present; the secretary marks the rest.'
            : 'Attendance is taken while the meeting is in progress.',
          [{ field: 'status', message: 'cannot be set now' }],
        );
      }
      const members = await currentMembers(
        tx,
        meeting.organizationId,
        meeting.residenceId,
        localDate(meeting.timeZone),
      );
      if (!members.some((m) => m.personId === input.personId)) {
        throw invalid('personId', 'must be a current member of this house');
      }
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
    },
  );
}
