// The changes people make to a meeting's agenda: raising an item (with or without their name), putting
// the agenda in order, writing an item's minutes or rewording it, and taking it off. Each locks the
// meeting, checks its rule (policy.ts) and audits, in one transaction; items are loaded once.

import { and, eq } from 'drizzle-orm';
import type { AuditAction } from '../../../shared/domain/audit-actions.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { agendaItems } from '../../platform/database/schema.ts';
import { forbidden, invalidField, notFound, refuse } from '../../platform/errors.ts';
import { type AgendaRow, holdAgenda, meetingIsOpen, nextPosition } from './agenda.ts';
import {
  canOrderAgenda,
  canRemoveItem,
  canRewordItem,
  canTakePart,
  canWriteMinutes,
  type MeetingViewer,
} from './policy.ts';
import type { MeetingRow } from './records.ts';
import { auditMeeting, meetingCommand, meetingToChange } from './service.ts';

/** An item with the viewer's standing at its meeting: what the routes present. */
export type ItemForViewer = { item: AgendaRow; viewer: MeetingViewer };

export async function addAgendaItem(
  db: Db,
  actor: Actor,
  meetingId: string,
  input: { title: string; details: string; anonymous: boolean },
): Promise<ItemForViewer> {
  return await db.transaction(async (tx) => {
    const { meeting, viewer } = await meetingToChange(tx, actor, meetingId, canTakePart);
    if (!meetingIsOpen(meeting.state)) throw refuse('meetings.meeting_over');
    await holdAgenda(tx, meeting.id);
    const [item] = await tx
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
        position: await nextPosition(tx, meeting.id),
      })
      .returning();
    await auditMeeting(tx, actor, 'agenda_item.add', meeting.id, { withoutName: input.anonymous });
    return { item: item!, viewer };
  });
}

/** The chair's order: every item of the meeting, exactly once. */
export async function orderAgenda(db: Db, actor: Actor, meetingId: string, itemIds: string[]) {
  return await meetingCommand(db, actor, meetingId, canOrderAgenda, 'agenda.order', async (tx, meeting) => {
    if (!meetingIsOpen(meeting.state)) throw refuse('meetings.agenda_of_past_meeting');
    const current = await tx
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meeting.id));
    const known = new Set(current.map((c) => c.id));
    if (
      new Set(itemIds).size !== itemIds.length ||
      itemIds.length !== known.size ||
      !itemIds.every((id) => known.has(id))
    ) {
      throw invalidField(
        'itemIds',
        'meetings.order_every_item',
        'must list every item of this meeting exactly once',
      );
    }
    for (const [i, id] of itemIds.entries()) {
      await tx
        .update(agendaItems)
        .set({ position: i + 1, updatedAt: new Date() })
        .where(and(eq(agendaItems.id, id), eq(agendaItems.meetingId, meeting.id)));
    }
    return undefined;
  });
}

/**
 * An item and its meeting, locked for a change by a member of the house; the change is audited without
 * a name when the item's author raised it without one.
 */
async function itemCommand<T>(
  db: Db,
  actor: Actor,
  itemId: string,
  action: AuditAction,
  change: (tx: Executor, item: AgendaRow, meeting: MeetingRow, viewer: MeetingViewer) => Promise<T>,
): Promise<T> {
  return await db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.id, itemId), eq(agendaItems.organizationId, actor.organizationId)));
    if (!item) throw notFound('agenda item');
    const { meeting, viewer } = await meetingToChange(tx, actor, item.meetingId, canTakePart);
    const result = await change(tx, item, meeting, viewer);
    const withoutName = item.anonymous && item.authorId === actor.personId;
    await auditMeeting(tx, actor, action, meeting.id, { withoutName });
    return result;
  });
}

/** Minutes, by the people running the meeting while it runs; or the author's own words, before it. */
export async function updateAgendaItem(
  db: Db,
  actor: Actor,
  itemId: string,
  changes: { title?: string | undefined; details?: string | undefined; minutes?: string | undefined },
): Promise<ItemForViewer> {
  const { minutes, title, details } = changes;
  return await itemCommand(db, actor, itemId, 'agenda_item.update', async (tx, item, meeting, viewer) => {
    if (minutes !== undefined) {
      if (!canWriteMinutes(viewer)) throw forbidden();
      if (meeting.state !== 'in_progress')
        throw refuse('meetings.minutes_during_meeting', { field: 'minutes' });
    }
    if (title !== undefined || details !== undefined) {
      if (!canRewordItem(actor, item)) throw forbidden();
      if (meeting.state !== 'upcoming') throw refuse('meetings.reword_before_meeting', { field: 'title' });
    }
    const [updated] = await tx
      .update(agendaItems)
      .set({
        ...(minutes !== undefined ? { minutes } : {}),
        ...(title !== undefined ? { title } : {}),
        ...(details !== undefined ? { details } : {}),
        updatedAt: new Date(),
      })
      .where(eq(agendaItems.id, item.id))
      .returning();
    return { item: updated ?? item, viewer };
  });
}

/** Standing items and follow-ups stay; a raised item comes off by the rule of policy.ts. */
export async function removeAgendaItem(db: Db, actor: Actor, itemId: string): Promise<void> {
  await itemCommand(db, actor, itemId, 'agenda_item.remove', async (tx, item, meeting, viewer) => {
    if (!canRemoveItem(actor, viewer, item, meeting.state)) throw forbidden();
    if (item.kind !== 'problem') throw refuse('meetings.standing_item_stays');
    await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
  });
}
