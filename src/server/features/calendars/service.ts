// Calendar feeds: a secret address per person or residence (only its SHA-256 hash is stored), and the
// iCalendar file of the house meetings it covers.
import { and, asc, desc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type {
  CalendarFeedInput,
  CalendarFeedView,
  CreatedCalendarFeedView,
} from '../../../shared/contracts/calendars.ts';
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
  people,
  residences,
} from '../../platform/database/schema.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { canSubscribeToResidence, isOrgAdmin } from '../../platform/policies.ts';
import { escapeText, localDateTime, serialize, utcDateTime, vtimezone, wallClock } from './ical.ts';

const MAX_FEEDS_PER_PERSON = 10;

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
    if (!canSubscribeToResidence(actor, house.id)) throw forbidden();
    residenceName = house.name;
  }
  const active = await listFeeds(db, actor);
  if (active.length >= MAX_FEEDS_PER_PERSON) {
    throw conflict('You have 10 calendar addresses already. Remove one you no longer use first.', 'scope');
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
  const url = `${origin}/api/calendar/${token}.ics`;
  return {
    ...presentFeed({ ...row!, residenceName }),
    url,
    webcalUrl: url.replace(/^https?:\/\//, 'webcal://'),
  };
}

/** The owner revokes their feed; an admin may revoke any feed of the organization. Others: not found. */
export async function revokeFeed(db: Db, actor: Actor, id: string): Promise<void> {
  const owner = isOrgAdmin(actor) ? undefined : eq(calendarFeeds.ownerId, actor.personId);
  const revoked = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(calendarFeeds.id, id),
        eq(calendarFeeds.organizationId, actor.organizationId),
        isNull(calendarFeeds.revokedAt),
        owner,
      ),
    )
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
async function currentHouses(db: Db, organizationId: string, personId: string) {
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
  const roles = await currentHouses(db, feed.organizationId, feed.ownerId);
  let residenceIds: string[];
  if (feed.scope === 'residence') {
    // A residence's feed works while its maker still leads that house (or is an admin).
    if (!feed.residenceId || !(roles.admin || roles.leads.includes(feed.residenceId))) return null;
    residenceIds = [feed.residenceId];
  } else {
    residenceIds = [...new Set([...roles.lives, ...roles.leads])];
  }
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

type House = { id: string; name: string; timeZone: string };
type Series = typeof houseMeetingSeries.$inferSelect;
type Meeting = typeof houseMeetings.$inferSelect;

/** The RRULE as stored, made safe to embed, with UNTIL added when the series has ended. */
function ruleOf(series: Series): string {
  const rule = series.rrule
    .replace(/^RRULE:/i, '')
    .replace(/[\r\n]/g, '')
    .trim();
  if (!series.endedAt || /(^|;)(UNTIL|COUNT)=/i.test(rule)) return rule;
  return `${rule};UNTIL=${utcDateTime(series.endedAt)}`;
}

const duration = (minutes: number) => `PT${Math.max(1, Math.round(minutes))}M`;

/** The VCALENDAR: one VEVENT per series (RRULE, EXDATE for cancelled days, overrides for moved ones), one per one-off. */
export function buildCalendar(input: {
  name: string;
  houses: House[];
  series: Series[];
  meetings: Meeting[];
  now: Date;
}): string {
  const { name, houses, series, meetings, now } = input;
  const houseById = new Map(houses.map((h) => [h.id, h]));
  const stamp = utcDateTime(now);
  const events: string[] = [];
  const zones = new Map<string, number>();
  const noteZone = (zone: string, year: number) => zones.set(zone, Math.min(zones.get(zone) ?? year, year));

  for (const s of series) {
    const house = houseById.get(s.residenceId);
    if (!house) continue;
    const zone = s.timeZone;
    noteZone(zone, Number(s.startsOn.slice(0, 4)));
    const occurrences = meetings.filter((m) => m.seriesId === s.id);
    const cancelled = occurrences.filter((m) => m.state === 'cancelled');
    events.push(
      'BEGIN:VEVENT',
      `UID:house-series-${s.id}@hearth`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${zone}:${localDateTime(s.startsOn, s.startTime)}`,
      `DURATION:${duration(s.durationMinutes)}`,
      `RRULE:${ruleOf(s)}`,
      ...cancelled.map((m) => `EXDATE;TZID=${zone}:${localDateTime(m.localDate, s.startTime)}`),
      `SUMMARY:${escapeText(s.title)}`,
      ...(s.location ? [`LOCATION:${escapeText(s.location)}`] : []),
      `DESCRIPTION:${escapeText(house.name)}`,
      'END:VEVENT',
    );
    // An occurrence moved to another time keeps its place in the series (RECURRENCE-ID).
    for (const m of occurrences) {
      if (m.state === 'cancelled') continue;
      const wall = wallClock(m.startsAt, zone);
      if (wall.date === m.localDate && wall.time === s.startTime && m.durationMinutes === s.durationMinutes)
        continue;
      events.push(
        'BEGIN:VEVENT',
        `UID:house-series-${s.id}@hearth`,
        `DTSTAMP:${stamp}`,
        `RECURRENCE-ID;TZID=${zone}:${localDateTime(m.localDate, s.startTime)}`,
        `DTSTART;TZID=${zone}:${localDateTime(wall.date, wall.time)}`,
        `DURATION:${duration(m.durationMinutes)}`,
        `SUMMARY:${escapeText(m.title)}`,
        ...(m.location ? [`LOCATION:${escapeText(m.location)}`] : []),
        `DESCRIPTION:${escapeText(house.name)}`,
        'END:VEVENT',
      );
    }
  }

  for (const m of meetings) {
    if (m.seriesId !== null || m.state === 'cancelled') continue;
    const house = houseById.get(m.residenceId);
    if (!house) continue;
    const zone = house.timeZone;
    const wall = wallClock(m.startsAt, zone);
    noteZone(zone, Number(wall.date.slice(0, 4)));
    events.push(
      'BEGIN:VEVENT',
      `UID:house-meeting-${m.id}@hearth`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${zone}:${localDateTime(wall.date, wall.time)}`,
      `DURATION:${duration(m.durationMinutes)}`,
      `SUMMARY:${escapeText(m.title)}`,
      ...(m.location ? [`LOCATION:${escapeText(m.location)}`] : []),
      `DESCRIPTION:${escapeText(house.name)}`,
      ...(m.kind === 'emergency' ? ['PRIORITY:1'] : []),
      'END:VEVENT',
    );
  }

  const thisYear = now.getUTCFullYear();
  const timezones = [...zones.entries()].flatMap(([zone, firstYear]) =>
    vtimezone(zone, Math.min(firstYear, thisYear) - 1, thisYear + 5),
  );
  return serialize([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hearth//House meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT6H',
    'X-PUBLISHED-TTL:PT6H',
    ...timezones,
    ...events,
    'END:VCALENDAR',
  ]);
}
