// A house's meeting schedule: recurring series materialised into meetings for the next weeks (on
// create, on change and by a daily job), plus one-off and emergency meetings.

import { and, asc, desc, eq, gte, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type { MeetingDetailView, NewMeeting, SeriesInput } from '../../../shared/contracts/meetings.ts';
import { STANDING_KINDS } from '../../../shared/contracts/meetings.ts';
import type { AuditAction, AuditSubject } from '../../../shared/domain/audit-actions.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import {
  addDays,
  expandOccurrences,
  type Occurrence,
  rruleProblem,
  zonedTimeToInstant,
} from '../../../shared/domain/recurrence.ts';
import { nextTurn, type RotationMember } from '../../../shared/domain/rotation.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  agendaItems,
  houseMeetingSeries,
  houseMeetings,
  residences,
} from '../../platform/database/schema.ts';
import { invalidField, refuse } from '../../platform/errors.ts';
import { currentMembers, lastStayStart, residentsOf } from './members.ts';
import { viewerOf } from './policy.ts';
import type { HouseRef, SeriesRow } from './records.ts';
import { detailOf } from './service.ts';

/** How far ahead a series' meetings exist as rows (so agendas can be added to them). */
export const HORIZON_DAYS = 56;

export const STANDING_TITLES: Record<(typeof STANDING_KINDS)[number], string> = {
  business: 'House business',
  chores: 'Chores',
  celebrations: 'Celebrations',
};

/** The later of two calendar dates (YYYY-MM-DD sorts as text). */
const laterDate = (a: string, b: string) => (a < b ? b : a);

/** A bad RRULE is a 400 naming the field, before anything is written. */
export function checkRrule(rrule: string): string {
  const problem = rruleProblem(rrule);
  if (problem) throw invalidField('rrule', 'meetings.rrule_invalid', problem);
  return rrule.trim().replace(/^RRULE:/i, '');
}

/** The chair of the house's latest meeting before an instant (cancelled meetings do not count). */
async function chairBefore(
  db: Executor,
  organizationId: string,
  residenceId: string,
  before: Date,
): Promise<string | null> {
  const [row] = await db
    .select({ chairId: houseMeetings.chairId })
    .from(houseMeetings)
    .where(
      and(
        eq(houseMeetings.organizationId, organizationId),
        eq(houseMeetings.residenceId, residenceId),
        ne(houseMeetings.state, 'cancelled'),
        isNotNull(houseMeetings.chairId),
        lt(houseMeetings.startsAt, before),
      ),
    )
    .orderBy(desc(houseMeetings.startsAt))
    .limit(1);
  return row?.chairId ?? null;
}

/** A rotation member for a previous chair, current or moved out (their last stay places them). */
async function asRotationMember(
  db: Executor,
  organizationId: string,
  residenceId: string,
  personId: string | null,
  residents: RotationMember[],
): Promise<RotationMember | null> {
  if (!personId) return null;
  const current = residents.find((r) => r.personId === personId);
  if (current) return current;
  const startsOn = await lastStayStart(db, organizationId, residenceId, personId);
  return startsOn ? { personId, movedInOn: startsOn } : null;
}

/** Chair and secretary for a meeting at an instant: the turn after the last chair before it. */
export async function turnFor(db: Executor, organizationId: string, residenceId: string, startsAt: Date) {
  const residents = residentsOf(
    await currentMembers(db, organizationId, residenceId, startsAt.toISOString().slice(0, 10)),
  );
  const previous = await chairBefore(db, organizationId, residenceId, startsAt);
  return nextTurn(residents, await asRotationMember(db, organizationId, residenceId, previous, residents));
}

async function addStandingItems(
  db: Executor,
  meeting: { id: string; organizationId: string; residenceId: string },
) {
  await db.insert(agendaItems).values(
    STANDING_KINDS.map((kind, i) => ({
      organizationId: meeting.organizationId,
      residenceId: meeting.residenceId,
      meetingId: meeting.id,
      kind,
      title: STANDING_TITLES[kind],
      position: i + 1,
    })),
  );
}

/**
 * Makes the series' meetings for the next HORIZON_DAYS exist, each with its chair and secretary by
 * rotation and the standing items. Future meetings that no longer match a changed rule are removed
 * (or cancelled, when residents already put something on their agenda); matching ones follow the new
 * time and place. Idempotent: unique per (series, local date).
 */
export async function materialiseSeries(db: Db, seriesId: string, now: Date = new Date()): Promise<number> {
  return await db.transaction(async (tx) => await materialiseSeriesIn(tx, seriesId, now));
}

/** The same, inside a transaction the caller holds (the demo seed), from the series or its id. */
export async function materialiseSeriesIn(
  tx: Executor,
  seriesOrId: string | SeriesRow,
  now: Date = new Date(),
): Promise<number> {
  const seriesId = typeof seriesOrId === 'string' ? seriesOrId : seriesOrId.id;
  // One run per series at a time (the daily job and a peer leader's change may meet): an advisory lock,
  // which the builder has no words for.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`series:${seriesId}`}))`);
  const [series] =
    typeof seriesOrId === 'string'
      ? await tx.select().from(houseMeetingSeries).where(eq(houseMeetingSeries.id, seriesId))
      : [seriesOrId];
  if (!series) return 0;
  const today = localDate(series.timeZone, now);
  const wanted = series.endedAt
    ? []
    : expandOccurrences(series, laterDate(series.startsOn, today), addDays(today, HORIZON_DAYS));
  const existing = await tx
    .select()
    .from(houseMeetings)
    .where(and(eq(houseMeetings.seriesId, series.id), gte(houseMeetings.localDate, today)))
    .orderBy(asc(houseMeetings.localDate));
  await followSeries(tx, series, existing, new Map(wanted.map((o) => [o.localDate, o])));
  const existingDates = new Set(existing.map((m) => m.localDate));
  const missing = wanted.filter(
    (o) => !existingDates.has(o.localDate) && o.startsAt > new Date(now.getTime() - 12 * 3_600_000),
  );
  return missing.length === 0 ? 0 : await addOccurrences(tx, series, missing, today);
}

type MeetingRowOfSeries = typeof houseMeetings.$inferSelect;

/** Meetings that are still to come follow the series; those it no longer has go. */
async function followSeries(
  tx: Executor,
  series: SeriesRow,
  existing: MeetingRowOfSeries[],
  wantedByDate: Map<string, Occurrence>,
): Promise<void> {
  for (const meeting of existing) {
    if (meeting.state !== 'upcoming') continue;
    const match = wantedByDate.get(meeting.localDate);
    if (match) {
      if (
        meeting.startsAt.getTime() !== match.startsAt.getTime() ||
        meeting.durationMinutes !== series.durationMinutes ||
        meeting.location !== series.location ||
        meeting.title !== series.title
      ) {
        await tx
          .update(houseMeetings)
          .set({
            startsAt: match.startsAt,
            durationMinutes: series.durationMinutes,
            location: series.location,
            title: series.title,
            remindedAt: null,
          })
          .where(eq(houseMeetings.id, meeting.id));
      }
      continue;
    }
    const raised = await tx.$count(
      agendaItems,
      and(eq(agendaItems.meetingId, meeting.id), eq(agendaItems.kind, 'problem')),
    );
    if (raised > 0) {
      await tx.update(houseMeetings).set({ state: 'cancelled' }).where(eq(houseMeetings.id, meeting.id));
    } else {
      await tx.delete(houseMeetings).where(eq(houseMeetings.id, meeting.id));
    }
  }
}

/** The series' missing occurrences as meetings, each with its turn of chair and secretary. */
async function addOccurrences(
  tx: Executor,
  series: SeriesRow,
  missing: Occurrence[],
  today: string,
): Promise<number> {
  const residents = residentsOf(await currentMembers(tx, series.organizationId, series.residenceId, today));
  let created = 0;
  for (const occurrence of missing) {
    const previous = await chairBefore(tx, series.organizationId, series.residenceId, occurrence.startsAt);
    const turn = nextTurn(
      residents,
      await asRotationMember(tx, series.organizationId, series.residenceId, previous, residents),
    );
    const [meeting] = await tx
      .insert(houseMeetings)
      .values({
        organizationId: series.organizationId,
        residenceId: series.residenceId,
        seriesId: series.id,
        kind: 'regular',
        title: series.title,
        startsAt: occurrence.startsAt,
        localDate: occurrence.localDate,
        durationMinutes: series.durationMinutes,
        location: series.location,
        chairId: turn.chairId,
        secretaryId: turn.secretaryId,
        createdBy: series.createdBy,
      })
      .onConflictDoNothing()
      .returning();
    if (!meeting) continue;
    await addStandingItems(tx, meeting);
    created++;
  }
  return created;
}

/** The daily job: every running series, each in its own transaction. */
export async function materialiseAllSeries(db: Db, now: Date = new Date()): Promise<number> {
  const all = await db
    .select({ id: houseMeetingSeries.id })
    .from(houseMeetingSeries)
    .innerJoin(residences, eq(residences.id, houseMeetingSeries.residenceId))
    .where(isNull(houseMeetingSeries.endedAt));
  let created = 0;
  for (const series of all) created += await materialiseSeries(db, series.id, now);
  return created;
}

export type SeriesValues = Required<Omit<SeriesInput, 'title' | 'durationMinutes' | 'location'>> & {
  title: string;
  durationMinutes: number;
  location: string;
};

export async function createSeries(
  db: Db,
  actor: { organizationId: string; personId: string },
  house: { id: string; timeZone: string },
  input: SeriesValues,
  now: Date = new Date(),
): Promise<SeriesRow> {
  const rrule = checkRrule(input.rrule);
  return await db.transaction(async (tx) => {
    const [series] = await tx
      .insert(houseMeetingSeries)
      .values({
        organizationId: actor.organizationId,
        residenceId: house.id,
        title: input.title,
        rrule,
        startsOn: input.startsOn,
        startTime: input.startTime,
        durationMinutes: input.durationMinutes,
        timeZone: house.timeZone,
        location: input.location,
        createdBy: actor.personId,
      })
      .returning();
    await materialiseSeriesIn(tx, series!, now);
    await auditSchedule(tx, actor, 'meeting_series.create', 'house_meeting_series', series!.id);
    return series!;
  });
}

export type SeriesChanges = Partial<
  Pick<SeriesRow, 'title' | 'rrule' | 'startsOn' | 'startTime' | 'durationMinutes' | 'location'>
>;

/**
 * Changes or ends a schedule; its upcoming meetings follow, in the same transaction as the audit entry.
 * An ended schedule takes no more changes.
 */
export async function changeSeries(
  db: Db,
  actor: { organizationId: string; personId: string },
  series: SeriesRow,
  changes: SeriesChanges | 'end',
): Promise<SeriesRow> {
  if (changes !== 'end') {
    if (series.endedAt) throw refuse('meetings.series_ended');
    if (Object.keys(changes).length === 0) return series;
  }
  return await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(houseMeetingSeries)
      // Ending a schedule twice keeps the day it first ended.
      .set(changes === 'end' ? { endedAt: sql`coalesce(${houseMeetingSeries.endedAt}, now())` } : changes)
      .where(eq(houseMeetingSeries.id, series.id))
      .returning();
    await materialiseSeriesIn(tx, updated ?? series);
    const action = changes === 'end' ? 'meeting_series.end' : 'meeting_series.update';
    await auditSchedule(tx, actor, action, 'house_meeting_series', series.id);
    return updated ?? series;
  });
}

const auditSchedule = (
  tx: Executor,
  actor: { organizationId: string; personId: string },
  action: AuditAction,
  subjectType: AuditSubject,
  subjectId: string,
) =>
  recordAudit(tx, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action,
    subjectType,
    subjectId,
  });

/** A one-off or emergency meeting at a local date and time in the house's zone, as its maker sees it. */
export async function createMeeting(
  db: Db,
  actor: Actor,
  house: HouseRef,
  input: Required<NewMeeting>,
): Promise<MeetingDetailView> {
  const startsAt = zonedTimeToInstant(input.date, input.time, house.timeZone);
  return await db.transaction(async (tx) => {
    const turn = await turnFor(tx, actor.organizationId, house.id, startsAt);
    const [meeting] = await tx
      .insert(houseMeetings)
      .values({
        organizationId: actor.organizationId,
        residenceId: house.id,
        kind: input.kind,
        title: input.title,
        startsAt,
        localDate: input.date,
        durationMinutes: input.durationMinutes,
        location: input.location,
        chairId: turn.chairId,
        secretaryId: turn.secretaryId,
        createdBy: actor.personId,
      })
      .returning();
    // An emergency meeting is about one thing; a one-off house meeting has the usual standing items.
    if (input.kind === 'one_off') await addStandingItems(tx, meeting!);
    await auditSchedule(tx, actor, `meeting.create.${input.kind}`, 'house_meeting', meeting!.id);
    const made = { ...meeting!, timeZone: house.timeZone, residenceName: house.name };
    return await detailOf(tx, actor, made, viewerOf(actor, made));
  });
}
