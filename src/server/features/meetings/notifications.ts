// In-app notifications: the house-meeting reminder each member gets before a meeting (a pg-boss job,
// idempotent per person and meeting), the list a person reads, and marking one read.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { NotificationListView } from '../../../shared/contracts/meetings.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { houseMeetings, notifications, residences } from '../../platform/database/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { currentMembers } from './members.ts';

export const MEETING_REMINDER = 'meeting_reminder';
const DEFAULT_REMINDER_MINUTES = 120;

/**
 * Reminds every current member of a house of a meeting that starts within the house's reminder time
 * (house_meeting_settings.reminder_minutes, default 120; 0 turns reminders off). Running it twice sends
 * nothing new: one notification per person and meeting (dedupe_key), and the meeting is marked reminded.
 */
export async function sendMeetingReminders(db: Db, now: Date = new Date()): Promise<number> {
  const due = await db
    .select({
      id: houseMeetings.id,
      organizationId: houseMeetings.organizationId,
      residenceId: houseMeetings.residenceId,
      startsAt: houseMeetings.startsAt,
      timeZone: residences.timeZone,
    })
    .from(houseMeetings)
    .innerJoin(residences, eq(residences.id, houseMeetings.residenceId))
    .leftJoin(sql`house_meeting_settings s`, sql`s.residence_id = ${houseMeetings.residenceId}`)
    .where(
      and(
        eq(houseMeetings.state, 'upcoming'),
        isNull(houseMeetings.remindedAt),
        sql`${houseMeetings.startsAt} > ${now.toISOString()}::timestamptz`,
        sql`coalesce(s.reminder_minutes, ${DEFAULT_REMINDER_MINUTES}) > 0`,
        sql`${houseMeetings.startsAt} - make_interval(mins => coalesce(s.reminder_minutes, ${DEFAULT_REMINDER_MINUTES})) <= ${now.toISOString()}::timestamptz`,
      ),
    );
  let sent = 0;
  for (const meeting of due) {
    await db.transaction(async (tx) => {
      const members = await currentMembers(
        tx,
        meeting.organizationId,
        meeting.residenceId,
        localDate(meeting.timeZone, now),
      );
      if (members.length > 0) {
        const added = await tx
          .insert(notifications)
          .values(
            members.map((m) => ({
              organizationId: meeting.organizationId,
              personId: m.personId,
              kind: MEETING_REMINDER,
              data: { meetingId: meeting.id, startsAt: meeting.startsAt.toISOString() },
              dedupeKey: `${MEETING_REMINDER}:${meeting.id}`,
            })),
          )
          .onConflictDoNothing()
          .returning({ id: notifications.id });
        sent += added.length;
      }
      await tx.update(houseMeetings).set({ remindedAt: now }).where(eq(houseMeetings.id, meeting.id));
    });
  }
  return sent;
}

/** My notifications, newest first, with the meeting's title and time when the meeting still exists. */
export async function listNotifications(db: Db, actor: Actor): Promise<NotificationListView> {
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.organizationId, actor.organizationId), eq(notifications.personId, actor.personId)),
    )
    .orderBy(desc(notifications.createdAt))
    .limit(30);
  const meetingIds = rows
    .map((r) => (r.data as { meetingId?: unknown }).meetingId)
    .filter((id): id is string => typeof id === 'string');
  const meetings =
    meetingIds.length === 0
      ? []
      : await db
          .select({
            id: houseMeetings.id,
            title: houseMeetings.title,
            startsAt: houseMeetings.startsAt,
            state: houseMeetings.state,
          })
          .from(houseMeetings)
          .where(
            and(
              eq(houseMeetings.organizationId, actor.organizationId),
              inArray(houseMeetings.id, meetingIds),
            ),
          );
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const [unread] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(
      and(
        eq(notifications.organizationId, actor.organizationId),
        eq(notifications.personId, actor.personId),
        isNull(notifications.readAt),
      ),
    );
  return {
    notifications: rows.map((r) => {
      const meetingId = (r.data as { meetingId?: unknown }).meetingId;
      const meeting = typeof meetingId === 'string' ? byId.get(meetingId) : undefined;
      return {
        id: r.id,
        kind: r.kind,
        meetingId: meeting?.id ?? null,
        startsAt: meeting?.startsAt.toISOString() ?? null,
        title: meeting?.title ?? null,
        createdAt: r.createdAt.toISOString(),
        readAt: r.readAt?.toISOString() ?? null,
      };
    }),
    unread: unread?.n ?? 0,
  };
}

/** Only my own notification: anyone else's is not found. Reading twice keeps the first time. */
export async function markNotificationRead(db: Db, actor: Actor, id: string): Promise<void> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(
      and(
        eq(notifications.id, id),
        eq(notifications.organizationId, actor.organizationId),
        eq(notifications.personId, actor.personId),
      ),
    )
    .returning({ id: notifications.id });
  if (!row) throw notFound('notification');
}
