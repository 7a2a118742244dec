// A meeting's agenda: the items raised on it, the standing items, and the follow-ups of the house's
// open commitments.
import { and, asc, eq, inArray, isNotNull, isNull, lt, max, ne, or, sql } from 'drizzle-orm';
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

/** Who committed to what, for whom: what makes two follow-ups the same one. */
export type FollowUpCommitment = { helperId: string; helpedId: string | null; description: string };

/**
 * The same promise made again (at the next meeting, or written twice) is one follow-up, not two: the
 * same helper, for the same person (or the whole house), in the same words, give or take case and spaces.
 */
export const followUpKey = (c: FollowUpCommitment) =>
  `${c.helperId}|${c.helpedId ?? ''}|${c.description.trim().replace(/\s+/g, ' ').toLowerCase()}`;

/** The commitments the agenda's follow-up items bring back, by commitment id. */
export async function followUpCommitments(
  db: Executor,
  agenda: AgendaRow[],
): Promise<Map<string, FollowUpCommitment>> {
  const ids = agenda.flatMap((i) => (i.kind === 'follow_up' && i.commitmentId ? [i.commitmentId] : []));
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: commitments.id,
      helperId: commitments.helperId,
      helpedId: commitments.helpedId,
      description: commitments.description,
    })
    .from(commitments)
    .where(inArray(commitments.id, ids));
  return new Map(rows.map(({ id, ...c }) => [id, c]));
}

/** The agenda with each follow-up once (the first of the same ones), the other items as they are. */
export function withoutRepeatedFollowUps(
  agenda: AgendaRow[],
  followed: Map<string, FollowUpCommitment>,
): AgendaRow[] {
  const seen = new Set<string>();
  return agenda.filter((item) => {
    const c = item.kind === 'follow_up' && item.commitmentId ? followed.get(item.commitmentId) : undefined;
    if (!c) return true;
    const key = followUpKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Brings each open commitment of the house back as a follow-up item, once per meeting: commitments
 * made before this meeting (at an earlier meeting or outside one) and not yet done — and the same
 * promise made twice comes back once.
 */
export async function addFollowUps(db: Executor, meeting: MeetingRow): Promise<void> {
  if (!meetingIsOpen(meeting.state) || meeting.kind === 'emergency') return;
  await holdAgenda(db, meeting.id);
  const followedUp = await db
    .select({
      id: commitments.id,
      helperId: commitments.helperId,
      helpedId: commitments.helpedId,
      description: commitments.description,
    })
    .from(agendaItems)
    .innerJoin(commitments, eq(commitments.id, agendaItems.commitmentId))
    .where(and(eq(agendaItems.meetingId, meeting.id), isNotNull(agendaItems.commitmentId)));
  const known = new Set(followedUp.map(followUpKey));
  const followedIds = new Set(followedUp.map((c) => c.id));
  const candidates = await db
    .select({
      id: commitments.id,
      helperId: commitments.helperId,
      helpedId: commitments.helpedId,
      description: commitments.description,
    })
    .from(commitments)
    .where(
      and(
        eq(commitments.organizationId, meeting.organizationId),
        eq(commitments.residenceId, meeting.residenceId),
        isNull(commitments.doneAt),
        lt(commitments.createdAt, meeting.startsAt),
        or(isNull(commitments.meetingId), ne(commitments.meetingId, meeting.id)),
      ),
    )
    .orderBy(asc(commitments.createdAt));
  const open = candidates.filter((c) => {
    if (followedIds.has(c.id)) return false;
    const key = followUpKey(c);
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
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
