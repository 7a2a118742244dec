// Calendar feeds: a secret address per person or residence (only its SHA-256 hash is stored), and the
// iCalendar file of the house meetings it covers.
import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import {
  type CalendarFeedInput,
  type CalendarFeedView,
  type CreatedCalendarFeedView,
  calendarsApi,
  MAX_CALENDAR_FEEDS,
} from '../../../shared/contracts/calendars.ts';
import { urlOf } from '../../../shared/contracts/endpoint.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { hashToken, newToken } from '../../platform/auth/secrets.ts';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import {
  calendarFeeds,
  houseMeetingSeries,
  houseMeetings,
  memberships,
  organizations,
  outsideMeetings,
  people,
  residences,
} from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { buildCalendar, buildOutsideCalendar } from './ical.ts';
import { canRevokeFeed, canSubscribeToResidence, housesOfFeed, type OwnerRoles } from './policy.ts';

function presentFeed(row: {
  id: string;
  scope: string;
  residenceId: string | null;
  residenceName: string | null;
  createdAt: Date;
}): CalendarFeedView {
  return {
    id: row.id,
    scope: row.scope === 'residence' ? 'residence' : 'person',
    residenceId: row.residenceId,
    residenceName: row.residenceName,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listFeeds(db: Db, actor: Actor): Promise<CalendarFeedView[]> {
  const rows = await db
    .select({
      id: calendarFeeds.id,
      scope: calendarFeeds.scope,
      residenceId: calendarFeeds.residenceId,
      residenceName: residences.name,
      createdAt: calendarFeeds.createdAt,
    })
    .from(calendarFeeds)
    .leftJoin(residences, eq(residences.id, calendarFeeds.residenceId))
    .where(
      and(
        eq(calendarFeeds.organizationId, actor.organizationId),
        eq(calendarFeeds.ownerId, actor.personId),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .orderBy(desc(calendarFeeds.createdAt));
  return rows.map(presentFeed);
}

export async function createFeed(
  db: Db,
  actor: Actor,
  input: CalendarFeedInput,
  origin: string,
): Promise<CreatedCalendarFeedView> {
  let residenceName: string | null = null;
  if (input.scope === 'residence') {
    const [house] = await db
      .select({ id: residences.id, name: residences.name })
      .from(residences)
      .where(and(eq(residences.id, input.residenceId!), eq(residences.organizationId, actor.organizationId)));
    if (!house) throw notFound('residence');
    if (!canSubscribeToResidence(actor, house.id)) throw refuse('calendars.residence_for_staff');
    residenceName = house.name;
  }
  const active = await db.$count(
    calendarFeeds,
    and(
      eq(calendarFeeds.organizationId, actor.organizationId),
      eq(calendarFeeds.ownerId, actor.personId),
      isNull(calendarFeeds.revokedAt),
    ),
  );
  if (active >= MAX_CALENDAR_FEEDS) {
    throw refuse('calendars.too_many_addresses', { params: { maximum: MAX_CALENDAR_FEEDS } });
  }
  const token = newToken();
  const [row] = await db
    .insert(calendarFeeds)
    .values({
      organizationId: actor.organizationId,
      scope: input.scope,
      personId: input.scope === 'person' ? actor.personId : null,
      residenceId: input.scope === 'residence' ? input.residenceId! : null,
      ownerId: actor.personId,
      tokenHash: hashToken(token),
    })
    .returning();
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'calendar_feed.create',
    subjectType: 'calendar_feed',
    subjectId: row!.id,
    detail: { scope: input.scope },
  });
  const url = origin + urlOf(calendarsApi.file, { params: { file: `${token}.ics` } });
  return {
    ...presentFeed({ ...row!, residenceName }),
    url,
    webcalUrl: url.replace(/^https?:\/\//, 'webcal://'),
  };
}

/** The owner revokes their feed; an admin may revoke any feed of the organization. Others: not found. */
export async function revokeFeed(db: Db, actor: Actor, id: string): Promise<void> {
  const [feed] = await db
    .select({ id: calendarFeeds.id, ownerId: calendarFeeds.ownerId })
    .from(calendarFeeds)
    .where(
      and(
        eq(calendarFeeds.id, id),
        eq(calendarFeeds.organizationId, actor.organizationId),
        isNull(calendarFeeds.revokedAt),
      ),
    );
  if (!feed || !canRevokeFeed(actor, feed)) throw notFound('calendar address');
  const revoked = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.id, feed.id), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  if (revoked.length === 0) throw notFound('calendar address');
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'calendar_feed.revoke',
    subjectType: 'calendar_feed',
    subjectId: id,
  });
}

/** The current roles of the feed's owner (the feed follows them: moving out ends a house's meetings). */
async function currentRoles(db: Db, organizationId: string, personId: string): Promise<OwnerRoles> {
  const rows = await db
    .select({ role: memberships.role, residenceId: memberships.residenceId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.personId, personId),
        isCurrentMembership(),
      ),
    );
  return {
    admin: rows.some((r) => r.role === 'org_admin'),
    lives: rows.filter((r) => r.role === 'resident' && r.residenceId).map((r) => r.residenceId!),
    leads: rows.filter((r) => r.role === 'peer_leader' && r.residenceId).map((r) => r.residenceId!),
  };
}

const CALENDAR_NAMES = {
  en: { person: 'My house meetings', residence: 'House meetings' },
  es: { person: 'Mis reuniones de la casa', residence: 'Reuniones de la casa' },
} as const;

/** The iCalendar file behind a secret address, or null when the address is unknown or revoked. */
export async function renderCalendar(db: Db, token: string, now = new Date()): Promise<string | null> {
  const [feed] = await db
    .select({
      id: calendarFeeds.id,
      organizationId: calendarFeeds.organizationId,
      scope: calendarFeeds.scope,
      residenceId: calendarFeeds.residenceId,
      ownerId: calendarFeeds.ownerId,
      language: people.language,
    })
    .from(calendarFeeds)
    .innerJoin(people, eq(people.id, calendarFeeds.ownerId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) return null;
  const residenceIds = housesOfFeed(feed, await currentRoles(db, feed.organizationId, feed.ownerId));
  if (!residenceIds) return null;
  const names = CALENDAR_NAMES[feed.language === 'es' ? 'es' : 'en'];
  const houses =
    residenceIds.length === 0
      ? []
      : await db
          .select({ id: residences.id, name: residences.name, timeZone: residences.timeZone })
          .from(residences)
          .where(
            and(eq(residences.organizationId, feed.organizationId), inArray(residences.id, residenceIds)),
          )
          .orderBy(asc(residences.name));
  const ids = houses.map((h) => h.id);
  const series =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(houseMeetingSeries)
          .where(
            and(
              eq(houseMeetingSeries.organizationId, feed.organizationId),
              inArray(houseMeetingSeries.residenceId, ids),
            ),
          )
          .orderBy(asc(houseMeetingSeries.createdAt));
  const horizon = new Date(now.getTime() - 180 * 86_400_000);
  const meetings =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(houseMeetings)
          .where(
            and(
              eq(houseMeetings.organizationId, feed.organizationId),
              inArray(houseMeetings.residenceId, ids),
              gte(houseMeetings.startsAt, horizon),
            ),
          )
          .orderBy(asc(houseMeetings.startsAt));
  const calendarName =
    feed.scope === 'residence' && houses[0] ? `${names.residence} · ${houses[0].name}` : names.person;
  return buildCalendar({ name: calendarName, houses, series, meetings, now });
}

/**
 * The public outside meetings of an organization (those of its Meeting Guide feed) as a calendar
 * anyone may follow, or null when no organization has that slug. No people, no house meetings.
 */
export async function renderPublicMeetings(db: Db, slug: string, now = new Date()): Promise<string | null> {
  const [org] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!org) return null;
  const meetings = await db
    .select({
      id: outsideMeetings.id,
      name: outsideMeetings.name,
      days: outsideMeetings.days,
      time: outsideMeetings.time,
      endTime: outsideMeetings.endTime,
      timeZone: outsideMeetings.timeZone,
      location: outsideMeetings.location,
      formattedAddress: outsideMeetings.formattedAddress,
      notes: outsideMeetings.notes,
      conferenceUrl: outsideMeetings.conferenceUrl,
      createdAt: outsideMeetings.createdAt,
    })
    .from(outsideMeetings)
    .where(and(eq(outsideMeetings.organizationId, org.id), eq(outsideMeetings.isPublic, true)))
    .orderBy(asc(outsideMeetings.name), asc(outsideMeetings.slug));
  return buildOutsideCalendar({ name: org.name, meetings, now });
}
