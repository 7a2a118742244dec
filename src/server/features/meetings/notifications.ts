// The house-meeting reminder each member gets before a meeting (a pg-boss job, idempotent per person and
// meeting). The list a person reads and its read state live in features/notifications.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { localDate } from '../../../shared/domain/dates.ts';
import type { NotificationKind } from '../../../shared/domain/notifications.ts';
import type { Db } from '../../platform/database/connect.ts';
import {
  houseMeetingSettings,
  houseMeetings,
  notifications,
  residences,
} from '../../platform/database/schema.ts';
import { currentMembers } from './members.ts';

export const MEETING_REMINDER: NotificationKind = 'meeting_reminder';
const DEFAULT_REMINDER_MINUTES = 120;

/**
 * Reminds every current member of a house of a meeting that starts within the house's reminder time
 * (house_meeting_settings.reminder_minutes, default 120; 0 turns reminders off). Running it twice sends
 * nothing new: one notification per person and meeting (dedupe_key), and the meeting is marked reminded.
 */
export async function sendMeetingReminders(db: Db, now: Date = new Date()): Promise<number> {
  // The house's reminder time, and the interval arithmetic on it, which the builder has no words for.
  const reminderMinutes = sql`coalesce(${houseMeetingSettings.reminderMinutes}, ${DEFAULT_REMINDER_MINUTES})`;
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
    .leftJoin(houseMeetingSettings, eq(houseMeetingSettings.residenceId, houseMeetings.residenceId))
    .where(
      and(
        eq(houseMeetings.state, 'upcoming'),
        isNull(houseMeetings.remindedAt),
        gt(houseMeetings.startsAt, now),
        sql`${reminderMinutes} > 0`,
        sql`${houseMeetings.startsAt} - make_interval(mins => ${reminderMinutes}) <= ${now.toISOString()}::timestamptz`,
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
