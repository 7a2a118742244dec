// A meeting's agenda: the items raised on it, the standing items, and the follow-ups of the house's
// open commitments.
import { and, asc, eq, isNotNull, isNull, lt, max, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/executor.ts';
import { agendaItems, commitments } from '../../platform/database/schema.ts';
import type { MeetingRow } from './records.ts';

export type AgendaRow = typeof agendaItems.$inferSelect;

export const meetingIsOpen = (state: string) => state === 'upcoming' || state === 'in_progress';

export async function loadAgenda(db: Executor, meetingId: string): Promise<AgendaRow[]> {
  return await db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
}

/**
 * Holds the meeting's agenda for the rest of the transaction, so two people adding an item (or two
 * readers adding the follow-ups) never take the same place or add a follow-up twice. An advisory lock:
 * a reader does not lock the meeting's row, and the builder has no words for one.
 */
export async function holdAgenda(db: Executor, meetingId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`agenda:${meetingId}`}))`);
}

/** The place after the agenda's last item. */
export async function nextPosition(db: Executor, meetingId: string): Promise<number> {
  const [last] = await db
    .select({ position: max(agendaItems.position) })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId));
  return (last?.position ?? 0) + 1;
}

/**
 * Brings each open commitment of the house back as a follow-up item, once per meeting: commitments
 * made before this meeting (at an earlier meeting or outside one) and not yet done.
 */
export async function addFollowUps(db: Executor, meeting: MeetingRow): Promise<void> {
  if (!meetingIsOpen(meeting.state) || meeting.kind === 'emergency') return;
  await holdAgenda(db, meeting.id);
  const followedUp = db
    .select({ id: agendaItems.commitmentId })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meeting.id), isNotNull(agendaItems.commitmentId)));
  const open = await db
    .select({ id: commitments.id, description: commitments.description })
    .from(commitments)
    .where(
      and(
        eq(commitments.organizationId, meeting.organizationId),
        eq(commitments.residenceId, meeting.residenceId),
        isNull(commitments.doneAt),
        lt(commitments.createdAt, meeting.startsAt),
        or(isNull(commitments.meetingId), ne(commitments.meetingId, meeting.id)),
        notInArray(commitments.id, followedUp),
      ),
    )
    .orderBy(asc(commitments.createdAt));
  if (open.length === 0) return;
  const first = await nextPosition(db, meeting.id);
  await db.insert(agendaItems).values(
    open.map((c, i) => ({
      organizationId: meeting.organizationId,
      residenceId: meeting.residenceId,
      meetingId: meeting.id,
      kind: 'follow_up',
      title: c.description.slice(0, 140),
      commitmentId: c.id,
      position: first + i,
    })),
  );
}
