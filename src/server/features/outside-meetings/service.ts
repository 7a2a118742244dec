// The outside-meeting directory and residents' attendance, scoped to the caller's organization.
import crypto from 'node:crypto';
import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { calendarsApi } from '../../../shared/contracts/calendars.ts';
import { urlOf } from '../../../shared/contracts/endpoint.ts';
import {
  type AttendanceInput,
  type HouseAttendanceView,
  type MyAttendanceView,
  type OutsideMeetingChange,
  type OutsideMeetingCreate,
  type OutsideMeetingFilters,
  outsideMeetingsApi,
} from '../../../shared/contracts/outside-meetings.ts';
import { addDays, localDate, weekStartOf } from '../../../shared/domain/dates.ts';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import { isOnline, slugify } from '../../../shared/domain/meeting-guide.ts';
import type { NameStyle } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  houseMeetingSettings,
  memberships,
  organizations,
  outsideAttendance,
  outsideMeetings,
  people,
  residences,
} from '../../platform/database/schema.ts';
import { forbidden, invalidField, notFound, refuse } from '../../platform/errors.ts';
import { forgetFeed } from './feed.ts';
import { canCurateDirectory, canSeeHouseAttendance } from './policy.ts';

type MeetingRow = typeof outsideMeetings.$inferSelect;
type AttendanceRow = typeof outsideAttendance.$inferSelect;

/** How far back attendance may be logged. */
const ATTENDANCE_DAYS = 90;

// Directory -----------------------------------------------------------------------------------------

export async function listOutsideMeetings(
  db: Executor,
  actor: Actor,
  query: OutsideMeetingFilters,
): Promise<MeetingRow[]> {
  const where: (SQL | undefined)[] = [eq(outsideMeetings.organizationId, actor.organizationId)];
  if (query.type) where.push(arrayContains(outsideMeetings.types, [query.type]));
  if (query.language) where.push(arrayContains(outsideMeetings.languages, [query.language]));
  if (query.focus) where.push(arrayContains(outsideMeetings.programFocus, [query.focus]));
  if (query.fellowship) where.push(eq(outsideMeetings.fellowship, query.fellowship));
  if (query.day !== undefined) where.push(arrayContains(outsideMeetings.days, [query.day]));
  if (query.online === true)
    where.push(or(isNotNull(outsideMeetings.conferenceUrl), isNotNull(outsideMeetings.conferencePhone)));
  if (query.online === false)
    where.push(and(isNull(outsideMeetings.conferenceUrl), isNull(outsideMeetings.conferencePhone)));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        ilike(outsideMeetings.name, pattern),
        ilike(outsideMeetings.location, pattern),
        ilike(outsideMeetings.region, pattern),
      ),
    );
  }
  return await db
    .select()
    .from(outsideMeetings)
    .where(and(...where))
    .orderBy(asc(outsideMeetings.name), asc(outsideMeetings.slug))
    .limit(1000);
}

/**
 * The public Meeting Guide feed's path, for those who curate the directory to hand to meeting-finder
 * apps, and where the organization's online meetings are based (public in the feed already).
 */
export async function feedSettingsFor(
  db: Executor,
  actor: Actor,
): Promise<{ feedPath: string | null; calendarPath: string; meetingArea: string }> {
  const [org] = await db
    .select({ slug: organizations.slug, meetingArea: organizations.meetingArea })
    .from(organizations)
    .where(eq(organizations.id, actor.organizationId));
  if (!org) throw notFound('organization');
  const feedPath = canCurateDirectory(actor)
    ? urlOf(outsideMeetingsApi.publicFeed, { params: { slug: org.slug } })
    : null;
  const calendarPath = urlOf(calendarsApi.publicMeetings, { params: { slug: org.slug } });
  return { feedPath, calendarPath, meetingArea: org.meetingArea };
}

export async function updateFeedSettings(db: Db, actor: Actor, change: { meetingArea: string }) {
  return await db.transaction(async (tx) => {
    const meetingArea = change.meetingArea.trim();
    if (meetingArea === '') {
      // The feed would lose the place of every public online meeting that names none of its own.
      const [placeless] = await tx
        .select({ id: outsideMeetings.id })
        .from(outsideMeetings)
        .where(and(eq(outsideMeetings.organizationId, actor.organizationId), placelessOnline))
        .limit(1);
      if (placeless) throw refuse('outside_meetings.online_needs_place', { field: 'meetingArea' });
    }
    await tx.update(organizations).set({ meetingArea }).where(eq(organizations.id, actor.organizationId));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'outside_meeting.feed_settings',
      subjectType: 'organization',
      subjectId: actor.organizationId,
    });
    forgetFeed(db, actor.organizationId);
    return { meetingArea };
  });
}

/** A public online meeting that names no place: the feed needs the organization's area for it. */
const placelessOnline = and(
  eq(outsideMeetings.isPublic, true),
  eq(outsideMeetings.formattedAddress, ''),
  or(isNotNull(outsideMeetings.conferenceUrl), isNotNull(outsideMeetings.conferencePhone)),
);

/** Meeting finders drop a meeting with no place: a public online one needs its own or the area. */
async function checkPlace(
  db: Executor,
  actor: Actor,
  m: {
    isPublic: boolean;
    formattedAddress: string;
    conferenceUrl: string | null;
    conferencePhone: string | null;
  },
): Promise<void> {
  if (!m.isPublic || m.formattedAddress.trim() !== '' || !isOnline(m)) return;
  const [org] = await db
    .select({ meetingArea: organizations.meetingArea })
    .from(organizations)
    .where(eq(organizations.id, actor.organizationId));
  if (!org?.meetingArea) throw refuse('outside_meetings.online_needs_place', { field: 'formattedAddress' });
}

async function freeSlug(db: Executor, organizationId: string, name: string): Promise<string> {
  const base = slugify(name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${crypto.randomBytes(3).toString('hex')}`;
    const [taken] = await db
      .select({ id: outsideMeetings.id })
      .from(outsideMeetings)
      .where(and(eq(outsideMeetings.organizationId, organizationId), eq(outsideMeetings.slug, slug)));
    if (!taken) return slug;
  }
  return `${base}-${crypto.randomUUID().slice(0, 8)}`;
}

export async function createOutsideMeeting(
  db: Db,
  actor: Actor,
  input: OutsideMeetingCreate,
): Promise<MeetingRow> {
  const isPublic = canCurateDirectory(actor) ? input.isPublic : false;
  return await db.transaction(async (tx) => {
    await checkPlace(tx, actor, { ...input, isPublic });
    const slug = await freeSlug(tx, actor.organizationId, input.name);
    const [row] = await tx
      .insert(outsideMeetings)
      .values({ ...input, isPublic, slug, organizationId: actor.organizationId, source: 'local' })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'outside_meeting.create',
      subjectType: 'outside_meeting',
      subjectId: row!.id,
    });
    if (isPublic) forgetFeed(db, actor.organizationId);
    return row!;
  });
}

async function findMeeting(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(outsideMeetings)
    .where(and(eq(outsideMeetings.id, id), eq(outsideMeetings.organizationId, actor.organizationId)));
  if (!row) throw notFound('meeting');
  return row;
}

export async function updateOutsideMeeting(
  db: Db,
  actor: Actor,
  id: string,
  change: OutsideMeetingChange,
): Promise<MeetingRow> {
  return await db.transaction(async (tx) => {
    const current = await findMeeting(tx, actor, id);
    const days = change.days ?? current.days;
    const time = change.time === undefined ? current.time : change.time;
    if (days.length > 0 && time === null) {
      throw invalidField('time', 'outside_meetings.time_required', 'is required when a day is chosen');
    }
    await checkPlace(tx, actor, { ...current, ...change });
    const [row] = await tx
      .update(outsideMeetings)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(outsideMeetings.id, current.id))
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'outside_meeting.update',
      subjectType: 'outside_meeting',
      subjectId: current.id,
    });
    forgetFeed(db, actor.organizationId);
    return row!;
  });
}

export async function deleteOutsideMeeting(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const current = await findMeeting(tx, actor, id);
    // Attendance already logged keeps the meeting's name (the link is set to null).
    await tx.delete(outsideMeetings).where(eq(outsideMeetings.id, current.id));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'outside_meeting.delete',
      subjectType: 'outside_meeting',
      subjectId: current.id,
    });
  });
  forgetFeed(db, actor.organizationId);
}

// Weeks and goals -------------------------------------------------------------------------------------

/** The house I live in (or lead), its time zone and weekly goal. */
async function myHouse(db: Executor, actor: Actor) {
  const residenceId = residencesWithRole(actor, 'resident')[0] ?? residencesWithRole(actor, 'peer_leader')[0];
  if (!residenceId) return { residenceId: null, timeZone: 'UTC', goal: null };
  const [row] = await db
    .select({ timeZone: residences.timeZone, goal: houseMeetingSettings.weeklyOutsideGoal })
    .from(residences)
    .leftJoin(houseMeetingSettings, eq(houseMeetingSettings.residenceId, residences.id))
    .where(and(eq(residences.id, residenceId), eq(residences.organizationId, actor.organizationId)));
  return { residenceId, timeZone: row?.timeZone ?? 'UTC', goal: row?.goal ?? null };
}

// Attendance ----------------------------------------------------------------------------------------

export async function myAttendance(
  db: Executor,
  actor: Actor,
): Promise<Omit<MyAttendanceView, 'recent'> & { recent: AttendanceRow[] }> {
  const house = await myHouse(db, actor);
  const today = localDate(house.timeZone);
  const weekStart = weekStartOf(today);
  const rows = await db
    .select()
    .from(outsideAttendance)
    .where(
      and(
        eq(outsideAttendance.organizationId, actor.organizationId),
        eq(outsideAttendance.personId, actor.personId),
        gte(outsideAttendance.attendedOn, addDays(weekStart, -56)),
      ),
    )
    .orderBy(desc(outsideAttendance.attendedOn), desc(outsideAttendance.createdAt))
    .limit(200);
  const thisWeek = rows.filter(
    (r) => r.attendedOn >= weekStart && r.attendedOn <= addDays(weekStart, 6),
  ).length;
  return { weekStart, thisWeek, goal: house.goal, recent: rows };
}

export async function logAttendance(
  db: Executor,
  actor: Actor,
  input: AttendanceInput,
): Promise<AttendanceRow> {
  const house = await myHouse(db, actor);
  const today = localDate(house.timeZone);
  // A day of grace: the person's evening may already be tomorrow in the house's zone.
  if (input.attendedOn > addDays(today, 1))
    throw refuse('outside_meetings.attended_in_future', { field: 'attendedOn' });
  if (input.attendedOn < addDays(today, -ATTENDANCE_DAYS)) {
    throw refuse('outside_meetings.attended_too_long_ago', {
      field: 'attendedOn',
      params: { days: ATTENDANCE_DAYS },
    });
  }
  let name = input.name?.trim() ?? '';
  if (input.outsideMeetingId) {
    const [meeting] = await db
      .select({ name: outsideMeetings.name })
      .from(outsideMeetings)
      .where(
        and(
          eq(outsideMeetings.id, input.outsideMeetingId),
          eq(outsideMeetings.organizationId, actor.organizationId),
        ),
      );
    if (!meeting) throw refuse('outside_meetings.unknown_meeting', { field: 'outsideMeetingId' });
    name = meeting.name;
  }
  const [row] = await db
    .insert(outsideAttendance)
    .values({
      organizationId: actor.organizationId,
      personId: actor.personId,
      outsideMeetingId: input.outsideMeetingId ?? null,
      name,
      attendedOn: input.attendedOn,
    })
    .returning();
  return row!;
}

export async function removeAttendance(db: Executor, actor: Actor, id: string) {
  const removed = await db
    .delete(outsideAttendance)
    .where(
      and(
        eq(outsideAttendance.id, id),
        eq(outsideAttendance.organizationId, actor.organizationId),
        eq(outsideAttendance.personId, actor.personId),
      ),
    )
    .returning({ id: outsideAttendance.id });
  // Another person's record is not found: nobody learns it exists.
  if (removed.length === 0) throw notFound('attendance record');
}

/** Weekly counts per current resident of a house, for its peer leaders and admins. Counts only. */
export async function houseAttendance(
  db: Executor,
  actor: Actor,
  residenceId: string,
  weeks: number,
): Promise<HouseAttendanceView> {
  const [house] = await db
    .select({
      id: residences.id,
      timeZone: residences.timeZone,
      goal: houseMeetingSettings.weeklyOutsideGoal,
    })
    .from(residences)
    .leftJoin(houseMeetingSettings, eq(houseMeetingSettings.residenceId, residences.id))
    .where(and(eq(residences.id, residenceId), eq(residences.organizationId, actor.organizationId)));
  if (!house) throw notFound('residence');
  if (!canSeeHouseAttendance(actor, house.id)) {
    await recordAudit(db, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'outside_attendance.house.read',
      subjectType: 'residence',
      subjectId: house.id,
      outcome: 'denied',
    });
    throw forbidden();
  }
  const today = localDate(house.timeZone);
  const thisWeek = weekStartOf(today);
  const weekStarts = Array.from({ length: weeks }, (_, i) => addDays(thisWeek, -7 * (weeks - 1 - i)));
  const residents = await db
    .selectDistinctOn([people.id], {
      id: people.id,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.organizationId, actor.organizationId),
        eq(memberships.residenceId, house.id),
        eq(memberships.role, 'resident'),
        isCurrentMembership(),
      ),
    )
    .orderBy(people.id);
  const ids = residents.map((r) => r.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({
            personId: outsideAttendance.personId,
            attendedOn: outsideAttendance.attendedOn,
            n: sql<number>`count(*)::int`,
          })
          .from(outsideAttendance)
          .where(
            and(
              eq(outsideAttendance.organizationId, actor.organizationId),
              inArray(outsideAttendance.personId, ids),
              gte(outsideAttendance.attendedOn, weekStarts[0]!),
              lte(outsideAttendance.attendedOn, addDays(thisWeek, 6)),
            ),
          )
          .groupBy(outsideAttendance.personId, outsideAttendance.attendedOn);
  const byPerson = new Map<string, number[]>(ids.map((id) => [id, weekStarts.map(() => 0)]));
  for (const c of counts) {
    const week = weekStarts.indexOf(weekStartOf(c.attendedOn));
    const list = byPerson.get(c.personId);
    if (list && week >= 0) list[week]! += c.n;
  }
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'outside_attendance.house.read',
    subjectType: 'residence',
    subjectId: house.id,
    detail: { residents: ids.length, weeks },
  });
  return {
    residenceId: house.id,
    goal: house.goal,
    weeks: weekStarts,
    residents: residents
      .map((r) => ({
        personId: r.id,
        displayName: formatDisplayName(r.firstName, r.lastName, r.nameStyle as NameStyle),
        counts: byPerson.get(r.id) ?? [],
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),
  };
}
