// A person's notification settings: which topics come by push and their quiet hours, read in their own
// time zone (their own, else their house's, else UTC — the zone their days are counted in).
import { eq, sql } from 'drizzle-orm';
import type {
  NotificationSettingsUpdate,
  NotificationSettingsView,
} from '../../../shared/contracts/notifications.ts';
import { NOTIFICATION_TOPICS } from '../../../shared/domain/notifications.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { notificationSettings } from '../../platform/database/schema.ts';
import { timeZoneOf } from '../journey/service.ts';

export async function notificationSettingsOf(db: Executor, actor: Actor): Promise<NotificationSettingsView> {
  const [row] = await db
    .select()
    .from(notificationSettings)
    .where(eq(notificationSettings.personId, actor.personId));
  const { timeZone } = await timeZoneOf(db, actor.organizationId, actor.personId, new Date());
  return {
    mutedTopics: NOTIFICATION_TOPICS.filter((t) => row?.mutedTopics.includes(t)),
    quietFrom: row?.quietFrom ?? null,
    quietUntil: row?.quietUntil ?? null,
    timeZone,
  };
}

/** Changes only what is given; the first change makes the row. */
export async function updateNotificationSettings(
  db: Executor,
  actor: Actor,
  input: NotificationSettingsUpdate,
): Promise<NotificationSettingsView> {
  const changes = {
    ...(input.mutedTopics !== undefined ? { mutedTopics: [...new Set(input.mutedTopics)] } : {}),
    ...(input.quietFrom !== undefined
      ? { quietFrom: input.quietFrom, quietUntil: input.quietUntil ?? null }
      : {}),
  };
  await db
    .insert(notificationSettings)
    .values({ personId: actor.personId, organizationId: actor.organizationId, ...changes })
    .onConflictDoUpdate({
      target: notificationSettings.personId,
      set: { ...changes, updatedAt: sql`now()` },
    });
  return await notificationSettingsOf(db, actor);
}
