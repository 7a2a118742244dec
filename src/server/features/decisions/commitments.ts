// Commitments — how peers will help each other — and the support ledger entry a done commitment starts.
import { and, asc, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CommitmentView, NewCommitment } from '../../../shared/contracts/decisions.ts';
import type { SupportKind } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  agendaItems,
  commitments,
  houseMeetings,
  people,
  supportLedger,
} from '../../platform/database/schema.ts';
import { invalidField, notFound, refuse } from '../../platform/errors.ts';
import { displayNameOf } from '../people/presenters.ts';
import { canMarkCommitmentDone, canSeeHouseBusiness } from './policy.ts';
import { assertItemOfMeeting, assertRecordable, currentMembers, type MeetingForMember } from './records.ts';

const helper = alias(people, 'helper');
const helped = alias(people, 'helped');

/** Commitments with their people, item and meeting, presented for the actor; `where` is ANDed with the organization. */
/** The columns every commitment read selects: the commitment, its people, its item and meeting. */
const commitmentColumns = {
  c: commitments,
  itemTitle: agendaItems.title,
  meetingTitle: houseMeetings.title,
  meetingDate: houseMeetings.localDate,
  helperFirst: helper.firstName,
  helperLast: helper.lastName,
  helperStyle: helper.nameStyle,
  helpedFirst: helped.firstName,
  helpedLast: helped.lastName,
  helpedStyle: helped.nameStyle,
};

function selectCommitments(db: Executor) {
  return db
    .select(commitmentColumns)
    .from(commitments)
    .innerJoin(helper, eq(helper.id, commitments.helperId))
    .leftJoin(helped, eq(helped.id, commitments.helpedId))
    .leftJoin(agendaItems, eq(agendaItems.id, commitments.agendaItemId))
    .leftJoin(houseMeetings, eq(houseMeetings.id, commitments.meetingId));
}
type CommitmentRow = Awaited<ReturnType<ReturnType<typeof selectCommitments>['execute']>>[number];

function presentCommitment(actor: Actor, r: CommitmentRow): CommitmentView {
  return {
    id: r.c.id,
    residenceId: r.c.residenceId,
    meetingId: r.c.meetingId,
    agendaItemId: r.c.agendaItemId,
    itemTitle: r.itemTitle,
    meetingTitle: r.meetingTitle,
    meetingDate: r.meetingDate,
    helper: {
      personId: r.c.helperId,
      displayName: displayNameOf({
        firstName: r.helperFirst,
        lastName: r.helperLast,
        nameStyle: r.helperStyle,
      }),
    },
    helped:
      r.c.helpedId && r.helpedFirst !== null
        ? {
            personId: r.c.helpedId,
            displayName: displayNameOf({
              firstName: r.helpedFirst,
              lastName: r.helpedLast ?? '',
              nameStyle: r.helpedStyle ?? 'first_last_initial',
            }),
          }
        : null,
    description: r.c.description,
    supportKind: r.c.supportKind as SupportKind,
    dueOn: r.c.dueOn,
    doneAt: r.c.doneAt?.toISOString() ?? null,
    doneNote: r.c.doneNote,
    createdAt: r.c.createdAt.toISOString(),
    canMarkDone: r.c.doneAt === null && canMarkCommitmentDone(actor, r.c),
  };
}

export async function loadCommitments(
  db: Executor,
  actor: Actor,
  where: SQL | undefined,
): Promise<CommitmentView[]> {
  const rows = await selectCommitments(db)
    .where(and(eq(commitments.organizationId, actor.organizationId), where))
    .orderBy(asc(commitments.doneAt), asc(commitments.dueOn), desc(commitments.createdAt))
    .limit(500);
  return rows.map((r) => presentCommitment(actor, r));
}

/**
 * Today's commitments (every resident's Today screen): the open ones of my houses that I give or that
 * are for me (or for the whole house), in one prepared statement; split into the two lists here.
 */
const prepareMine = (db: Db) =>
  selectCommitments(db)
    .where(
      and(
        eq(commitments.organizationId, sql.placeholder('organizationId')),
        isNull(commitments.doneAt),
        sql`${commitments.residenceId} = any(${sql.placeholder('residenceIds')}::uuid[])`,
        or(
          eq(commitments.helperId, sql.placeholder('personId')),
          eq(commitments.helpedId, sql.placeholder('personId')),
          isNull(commitments.helpedId),
        ),
      ),
    )
    .orderBy(asc(commitments.doneAt), asc(commitments.dueOn), desc(commitments.createdAt))
    .limit(1000)
    .prepare('hearth_my_open_commitments');
const preparedMine = new WeakMap<Db, ReturnType<typeof prepareMine>>();

const notAMember = (field: string) =>
  invalidField(field, 'decisions.not_house_member', 'is not a current member of this house');

export async function recordCommitment(
  db: Db,
  actor: Actor,
  meeting: MeetingForMember,
  input: NewCommitment,
) {
  assertRecordable(actor, meeting, true);
  return await db.transaction(async (tx) => {
    const members = new Set(
      (await currentMembers(tx, actor.organizationId, meeting.residenceId)).map((m) => m.personId),
    );
    if (!members.has(input.helperId)) throw notAMember('helperId');
    if (input.helpedId && !members.has(input.helpedId)) throw notAMember('helpedId');
    if (input.agendaItemId)
      await assertItemOfMeeting(tx, actor.organizationId, meeting.id, input.agendaItemId);
    const [row] = await tx
      .insert(commitments)
      .values({
        organizationId: actor.organizationId,
        residenceId: meeting.residenceId,
        meetingId: meeting.id,
        agendaItemId: input.agendaItemId ?? null,
        helperId: input.helperId,
        helpedId: input.helpedId ?? null,
        description: input.description,
        supportKind: input.supportKind,
        dueOn: input.dueOn ?? null,
        createdBy: actor.personId,
      })
      .returning({ id: commitments.id });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'commitment.record',
      subjectType: 'commitment',
      subjectId: row!.id,
      detail: { meetingId: meeting.id, supportKind: input.supportKind },
    });
    const [view] = await loadCommitments(tx, actor, eq(commitments.id, row!.id));
    return view!;
  });
}

/**
 * Marks a commitment done and writes the support ledger's entry for it, in one transaction. The ledger's
 * unique index on commitment_id keeps it to one entry even if two people press "done" at once.
 */
export async function markCommitmentDone(db: Db, actor: Actor, id: string, note: string | undefined) {
  return await db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(commitments)
      .where(and(eq(commitments.id, id), eq(commitments.organizationId, actor.organizationId)));
    if (!found || !canSeeHouseBusiness(actor, found.residenceId)) throw notFound('commitment');
    if (!canMarkCommitmentDone(actor, found)) throw refuse('decisions.not_helper');
    const doneAt = new Date();
    const [updated] = await tx
      .update(commitments)
      .set({ doneAt, doneNote: note || null })
      .where(and(eq(commitments.id, found.id), isNull(commitments.doneAt)))
      .returning({ id: commitments.id });
    if (!updated) throw refuse('decisions.already_done');
    await tx
      .insert(supportLedger)
      .values({
        organizationId: actor.organizationId,
        residenceId: found.residenceId,
        giverId: found.helperId,
        receiverId: found.helpedId,
        supportKind: found.supportKind,
        source: 'commitment',
        commitmentId: found.id,
        note: note || null,
        at: doneAt,
      })
      .onConflictDoNothing();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'commitment.done',
      subjectType: 'commitment',
      subjectId: found.id,
    });
    const [view] = await loadCommitments(tx, actor, eq(commitments.id, found.id));
    return view!;
  });
}

/** My open commitments: the ones I will keep, and the ones others made to help me (or the whole house). */
export async function myOpenCommitments(db: Db, actor: Actor, residenceIds: string[]) {
  if (residenceIds.length === 0) return { mine: [], forMe: [] };
  // Only the houses I live in or lead now: after moving out, a house's commitments stay with the house.
  let statement = preparedMine.get(db);
  if (!statement) {
    statement = prepareMine(db);
    preparedMine.set(db, statement);
  }
  const rows = await statement.execute({
    organizationId: actor.organizationId,
    residenceIds,
    personId: actor.personId,
  });
  const mine = rows.filter((r) => r.c.helperId === actor.personId).slice(0, 500);
  const forMe = rows.filter((r) => r.c.helperId !== actor.personId).slice(0, 500);
  return {
    mine: mine.map((r) => presentCommitment(actor, r)),
    forMe: forMe.map((r) => presentCommitment(actor, r)),
  };
}

/**
 * A house's open commitments, oldest meeting first: what the next meeting's agenda brings back as
 * follow-up items (features/meetings reads this).
 */
export async function listOpenCommitments(db: Executor, actor: Actor, residenceId: string) {
  return await loadCommitments(
    db,
    actor,
    and(eq(commitments.residenceId, residenceId), isNull(commitments.doneAt)),
  );
}
