// Daily check-ins: one per person per local day (the day found here, in the person's own time zone),
// editable that day only. A retry with the same idempotency key returns the same check-in.
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { CheckInInput, CheckInUpdate } from '../../../shared/contracts/check-ins.ts';
import { DEFAULT_THRESHOLDS } from '../../../shared/domain/check-in.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import {
  checkIns,
  memberships,
  organizationSettings,
  people,
  residences,
} from '../../platform/database/schema.ts';
import { AppError, conflict, notFound } from '../../platform/errors.ts';
import { isOwnRecord } from '../../platform/policies.ts';
import { addDays, raiseSignal } from '../signals/service.ts';
import { presentCheckIn } from './presenters.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Thresholds = { cravingThreshold: number; lowMoodThreshold: number; silenceDays: number };
export type PersonDay = { timeZone: string; today: string; thresholds: Thresholds };

/**
 * A person's time zone (their own, else their current house's, else UTC), today's date in it, and
 * their organization's signal thresholds — in one query.
 */
export async function personDay(
  db: Pick<Db, 'select'>,
  organizationId: string,
  personId: string,
  now: Date = new Date(),
): Promise<PersonDay> {
  const utcToday = localDate('UTC', now);
  const houseZone = sql<string | null>`(select ${residences.timeZone} from ${memberships}
    join ${residences} on ${residences.id} = ${memberships.residenceId}
    where ${memberships.organizationId} = ${people.organizationId} and ${memberships.personId} = ${people.id}
      and ${memberships.role} in ('resident', 'peer_leader')
      and ${memberships.startsOn} <= ${addDays(utcToday, 1)}
      and (${memberships.endsOn} is null or ${memberships.endsOn} >= ${addDays(utcToday, -1)})
    order by (${memberships.role} = 'resident') desc, ${memberships.startsOn} desc limit 1)`;
  const [row] = await db
    .select({
      personZone: people.timeZone,
      houseZone,
      cravingThreshold: organizationSettings.cravingThreshold,
      lowMoodThreshold: organizationSettings.lowMoodThreshold,
      silenceDays: organizationSettings.silenceDays,
    })
    .from(people)
    .leftJoin(organizationSettings, eq(organizationSettings.organizationId, people.organizationId))
    .where(and(eq(people.id, personId), eq(people.organizationId, organizationId)));
  const timeZone = row?.personZone ?? row?.houseZone ?? 'UTC';
  return {
    timeZone,
    today: localDate(timeZone, now),
    thresholds: {
      cravingThreshold: row?.cravingThreshold ?? DEFAULT_THRESHOLDS.cravingThreshold,
      lowMoodThreshold: row?.lowMoodThreshold ?? DEFAULT_THRESHOLDS.lowMoodThreshold,
      silenceDays: row?.silenceDays ?? DEFAULT_THRESHOLDS.silenceDays,
    },
  };
}

/** The signals a check-in raises: craving at or above the threshold, a low mood, a request for support. */
async function raiseCheckInSignals(
  tx: Tx,
  actor: Actor,
  row: { mood: number; craving: number; wantsSupport: boolean; localDate: string },
  thresholds: Thresholds,
): Promise<void> {
  const base = { organizationId: actor.organizationId, personId: actor.personId, localDate: row.localDate };
  if (row.craving >= thresholds.cravingThreshold) {
    await raiseSignal(tx, { ...base, kind: 'craving', severity: 'high' });
  }
  if (row.mood <= thresholds.lowMoodThreshold) {
    await raiseSignal(tx, { ...base, kind: 'low_mood', severity: 'high' });
  }
  if (row.wantsSupport) {
    await raiseSignal(tx, { ...base, kind: 'support_request', severity: 'medium' });
  }
}

const mightSignal = (row: { mood: number; craving: number; wantsSupport: boolean }, t: Thresholds) =>
  row.craving >= t.cravingThreshold || row.mood <= t.lowMoodThreshold || row.wantsSupport;

/** Saves today's check-in. `created` is false when the same idempotency key was seen before. */
export async function createCheckIn(
  db: Db,
  actor: Actor,
  input: CheckInInput,
  now: Date = new Date(),
): Promise<{ created: boolean; checkIn: ReturnType<typeof presentCheckIn> }> {
  return await db.transaction(async (tx) => {
    const day = await personDay(tx, actor.organizationId, actor.personId, now);
    const wantsSupport = input.wantsSupport ?? false;
    const [inserted] = await tx
      .insert(checkIns)
      .values({
        organizationId: actor.organizationId,
        personId: actor.personId,
        localDate: day.today,
        mood: input.mood,
        craving: input.craving,
        sleepHours: input.sleepHours ?? null,
        triggers: [...new Set(input.triggers ?? [])],
        triggerOther: emptyToNull(input.triggerOther),
        gratitude: emptyToNull(input.gratitude),
        intention: emptyToNull(input.intention),
        wantsSupport,
        supportKind: wantsSupport ? (input.supportKind ?? null) : null,
        idempotencyKey: input.idempotencyKey,
      })
      // Either unique index (person + day, person + key) turns a duplicate into nothing, even concurrently.
      .onConflictDoNothing()
      .returning();
    if (inserted) {
      if (mightSignal(inserted, day.thresholds)) {
        await raiseCheckInSignals(tx, actor, inserted, day.thresholds);
      }
      return { created: true, checkIn: presentCheckIn(inserted, day.today) };
    }
    const [same] = await tx
      .select()
      .from(checkIns)
      .where(
        and(
          eq(checkIns.organizationId, actor.organizationId),
          eq(checkIns.personId, actor.personId),
          eq(checkIns.idempotencyKey, input.idempotencyKey),
        ),
      );
    if (same) return { created: false, checkIn: presentCheckIn(same, day.today) };
    throw conflict(
      "You have already checked in today. Edit today's check-in instead (send its idempotency key again to get it back).",
      'idempotencyKey',
    );
  });
}

const emptyToNull = (text: string | null | undefined) => (text ? text : null);

async function ownCheckIn(db: Pick<Db, 'select'>, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.id, id), eq(checkIns.organizationId, actor.organizationId)));
  // Someone else's check-in is not revealed, not even that it exists.
  if (!row || !isOwnRecord(actor, row.personId)) throw notFound('check-in');
  return row;
}

/** Changes today's check-in (and only today's), e.g. adding the end-of-day reflection. */
export async function updateCheckIn(
  db: Db,
  actor: Actor,
  id: string,
  input: CheckInUpdate,
  now: Date = new Date(),
): Promise<ReturnType<typeof presentCheckIn>> {
  return await db.transaction(async (tx) => {
    const found = await ownCheckIn(tx, actor, id);
    const day = await personDay(tx, actor.organizationId, actor.personId, now);
    if (found.localDate !== day.today) {
      throw new AppError(
        'conflict',
        "Only today's check-in can be changed; this one is from an earlier day.",
        [{ field: 'id', message: "is not today's check-in (only today's can be changed)" }],
      );
    }
    const wantsSupport = input.wantsSupport ?? found.wantsSupport;
    const changes: Partial<typeof checkIns.$inferInsert> = { updatedAt: now };
    if (input.mood !== undefined) changes.mood = input.mood;
    if (input.craving !== undefined) changes.craving = input.craving;
    if (input.sleepHours !== undefined) changes.sleepHours = input.sleepHours;
    if (input.triggers !== undefined) changes.triggers = [...new Set(input.triggers)];
    if (input.triggerOther !== undefined) changes.triggerOther = emptyToNull(input.triggerOther);
    if (input.gratitude !== undefined) changes.gratitude = emptyToNull(input.gratitude);
    if (input.intention !== undefined) changes.intention = emptyToNull(input.intention);
    if (input.reflection !== undefined) changes.reflection = input.reflection;
    if (input.wantsSupport !== undefined) changes.wantsSupport = input.wantsSupport;
    if (input.supportKind !== undefined || !wantsSupport) {
      changes.supportKind = wantsSupport ? (input.supportKind ?? null) : null;
    }
    const [updated] = await tx.update(checkIns).set(changes).where(eq(checkIns.id, found.id)).returning();
    if (mightSignal(updated!, day.thresholds)) {
      await raiseCheckInSignals(tx, actor, updated!, day.thresholds);
    }
    return presentCheckIn(updated!, day.today);
  });
}

/** Today's date in my time zone and my check-in for it, if any. */
export async function todayCheckIn(db: Db, actor: Actor, now: Date = new Date()) {
  const day = await personDay(db, actor.organizationId, actor.personId, now);
  const [row] = await db
    .select()
    .from(checkIns)
    .where(
      and(
        eq(checkIns.organizationId, actor.organizationId),
        eq(checkIns.personId, actor.personId),
        eq(checkIns.localDate, day.today),
      ),
    );
  return {
    localDate: day.today,
    timeZone: day.timeZone,
    checkIn: row ? presentCheckIn(row, day.today) : null,
  };
}

/** My check-ins of the last `days` local days (today included), oldest first, for my charts. */
export async function myCheckIns(db: Db, actor: Actor, days: number, now: Date = new Date()) {
  const day = await personDay(db, actor.organizationId, actor.personId, now);
  const from = addDays(day.today, -(days - 1));
  const rows = await db
    .select()
    .from(checkIns)
    .where(
      and(
        eq(checkIns.organizationId, actor.organizationId),
        eq(checkIns.personId, actor.personId),
        gte(checkIns.localDate, from),
        lte(checkIns.localDate, day.today),
      ),
    )
    .orderBy(asc(checkIns.localDate));
  return { days, from, to: day.today, checkIns: rows.map((r) => presentCheckIn(r, day.today)) };
}
