// Demo decisions: on each demo house's closed past meetings, the motions the members present voted on
// (carried or failed; no quorum when too few came) and the commitments peers made — all four kinds of
// support, older ones mostly done (each with its support ledger entry), the last week's still open, so
// they come back on the next agenda. Runs after the meetings seed; with no closed meetings it adds nothing.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { SUPPORT_KINDS, type SupportKind } from '../../../shared/domain/vocabulary.ts';
import type { Db } from '../../platform/database/connect.ts';
import {
  agendaItems,
  commitments,
  houseMeetings,
  meetingAttendance,
  memberships,
  motions,
  supportLedger,
  votes,
} from '../../platform/database/schema.ts';
import { resultOf } from '../decisions/motions.ts';
import { seededRandom } from './seed.ts';

type Tx = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update'>;

const HOW: Record<SupportKind, string[]> = {
  emotional: [
    'Will check in after work every day this week and listen',
    'Will sit with them before the Thursday court date',
    'Will call on Sunday evenings while the family visit is hard',
  ],
  informational: [
    'Will show how to apply for SNAP benefits online',
    'Will share the list of Tuesday-night meetings near the bus line',
    'Will help prepare for the job interview on Friday',
  ],
  instrumental: [
    'Will drive them to the Tuesday meeting',
    'Will teach how to cook three cheap dinners',
    'Will help fill in the housing application',
  ],
  affiliational: [
    'Will go to the Saturday morning meeting together',
    'Will organize a game night for the house',
    'Will take a walk in the park together after dinner',
  ],
};
const MOTIONS = [
  'Quiet hours start at 10 pm on weeknights',
  'A weekend kitchen rota, posted on the fridge',
  'House dinner together every Sunday',
  'Buy a second washing machine from the house fund',
  'Guests leave by 9 pm on weeknights',
  'Move the house meeting to Monday evenings',
];
const DONE_NOTES = ['We went together.', 'Done, and it helped.', 'Took two tries, but done.', null];

const dayMs = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

async function currentMemberIds(tx: Tx, organizationId: string, residenceId: string) {
  const rows = await tx
    .selectDistinct({ personId: memberships.personId, role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.residenceId, residenceId),
        inArray(memberships.role, ['resident', 'peer_leader']),
        isNull(memberships.endsOn),
      ),
    );
  return {
    members: [...new Set(rows.map((r) => r.personId))],
    residents: new Set(rows.filter((r) => r.role === 'resident').map((r) => r.personId)).size,
  };
}

type Meeting = typeof houseMeetings.$inferSelect;
type Item = typeof agendaItems.$inferSelect;
type Ctx = {
  tx: Tx;
  organizationId: string;
  random: () => number;
  pick: <T>(list: readonly T[]) => T;
  turn: { kind: number; motion: number };
};

/** On each problem item (or the first item), one or two peers present say how they will help. */
async function seedCommitments(
  ctx: Ctx,
  meeting: Meeting,
  items: Item[],
  helpers: string[],
  members: string[],
) {
  const { tx, organizationId, random, pick } = ctx;
  const ageDays = (Date.now() - meeting.startsAt.getTime()) / dayMs;
  const problemItems = items.filter((i) => i.kind === 'problem');
  const targets = problemItems.length > 0 ? problemItems : items.slice(0, 1);
  for (const item of targets) {
    const count = 1 + (random() < 0.4 ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const kind = SUPPORT_KINDS[ctx.turn.kind++ % SUPPORT_KINDS.length]!;
      const helperId = pick(helpers);
      const others = members.filter((m) => m !== helperId);
      const author = item.authorId && !item.anonymous && item.authorId !== helperId ? item.authorId : null;
      const helpedId = kind === 'affiliational' && random() < 0.5 ? null : (author ?? pick(others));
      const createdAt = new Date(meeting.startsAt.getTime() + 40 * 60_000);
      // Older commitments are mostly kept; the last week's are still open (they come back on the agenda).
      const done = ageDays > 10 && random() < 0.75;
      const doneAt = done ? new Date(createdAt.getTime() + Math.floor(1 + random() * 6) * dayMs) : null;
      const note = done ? pick(DONE_NOTES) : null;
      const [row] = await tx
        .insert(commitments)
        .values({
          organizationId,
          residenceId: meeting.residenceId,
          meetingId: meeting.id,
          agendaItemId: item.id,
          helperId,
          helpedId,
          description: pick(HOW[kind]),
          supportKind: kind,
          dueOn: isoDate(new Date(createdAt.getTime() + 7 * dayMs)),
          doneAt,
          doneNote: note,
          createdBy: meeting.secretaryId ?? meeting.chairId,
          createdAt,
        })
        .returning({ id: commitments.id });
      if (!doneAt) continue;
      await tx.insert(supportLedger).values({
        organizationId,
        residenceId: meeting.residenceId,
        giverId: helperId,
        receiverId: helpedId,
        supportKind: kind,
        source: 'commitment',
        commitmentId: row!.id,
        note,
        at: doneAt,
      });
    }
  }
}

/** A motion the members present voted on, counted against a majority of current residents. */
async function seedMotion(ctx: Ctx, meeting: Meeting, items: Item[], voters: string[], residents: number) {
  const { tx, organizationId, random } = ctx;
  const item = items.find((i) => i.kind === 'business') ?? null;
  const createdAt = new Date(meeting.startsAt.getTime() + 20 * 60_000);
  const [motion] = await tx
    .insert(motions)
    .values({
      organizationId,
      meetingId: meeting.id,
      agendaItemId: item?.id ?? null,
      text: MOTIONS[ctx.turn.motion++ % MOTIONS.length]!,
      movedBy: meeting.chairId,
      createdAt,
    })
    .returning({ id: motions.id });
  const leaning = random() < 0.7 ? 0.75 : 0.35;
  const tally = { for: 0, against: 0, abstain: 0 };
  for (const personId of voters) {
    const r = random();
    const choice = r < 0.1 ? 'abstain' : r < 0.1 + leaning * 0.9 ? 'for' : 'against';
    tally[choice]++;
    await tx
      .insert(votes)
      .values({ organizationId, motionId: motion!.id, personId, choice, castAt: createdAt });
  }
  const quorum = Math.floor(residents / 2) + 1;
  const presentCount = voters.length;
  await tx
    .update(motions)
    .set({
      state: 'closed',
      result: resultOf({ for: tally.for, against: tally.against, present: presentCount, quorum }),
      votesFor: tally.for,
      votesAgainst: tally.against,
      abstentions: tally.abstain,
      presentCount,
      quorum,
      closedAt: new Date(createdAt.getTime() + 10 * 60_000),
    })
    .where(eq(motions.id, motion!.id));
}

export async function seedDecisions(tx: Tx, organizationId: string): Promise<void> {
  // Its own generator, so adding decisions never shifts the other seeds' numbers.
  const random = seededRandom(4_2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const ctx: Ctx = { tx, organizationId, random, pick, turn: { kind: 0, motion: 0 } };
  const closed = await tx
    .select()
    .from(houseMeetings)
    .where(and(eq(houseMeetings.organizationId, organizationId), eq(houseMeetings.state, 'closed')))
    .orderBy(asc(houseMeetings.residenceId), asc(houseMeetings.startsAt));
  const houseSeen = new Map<string, number>();
  for (const meeting of closed) {
    const { members, residents } = await currentMemberIds(tx, organizationId, meeting.residenceId);
    if (members.length < 2) continue;
    const attendance = await tx
      .select({ personId: meetingAttendance.personId, status: meetingAttendance.status })
      .from(meetingAttendance)
      .where(eq(meetingAttendance.meetingId, meeting.id));
    const present = attendance.filter((a) => a.status === 'present').map((a) => a.personId);
    const helpers = present.filter((p) => members.includes(p));
    if (helpers.length === 0) continue;
    const items = await tx
      .select()
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id))
      .orderBy(asc(agendaItems.position));
    const nth = houseSeen.get(meeting.residenceId) ?? 0;
    houseSeen.set(meeting.residenceId, nth + 1);
    await seedCommitments(ctx, meeting, items, helpers, members);
    // A decision at every other meeting of a house.
    if (nth % 2 === 0) await seedMotion(ctx, meeting, items, present, residents);
  }
}
