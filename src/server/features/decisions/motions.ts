// Decisions by vote: a motion, one vote per member present, and a count against the house's quorum.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import {
  DECISION_MESSAGES,
  type MotionResult,
  type MotionView,
  type VoteChoice,
} from '../../../shared/contracts/decisions.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import {
  houseMeetingSettings,
  meetingAttendance,
  motions,
  people,
  votes,
} from '../../platform/database/schema.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { displayNameOf } from '../people/presenters.ts';
import { assertItemOfMeeting, type MeetingForMember, meetingForMember, quorumOf } from './access.ts';
import { assertRecordable } from './commitments.ts';

type Reader = Pick<Db, 'select'>;

/**
 * Motions of some meetings as a member sees them. Individual votes are never shown to anyone: a closed
 * motion shows its counts, an open one how many have voted; each viewer sees their own vote.
 */
export async function loadMotions(db: Reader, actor: Actor, meetingIds: string[], motionId?: string) {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .select({
      m: motions,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
      votesCast: sql<number>`(select count(*)::int from ${votes} v where v.motion_id = ${motions.id})`,
      myVote: sql<VoteChoice | null>`(select v.choice from ${votes} v where v.motion_id = ${motions.id} and v.person_id = ${actor.personId})`,
    })
    .from(motions)
    .leftJoin(people, eq(people.id, motions.movedBy))
    .where(
      and(
        eq(motions.organizationId, actor.organizationId),
        inArray(motions.meetingId, meetingIds),
        motionId ? eq(motions.id, motionId) : undefined,
      ),
    )
    .orderBy(asc(motions.createdAt), asc(motions.id));
  return rows.map(
    (r): MotionView => ({
      id: r.m.id,
      meetingId: r.m.meetingId,
      agendaItemId: r.m.agendaItemId,
      text: r.m.text,
      movedBy:
        r.m.movedBy && r.firstName !== null
          ? {
              personId: r.m.movedBy,
              displayName: displayNameOf({
                firstName: r.firstName,
                lastName: r.lastName ?? '',
                nameStyle: r.nameStyle ?? 'first_last_initial',
              }),
            }
          : null,
      state: r.m.state as 'open' | 'closed',
      result: r.m.result as MotionResult | null,
      votesFor: r.m.votesFor,
      votesAgainst: r.m.votesAgainst,
      abstentions: r.m.abstentions,
      presentCount: r.m.presentCount,
      quorum: r.m.quorum,
      votesCast: r.votesCast,
      myVote: r.myVote,
      createdAt: r.m.createdAt.toISOString(),
      closedAt: r.m.closedAt?.toISOString() ?? null,
    }),
  );
}

export async function isPresent(db: Reader, organizationId: string, meetingId: string, personId: string) {
  const [row] = await db
    .select({ status: meetingAttendance.status })
    .from(meetingAttendance)
    .where(
      and(
        eq(meetingAttendance.organizationId, organizationId),
        eq(meetingAttendance.meetingId, meetingId),
        eq(meetingAttendance.personId, personId),
      ),
    );
  return row?.status === 'present';
}

export async function proposeMotion(
  db: Db,
  actor: Actor,
  meeting: MeetingForMember,
  input: { text: string; agendaItemId?: string | null | undefined },
) {
  assertRecordable(actor, meeting, false);
  const [settings] = await db
    .select({ decidesByVote: houseMeetingSettings.decidesByVote })
    .from(houseMeetingSettings)
    .where(
      and(
        eq(houseMeetingSettings.organizationId, actor.organizationId),
        eq(houseMeetingSettings.residenceId, meeting.residenceId),
      ),
    );
  if (settings && !settings.decidesByVote)
    throw conflict('This house has chosen not to decide by vote at its meetings.');
  return await db.transaction(async (tx) => {
    if (input.agendaItemId)
      await assertItemOfMeeting(tx, actor.organizationId, meeting.id, input.agendaItemId);
    const [row] = await tx
      .insert(motions)
      .values({
        organizationId: actor.organizationId,
        meetingId: meeting.id,
        agendaItemId: input.agendaItemId ?? null,
        text: input.text,
        movedBy: actor.personId,
      })
      .returning({ id: motions.id });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'motion.propose',
      subjectType: 'motion',
      subjectId: row!.id,
      detail: { meetingId: meeting.id },
    });
    const [view] = await loadMotions(tx, actor, [meeting.id], row!.id);
    return view!;
  });
}

/** The motion's meeting, when the actor is a current member of its house (else 404, audited). */
async function meetingOfMotion(db: Db, actor: Actor, motionId: string, action: string) {
  const [found] = await db
    .select({ meetingId: motions.meetingId })
    .from(motions)
    .where(and(eq(motions.id, motionId), eq(motions.organizationId, actor.organizationId)));
  return await meetingForMember(db, actor, found?.meetingId ?? motionId, action).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'not_found' ? notFound('motion') : error;
  });
}

/** The motion, locked for this transaction so a vote and the count never cross. */
async function lockedMotion(tx: Reader, actor: Actor, motionId: string) {
  const [motion] = await tx
    .select()
    .from(motions)
    .where(and(eq(motions.id, motionId), eq(motions.organizationId, actor.organizationId)))
    .for('update');
  if (!motion) throw notFound('motion');
  return motion;
}

export async function castVote(db: Db, actor: Actor, motionId: string, choice: VoteChoice) {
  const meeting = await meetingOfMotion(db, actor, motionId, 'vote.cast');
  return await db.transaction(async (tx) => {
    const motion = await lockedMotion(tx, actor, motionId);
    if (motion.state !== 'open' || meeting.state !== 'in_progress') {
      throw conflict(DECISION_MESSAGES.motionClosed, 'choice');
    }
    if (!(await isPresent(tx, actor.organizationId, meeting.id, actor.personId))) {
      throw new AppError('forbidden', DECISION_MESSAGES.notPresent, [
        { field: 'choice', message: DECISION_MESSAGES.notPresent },
      ]);
    }
    const inserted = await tx
      .insert(votes)
      .values({ organizationId: actor.organizationId, motionId: motion.id, personId: actor.personId, choice })
      .onConflictDoNothing()
      .returning({ motionId: votes.motionId });
    if (inserted.length === 0) throw conflict(DECISION_MESSAGES.alreadyVoted, 'choice');
    // The audit says that a vote was cast, never which way.
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'vote.cast',
      subjectType: 'motion',
      subjectId: motion.id,
    });
    const [view] = await loadMotions(tx, actor, [meeting.id], motion.id);
    return view!;
  });
}

/** carried: more for than against among members present, with a quorum present; else failed or no_quorum. */
export function resultOf(counts: {
  for: number;
  against: number;
  present: number;
  quorum: number;
}): MotionResult {
  if (counts.present < counts.quorum) return 'no_quorum';
  return counts.for > counts.against ? 'carried' : 'failed';
}

export async function closeMotion(db: Db, actor: Actor, motionId: string) {
  const meeting = await meetingOfMotion(db, actor, motionId, 'motion.close');
  return await db.transaction(async (tx) => {
    const motion = await lockedMotion(tx, actor, motionId);
    // A vote left open when the meeting closed can still be counted afterwards (attendance is final then).
    assertRecordable(actor, meeting, true);
    if (motion.state !== 'open') throw conflict(DECISION_MESSAGES.motionClosed, 'id');
    const [present] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(meetingAttendance)
      .where(
        and(
          eq(meetingAttendance.organizationId, actor.organizationId),
          eq(meetingAttendance.meetingId, meeting.id),
          eq(meetingAttendance.status, 'present'),
        ),
      );
    // Only the votes of members still marked present count.
    const tally = await tx
      .select({ choice: votes.choice, count: sql<number>`count(*)::int` })
      .from(votes)
      .innerJoin(
        meetingAttendance,
        and(
          eq(meetingAttendance.meetingId, meeting.id),
          eq(meetingAttendance.personId, votes.personId),
          eq(meetingAttendance.status, 'present'),
        ),
      )
      .where(eq(votes.motionId, motion.id))
      .groupBy(votes.choice);
    const count = (c: VoteChoice) => tally.find((t) => t.choice === c)?.count ?? 0;
    const quorum = await quorumOf(tx, actor.organizationId, meeting.residenceId);
    const presentCount = present?.count ?? 0;
    const result = resultOf({ for: count('for'), against: count('against'), present: presentCount, quorum });
    await tx
      .update(motions)
      .set({
        state: 'closed',
        result,
        votesFor: count('for'),
        votesAgainst: count('against'),
        abstentions: count('abstain'),
        presentCount,
        quorum,
        closedAt: new Date(),
      })
      .where(eq(motions.id, motion.id));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'motion.close',
      subjectType: 'motion',
      subjectId: motion.id,
      detail: { result },
    });
    const [view] = await loadMotions(tx, actor, [meeting.id], motion.id);
    return view!;
  });
}
