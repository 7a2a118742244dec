// Decisions by vote: a motion, one vote per member present, and a count against the house's quorum.

import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { MotionResult, MotionView, VoteChoice } from '../../../shared/contracts/decisions.ts';
import type { AuditAction } from '../../../shared/domain/audit-actions.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  houseMeetingSettings,
  houseMeetings,
  meetingAttendance,
  motions,
  people,
  votes,
} from '../../platform/database/schema.ts';
import { refuse } from '../../platform/errors.ts';
import { displayNameOf } from '../people/presenters.ts';
import { canSeeHouseBusiness, takesVotes } from './policy.ts';
import {
  assertItemOfMeeting,
  assertRecordable,
  deniedAs,
  type MeetingForMember,
  quorumOf,
} from './records.ts';

/**
 * Motions of some meetings as a member sees them. Individual votes are never shown to anyone: a closed
 * motion shows its counts, an open one how many have voted; each viewer sees their own vote.
 */
export async function loadMotions(db: Executor, actor: Actor, meetingIds: string[], motionId?: string) {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .select({
      m: motions,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
      votesCast: db.$count(votes, eq(votes.motionId, motions.id)),
      // The viewer's own vote, and nobody else's: a correlated subquery.
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

export async function isPresent(db: Executor, organizationId: string, meetingId: string, personId: string) {
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
  if (settings && !settings.decidesByVote) throw refuse('decisions.house_decides_without_votes');
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

/**
 * The motion, locked for this transaction so a vote and the count never cross, with its meeting, when
 * the actor is a current member of its house (else 404, audited).
 */
async function motionToChange(db: Db, tx: Executor, actor: Actor, motionId: string, action: AuditAction) {
  const [row] = await tx
    .select({ motion: motions, meeting: houseMeetings })
    .from(motions)
    .innerJoin(houseMeetings, eq(houseMeetings.id, motions.meetingId))
    .where(and(eq(motions.id, motionId), eq(motions.organizationId, actor.organizationId)))
    .for('update', { of: motions });
  if (!row || !canSeeHouseBusiness(actor, row.meeting.residenceId)) {
    throw await deniedAs(db, actor, action, { type: 'motion', id: motionId });
  }
  return row;
}

export async function castVote(db: Db, actor: Actor, motionId: string, choice: VoteChoice) {
  return await db.transaction(async (tx) => {
    const { motion, meeting } = await motionToChange(db, tx, actor, motionId, 'vote.cast');
    if (!takesVotes(motion, meeting)) throw refuse('decisions.vote_closed', { field: 'choice' });
    if (!(await isPresent(tx, actor.organizationId, meeting.id, actor.personId))) {
      throw refuse('decisions.not_present', { field: 'choice' });
    }
    const inserted = await tx
      .insert(votes)
      .values({ organizationId: actor.organizationId, motionId: motion.id, personId: actor.personId, choice })
      .onConflictDoNothing()
      .returning({ motionId: votes.motionId });
    if (inserted.length === 0) throw refuse('decisions.already_voted', { field: 'choice' });
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

/** Members present now, and the votes of those still present, by choice. */
async function countVotes(tx: Executor, organizationId: string, meetingId: string, motionId: string) {
  const present = await tx.$count(
    meetingAttendance,
    and(
      eq(meetingAttendance.organizationId, organizationId),
      eq(meetingAttendance.meetingId, meetingId),
      eq(meetingAttendance.status, 'present'),
    ),
  );
  // Only the votes of members still marked present count.
  const tally = await tx
    .select({ choice: votes.choice, count: count() })
    .from(votes)
    .innerJoin(
      meetingAttendance,
      and(
        eq(meetingAttendance.meetingId, meetingId),
        eq(meetingAttendance.personId, votes.personId),
        eq(meetingAttendance.status, 'present'),
      ),
    )
    .where(eq(votes.motionId, motionId))
    .groupBy(votes.choice);
  const of = (choice: VoteChoice) => tally.find((t) => t.choice === choice)?.count ?? 0;
  return { present, for: of('for'), against: of('against'), abstain: of('abstain') };
}

export async function closeMotion(db: Db, actor: Actor, motionId: string) {
  return await db.transaction(async (tx) => {
    const { motion, meeting } = await motionToChange(db, tx, actor, motionId, 'motion.close');
    // A vote left open when the meeting closed can still be counted afterwards (attendance is final then).
    assertRecordable(actor, meeting, true);
    if (motion.state !== 'open') throw refuse('decisions.vote_closed');
    const counted = await countVotes(tx, actor.organizationId, meeting.id, motion.id);
    const quorum = await quorumOf(tx, actor.organizationId, meeting.residenceId);
    const result = resultOf({ ...counted, quorum });
    await tx
      .update(motions)
      .set({
        state: 'closed',
        result,
        votesFor: counted.for,
        votesAgainst: counted.against,
        abstentions: counted.abstain,
        presentCount: counted.present,
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
