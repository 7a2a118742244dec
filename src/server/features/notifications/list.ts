// My notifications: the list (newest first, with a meeting's title and time for its reminders), the
// unread count, and marking one or all read. Only ever the signed-in person's own.
import { and, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { NotificationListView, NotificationView } from '../../../shared/contracts/notifications.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { houseMeetings, notifications } from '../../platform/database/schema.ts';
import { notFound } from '../../platform/errors.ts';

const PAGE = 50;

type Scalar = string | number | boolean | null;

/** The stored data as the person sees it: scalars only, the urgent flag lifted out. */
function presentData(data: unknown): { urgent: boolean; data: Record<string, Scalar> } {
  const shown: Record<string, Scalar> = {};
  let urgent = false;
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'urgent') urgent = value === true;
      else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        shown[key] = value as Scalar;
      }
    }
  }
  return { urgent, data: shown };
}

const mine = (actor: Actor) =>
  and(eq(notifications.organizationId, actor.organizationId), eq(notifications.personId, actor.personId));

export async function unreadCount(db: Executor, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine(actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(
  db: Executor,
  actor: Actor,
  before?: string,
): Promise<NotificationListView> {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(mine(actor), before ? lt(notifications.createdAt, new Date(before)) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(PAGE + 1);
  const page = rows.slice(0, PAGE);
  const meetingIds = page
    .map((r) => (r.data as { meetingId?: unknown }).meetingId)
    .filter((id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id));
  const meetings =
    meetingIds.length === 0
      ? []
      : await db
          .select({ id: houseMeetings.id, title: houseMeetings.title, startsAt: houseMeetings.startsAt })
          .from(houseMeetings)
          .where(
            and(
              eq(houseMeetings.organizationId, actor.organizationId),
              inArray(houseMeetings.id, meetingIds),
            ),
          );
  const byId = new Map(meetings.map((m) => [m.id, m]));
  return {
    notifications: page.map((r): NotificationView => {
      const { urgent, data } = presentData(r.data);
      const meeting = typeof data.meetingId === 'string' ? byId.get(data.meetingId) : undefined;
      return {
        id: r.id,
        kind: r.kind,
        urgent,
        data,
        meetingId: meeting?.id ?? null,
        startsAt: meeting?.startsAt.toISOString() ?? null,
        title: meeting?.title ?? null,
        createdAt: r.createdAt.toISOString(),
        readAt: r.readAt?.toISOString() ?? null,
      };
    }),
    unread: await unreadCount(db, actor),
    nextBefore: rows.length > PAGE ? (page.at(-1)?.createdAt.toISOString() ?? null) : null,
  };
}

/** Only my own notification: anyone else's is not found. Reading twice keeps the first time. */
export async function markNotificationRead(db: Executor, actor: Actor, id: string): Promise<void> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), mine(actor)))
    .returning({ id: notifications.id });
  if (!row) throw notFound('notification');
}

/** Everything of mine still unread becomes read now; how many that was. */
export async function markAllNotificationsRead(db: Executor, actor: Actor): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(mine(actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
