// My notifications: the list (newest first, with a meeting's title and time for its reminders), the
// unread count, and marking one or all read. Only ever the signed-in person's own.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { NotificationListView, NotificationView } from '../../../shared/contracts/notifications.ts';
import {
  encodeNotificationCursor,
  parseNotificationCursor,
} from '../../../shared/domain/notification-cursor.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { houseMeetings, notifications, residences } from '../../platform/database/schema.ts';
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

/** A meeting reminder's meeting id, when the stored one is an id at all (data is free-form jsonb). */
const MEETING_ID = sql`case when ${notifications.data}->>'meetingId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  then (${notifications.data}->>'meetingId')::uuid end`;

/**
 * The list is every screen's bell, so it is one prepared statement: a page of my notifications with
 * their meeting's title and time, and my unread count beside each row.
 */
const prepareList = (db: Db) =>
  db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      data: notifications.data,
      createdAt: notifications.createdAt,
      /** The time to the microsecond, for the next page's cursor (a Date keeps only milliseconds). */
      at: sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      readAt: notifications.readAt,
      meetingId: houseMeetings.id,
      meetingTitle: houseMeetings.title,
      meetingStartsAt: houseMeetings.startsAt,
      meetingTimeZone: residences.timeZone,
      unread: sql<number>`(select count(*)::int from ${notifications} u
        where u.organization_id = ${notifications.organizationId} and u.person_id = ${notifications.personId}
          and u.read_at is null)`,
    })
    .from(notifications)
    .leftJoin(
      houseMeetings,
      and(eq(houseMeetings.organizationId, notifications.organizationId), eq(houseMeetings.id, MEETING_ID)),
    )
    .leftJoin(
      residences,
      and(
        eq(residences.organizationId, houseMeetings.organizationId),
        eq(residences.id, houseMeetings.residenceId),
      ),
    )
    .where(
      and(
        eq(notifications.organizationId, sql.placeholder('organizationId')),
        eq(notifications.personId, sql.placeholder('personId')),
        // Older than the cursor's (time, id); a bare time has the smallest id, so it means "before then".
        sql`(${notifications.createdAt}, ${notifications.id}) < (
          coalesce(${sql.placeholder('before')}::timestamptz, 'infinity'),
          coalesce(${sql.placeholder('beforeId')}::uuid, '00000000-0000-0000-0000-000000000000'))`,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(PAGE + 1)
    .prepare('hearth_notifications_list');
const prepared = new WeakMap<Db, ReturnType<typeof prepareList>>();

export async function listNotifications(
  db: Db,
  actor: Actor,
  before?: string,
): Promise<NotificationListView> {
  let list = prepared.get(db);
  if (!list) {
    list = prepareList(db);
    prepared.set(db, list);
  }
  const cursor = before === undefined ? null : parseNotificationCursor(before);
  const rows = await list.execute({
    organizationId: actor.organizationId,
    personId: actor.personId,
    before: cursor?.at ?? before ?? null,
    beforeId: cursor?.id ?? null,
  });
  const last = rows.length > PAGE ? rows[PAGE - 1] : undefined;
  const page = rows.slice(0, PAGE);
  return {
    notifications: page.map((r): NotificationView => {
      const { urgent, data } = presentData(r.data);
      return {
        id: r.id,
        kind: r.kind,
        urgent,
        data,
        meetingId: r.meetingId,
        startsAt: r.meetingStartsAt?.toISOString() ?? null,
        title: r.meetingTitle,
        timeZone: r.meetingTimeZone,
        createdAt: r.createdAt.toISOString(),
        readAt: r.readAt?.toISOString() ?? null,
      };
    }),
    // Past the last page there is no row to carry the count.
    unread: rows[0]?.unread ?? (await unreadCount(db, actor)),
    nextBefore: last ? encodeNotificationCursor({ at: last.at, id: last.id }) : null,
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
