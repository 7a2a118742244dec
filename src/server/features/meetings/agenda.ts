// A meeting's agenda: items residents raise (with or without their name), the standing items, the
// follow-ups of the house's open commitments, the celebrations of milestones, and the minutes per item.
import { and, asc, eq, gt, inArray, isNull, lt, lte, ne, notInArray, sql } from 'drizzle-orm';
import { milestoneFromKey } from '../../../shared/domain/milestones.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  agendaItems,
  commitments,
  houseMeetings,
  milestoneEvents,
  recoveryClocks,
} from '../../platform/database/schema.ts';
import { AppError, invalid, notFound } from '../../platform/errors.ts';
import { canSeeRecoveryTime } from '../journey/policy.ts';
import type { MeetingRow, Queryable } from './access.ts';
import type { HouseMember } from './members.ts';

export type AgendaRow = typeof agendaItems.$inferSelect;

export const meetingIsOpen = (state: string) => state === 'upcoming' || state === 'in_progress';

export async function loadAgenda(db: Queryable, meetingId: string): Promise<AgendaRow[]> {
  return await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
}

/**
 * Brings each open commitment of the house back as a follow-up item, once per meeting: commitments
 * made before this meeting (at an earlier meeting or outside one) and not yet done.
 */
export async function addFollowUps(db: Queryable, meeting: MeetingRow): Promise<void> {
  if (!meetingIsOpen(meeting.state) || meeting.kind === 'emergency') return;
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`agenda:${meeting.id}`}))`);
  const open = await db
    .select({ id: commitments.id, description: commitments.description })
    .from(commitments)
    .where(
      and(
        eq(commitments.organizationId, meeting.organizationId),
        eq(commitments.residenceId, meeting.residenceId),
        isNull(commitments.doneAt),
        lt(commitments.createdAt, meeting.startsAt),
        sql`${commitments.meetingId} is distinct from ${meeting.id}`,
        notInArray(
          commitments.id,
          sql`(select commitment_id from agenda_items where meeting_id = ${meeting.id} and commitment_id is not null)`,
        ),
      ),
    )
    .orderBy(asc(commitments.createdAt));
  if (open.length === 0) return;
  const [last] = await db
    .select({ max: sql<number>`coalesce(max(${agendaItems.position}), 0)::int` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id));
  let position = last?.max ?? 0;
  await db.insert(agendaItems).values(
    open.map((c) => ({
      organizationId: meeting.organizationId,
      residenceId: meeting.residenceId,
      meetingId: meeting.id,
      kind: 'follow_up',
      title: c.description.slice(0, 140),
      commitmentId: c.id,
      position: ++position,
    })),
  );
}

export async function addItem(
  db: Queryable,
  actor: Actor,
  meeting: MeetingRow,
  input: { title: string; details: string; anonymous: boolean },
): Promise<AgendaRow> {
  if (!meetingIsOpen(meeting.state)) {
    throw new AppError('conflict', 'This meeting is over; add it to the next one.', [
      { field: 'meetingId', message: 'This meeting is over; add it to the next one.' },
    ]);
  }
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`agenda:${meeting.id}`}))`);
  const [last] = await db
    .select({ max: sql<number>`coalesce(max(${agendaItems.position}), 0)::int` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meeting.id));
  const [item] = await db
    .insert(agendaItems)
    .values({
      organizationId: meeting.organizationId,
      residenceId: meeting.residenceId,
      meetingId: meeting.id,
      kind: 'problem',
      title: input.title,
      details: input.details,
      authorId: actor.personId,
      anonymous: input.anonymous,
      position: (last?.max ?? 0) + 1,
    })
    .returning();
  return item!;
}

export async function loadItem(db: Queryable, organizationId: string, itemId: string) {
  const [item] = await db
    .select({ item: agendaItems, meetingId: houseMeetings.id })
    .from(agendaItems)
    .innerJoin(houseMeetings, eq(houseMeetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.organizationId, organizationId)));
  if (!item) throw notFound('agenda item');
  return item.item;
}

/** The chair's order: every item of the meeting, exactly once. */
export async function reorder(db: Queryable, meetingId: string, itemIds: string[]): Promise<void> {
  const current = await db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  const known = new Set(current.map((c) => c.id));
  if (
    new Set(itemIds).size !== itemIds.length ||
    itemIds.length !== known.size ||
    !itemIds.every((id) => known.has(id))
  ) {
    throw invalid('itemIds', 'must list every item of this meeting exactly once');
  }
  for (const [i, id] of itemIds.entries()) {
    await db
      .update(agendaItems)
      .set({ position: i + 1, updatedAt: new Date() })
      .where(and(eq(agendaItems.id, id), eq(agendaItems.meetingId, meetingId)));
  }
}

export type Celebration = {
  personId: string;
  displayName: string;
  milestone: { key: string; unit: 'hours' | 'days' | 'months' | 'years'; count: number };
  reachedOn: string;
};

/**
 * Milestones the house's current residents reached since the house's previous meeting, up to this
 * one's day — only those whose recovery time the viewer may see (the person's chosen audience).
 */
export async function celebrationsFor(
  db: Queryable,
  actor: Actor,
  meeting: MeetingRow,
  members: HouseMember[],
): Promise<Celebration[]> {
  if (members.length === 0) return [];
  const [previous] = await db
    .select({ localDate: houseMeetings.localDate })
    .from(houseMeetings)
    .where(
      and(
        eq(houseMeetings.residenceId, meeting.residenceId),
        ne(houseMeetings.state, 'cancelled'),
        lt(houseMeetings.localDate, meeting.localDate),
      ),
    )
    .orderBy(sql`${houseMeetings.localDate} desc`)
    .limit(1);
  const since =
    previous?.localDate ??
    new Date(Date.parse(meeting.localDate) - 7 * 86_400_000).toISOString().slice(0, 10);
  const rows = await db
    .select({
      personId: milestoneEvents.personId,
      milestone: milestoneEvents.milestone,
      reachedOn: milestoneEvents.reachedOn,
      visibleTo: recoveryClocks.visibleTo,
    })
    .from(milestoneEvents)
    .innerJoin(recoveryClocks, eq(recoveryClocks.id, milestoneEvents.clockId))
    .where(
      and(
        eq(milestoneEvents.organizationId, meeting.organizationId),
        inArray(
          milestoneEvents.personId,
          members.map((m) => m.personId),
        ),
        isNull(recoveryClocks.archivedAt),
        gt(milestoneEvents.reachedOn, since),
        lte(milestoneEvents.reachedOn, meeting.localDate),
      ),
    )
    .orderBy(asc(milestoneEvents.reachedOn));
  const names = new Map(members.map((m) => [m.personId, m.displayName]));
  const seen: Celebration[] = [];
  for (const row of rows) {
    const owner = { personId: row.personId, residenceIds: [meeting.residenceId] };
    if (!canSeeRecoveryTime(actor, owner, row.visibleTo)) continue;
    const milestone = milestoneFromKey(row.milestone);
    if (!milestone) continue;
    seen.push({
      personId: row.personId,
      displayName: names.get(row.personId) ?? '',
      milestone: { key: milestone.key, unit: milestone.unit, count: milestone.count },
      reachedOn: row.reachedOn,
    });
  }
  return seen;
}
