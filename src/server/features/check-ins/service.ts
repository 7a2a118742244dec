// Daily check-ins: one per person per local day (the day found here, in the person's own time zone),
// editable that day only. A retry with the same idempotency key returns the same check-in.
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { CheckInInput, CheckInUpdate } from '../../../shared/contracts/check-ins.ts';
import { signalsCalledFor } from '../../../shared/domain/check-in.ts';
import { addDays, localDate } from '../../../shared/domain/dates.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { preparedStatement } from '../../platform/database/prepared.ts';
import { checkIns } from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { isOwnRecord } from '../../platform/policies.ts';
import { announceSignals, type RaisedSignal } from '../signals/announce.ts';
import { presentCheckIn } from './presenters.ts';

export type PersonDay = { timeZone: string; today: string };

/** A person's time zone (their own, else their current house's, else UTC; known with their session) and today in it. */
export function personDay(actor: Pick<Actor, 'timeZone'>, now: Date = new Date()): PersonDay {
  return { timeZone: actor.timeZone, today: localDate(actor.timeZone, now) };
}

/**
 * Raises the signals called for (placeholders `signalKinds`, `signalSeverities`) on the check-in just saved
 * in CTE `source`, by the rules of raiseSignal: one per person, kind and day, for each house they live in.
 * Only in the statements used when the figures call for one; most check-ins call for none.
 */
const raiseSignalsCte = (source: 'ins' | 'upd') => {
  const from = sql.raw(source);
  return sql`raised as (
  insert into signals (organization_id, residence_id, person_id, kind, severity, local_date)
  select ${from}.organization_id, m.residence_id, ${from}.person_id, k.kind, k.severity, ${from}.local_date
  from ${from}
  cross join unnest(${sql.placeholder('signalKinds')}::text[], ${sql.placeholder('signalSeverities')}::text[]) as k(kind, severity)
  join memberships m on m.organization_id = ${from}.organization_id and m.person_id = ${from}.person_id
    and m.role = 'resident' and hearth_membership_held_on(m, ${from}.local_date)
  on conflict do nothing
  returning id, organization_id, residence_id, person_id, kind, severity, raised_at
)`;
};
/** The signals the statement raised, as one json column beside the check-in (for announcing them). */
const RAISED_SIGNALS = sql.raw(`(select coalesce(json_agg(json_build_object('id', r.id,
  'organizationId', r.organization_id, 'residenceId', r.residence_id, 'personId', r.person_id,
  'kind', r.kind, 'severity', r.severity, 'raisedAt', r.raised_at)), '[]'::json) from raised r) as raised_signals`);
type RaisedJson = Omit<RaisedSignal, 'raisedAt'> & { raisedAt: string };
type RaisedColumn = { raised_signals?: RaisedJson[] };
/** Tells the peer leaders about the signals a save raised (none for most saves). */
async function announceRaised(db: Db, rows: readonly object[]): Promise<void> {
  const raised = rows.flatMap((r) => (r as RaisedColumn).raised_signals ?? []);
  if (raised.length === 0) return;
  await announceSignals(
    db,
    raised.map((r) => ({ ...r, raisedAt: new Date(r.raisedAt) })),
  );
}
type SignalValues = { signalKinds: string[]; signalSeverities: string[] };

// Saving a check-in is one statement (one round trip, one transaction) on the day found beforehand (today
// in the person's time zone, or yesterday for one a phone kept offline): insert unless that day's check-in
// or this key exists, raise the signals its figures call for (that variant only when they call for one),
// and return the new check-in. Nothing returned means a retry (or the day's check-in exists): a second
// query finds the one this key made, so the first save — by far the most common — is one plain insert.
// A phone sending a kept check-in again says so (it sends the day it was made on): that key is looked up
// first, so a retry whose first try did arrive is one query too.
const p = sql.placeholder;
const insertCheckIn = (returning: string) => sql`insert into check_ins (organization_id, person_id,
    local_date, mood, craving, sleep_hours, triggers, trigger_other, gratitude, intention, wants_support,
    support_kind, idempotency_key)
  values (${p('organizationId')}, ${p('personId')}, ${p('localDate')}::date, ${p('mood')}, ${p('craving')},
    ${p('sleepHours')}, ${p('triggers')}::text[], ${p('triggerOther')}, ${p('gratitude')}, ${p('intention')},
    ${p('wantsSupport')}, ${p('supportKind')}, ${p('idempotencyKey')})
  on conflict do nothing
  returning ${sql.raw(returning)}`;
/** What the insert returns: the rest of the new check-in is what was sent (sleep as stored, a `real`). */
type InsertedRow = { id: string; created_at: Date; sleep_hours: number | null };
type InsertValues = {
  organizationId: string;
  personId: string;
  localDate: string;
  mood: number;
  craving: number;
  sleepHours: number | null;
  triggers: string[];
  triggerOther: string | null;
  gratitude: string | null;
  intention: string | null;
  wantsSupport: boolean;
  supportKind: string | null;
  idempotencyKey: string;
};
const CREATE_CHECK_IN = preparedStatement<InsertedRow, InsertValues>(
  'hearth_check_in_create',
  insertCheckIn('id, created_at, sleep_hours'),
);
const CREATE_CHECK_IN_WITH_SIGNALS = preparedStatement<
  InsertedRow & RaisedColumn,
  InsertValues & SignalValues
>(
  'hearth_check_in_create_signals',
  sql`with ins as (${insertCheckIn('id, created_at, sleep_hours, organization_id, person_id, local_date')}),
${raiseSignalsCte('ins')}
select id, created_at, sleep_hours, ${RAISED_SIGNALS} from ins`,
);
/** The check-in this idempotency key saved, if any (a phone's retry). */
const CHECK_IN_BY_KEY = preparedStatement<
  CheckInDbRow,
  { organizationId: string; personId: string; idempotencyKey: string }
>(
  'hearth_check_in_by_key',
  sql`select * from check_ins where organization_id = ${p('organizationId')}
    and person_id = ${p('personId')} and idempotency_key = ${p('idempotencyKey')}`,
);

type CheckInDbRow = {
  id: string;
  organization_id: string;
  person_id: string;
  local_date: string;
  mood: number;
  craving: number;
  sleep_hours: number | null;
  triggers: string[];
  trigger_other: string | null;
  gratitude: string | null;
  intention: string | null;
  wants_support: boolean;
  support_kind: string | null;
  reflection: string | null;
  idempotency_key: string;
  created_at: Date;
  updated_at: Date;
};

const fromDbRow = (r: CheckInDbRow): typeof checkIns.$inferSelect => ({
  id: r.id,
  organizationId: r.organization_id,
  personId: r.person_id,
  localDate: r.local_date,
  mood: r.mood,
  craving: r.craving,
  sleepHours: r.sleep_hours,
  triggers: r.triggers,
  triggerOther: r.trigger_other,
  gratitude: r.gratitude,
  intention: r.intention,
  wantsSupport: r.wants_support,
  supportKind: r.support_kind,
  reflection: r.reflection,
  idempotencyKey: r.idempotency_key,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Saves today's check-in, or the one a phone kept offline under its own local date (`localDate`: today or
 * yesterday in the person's time zone, else a 400 naming it). `created` is false when the same idempotency
 * key was seen before: that check-in comes back whatever date is sent with it.
 */
export async function createCheckIn(
  db: Db,
  actor: Actor,
  input: CheckInInput,
): Promise<{ created: boolean; checkIn: ReturnType<typeof presentCheckIn> }> {
  const { today } = personDay(actor);
  // Sent again from the phone (it then carries the day it was made on): most often after a lost answer,
  // when the server has it already, so the key is looked up first — one query, nothing written.
  if (input.localDate !== undefined) {
    const earlier = await checkInByKey(db, actor, input.idempotencyKey);
    if (earlier) return { created: false, checkIn: presentCheckIn(earlier, today) };
  }
  const wantsSupport = input.wantsSupport ?? false;
  const date = input.localDate ?? today;
  const dateAllowed = date === today || date === addDays(today, -1);
  const calls = signalsCalledFor(actor.thresholds, { ...input, wantsSupport });
  // A refused date saves nothing; the key may still have saved one before (looked up below).
  if (dateAllowed) {
    // The new check-in as sent; the database adds its id and time, and stores the sleep as a `real`.
    const sent = {
      organizationId: actor.organizationId,
      personId: actor.personId,
      localDate: date,
      mood: input.mood,
      craving: input.craving,
      triggers: [...new Set(input.triggers ?? [])],
      triggerOther: emptyToNull(input.triggerOther),
      gratitude: emptyToNull(input.gratitude),
      intention: emptyToNull(input.intention),
      wantsSupport,
      supportKind: wantsSupport ? (input.supportKind ?? null) : null,
      reflection: null,
      idempotencyKey: input.idempotencyKey,
    };
    const values = { ...sent, sleepHours: input.sleepHours ?? null };
    const { rows } =
      calls.length > 0
        ? await CREATE_CHECK_IN_WITH_SIGNALS.run(db, { ...values, ...signalValues(calls) })
        : await CREATE_CHECK_IN.run(db, values);
    await announceRaised(db, rows);
    const row = rows[0];
    if (row) {
      // Only the database's own values come back (fewer columns to send and read on every save).
      const saved: typeof checkIns.$inferSelect = {
        ...sent,
        id: row.id,
        sleepHours: row.sleep_hours,
        createdAt: row.created_at,
        updatedAt: row.created_at,
      };
      return { created: true, checkIn: presentCheckIn(saved, today) };
    }
  }
  // Nothing inserted: this key saved one before (a retry: it comes back whatever date is sent with it), or
  // the day already has a check-in made with another key.
  const same = await checkInByKey(db, actor, input.idempotencyKey);
  if (same) return { created: false, checkIn: presentCheckIn(same, today) };
  if (!dateAllowed) {
    throw refuse('check_in.local_date_out_of_range', {
      field: 'localDate',
      params: { yesterday: addDays(today, -1), today, date },
      message: `A check-in kept on the phone can be saved for today or yesterday (${addDays(today, -1)} or ${today}), not for ${date}.`,
    });
  }
  if (date !== today) {
    throw refuse('check_in.day_already_has_one', {
      field: 'localDate',
      params: { date },
      message: `You already have a check-in for ${date}; this one was not saved a second time.`,
    });
  }
  throw refuse('check_in.already_today', { field: 'idempotencyKey' });
}

async function checkInByKey(db: Db, actor: Actor, idempotencyKey: string) {
  const { rows } = await CHECK_IN_BY_KEY.run(db, {
    organizationId: actor.organizationId,
    personId: actor.personId,
    idempotencyKey,
  });
  return rows[0] ? fromDbRow(rows[0]) : null;
}

const signalValues = (calls: { kind: string; severity: string }[]): SignalValues => ({
  signalKinds: calls.map((c) => c.kind),
  signalSeverities: calls.map((c) => c.severity),
});

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

// Changing today's check-in is one prepared statement too: only today's (in the person's time zone) is
// changed — a field not sent keeps its value — and the signals its new figures call for are raised by
// the rules of raiseSignal, for the figures sent (a signal already raised today is not raised twice).
const updateCheckInSql = sql`
update check_ins c set
  updated_at = now(),
  mood = coalesce(${p('mood')}::smallint, c.mood),
  craving = coalesce(${p('craving')}::smallint, c.craving),
  sleep_hours = case when ${p('sleepGiven')}::boolean then ${p('sleepHours')}::real else c.sleep_hours end,
  triggers = coalesce(${p('triggers')}::text[], c.triggers),
  trigger_other = case when ${p('triggerOtherGiven')}::boolean then ${p('triggerOther')}::text else c.trigger_other end,
  gratitude = case when ${p('gratitudeGiven')}::boolean then ${p('gratitude')}::text else c.gratitude end,
  intention = case when ${p('intentionGiven')}::boolean then ${p('intention')}::text else c.intention end,
  reflection = case when ${p('reflectionGiven')}::boolean then ${p('reflection')}::text else c.reflection end,
  wants_support = coalesce(${p('wantsSupport')}::boolean, c.wants_support),
  support_kind = case when coalesce(${p('wantsSupport')}::boolean, c.wants_support)
    then (case when ${p('supportKindGiven')}::boolean then ${p('supportKind')}::text else c.support_kind end)
    else null end
where c.id = ${p('id')} and c.organization_id = ${p('organizationId')} and c.person_id = ${p('personId')}
  and c.local_date = ${p('today')}::date
returning c.*`;
type UpdateValues = {
  organizationId: string;
  personId: string;
  id: string;
  today: string;
  mood: number | null;
  craving: number | null;
  sleepGiven: boolean;
  sleepHours: number | null;
  triggers: string[] | null;
  triggerOtherGiven: boolean;
  triggerOther: string | null;
  gratitudeGiven: boolean;
  gratitude: string | null;
  intentionGiven: boolean;
  intention: string | null;
  reflectionGiven: boolean;
  reflection: string | null;
  wantsSupport: boolean | null;
  supportKindGiven: boolean;
  supportKind: string | null;
};
const UPDATE_CHECK_IN = preparedStatement<CheckInDbRow, UpdateValues>(
  'hearth_check_in_update',
  updateCheckInSql,
);
const UPDATE_CHECK_IN_WITH_SIGNALS = preparedStatement<
  CheckInDbRow & RaisedColumn,
  UpdateValues & SignalValues
>(
  'hearth_check_in_update_signals',
  sql`with upd as (${updateCheckInSql}),\n${raiseSignalsCte('upd')}\nselect upd.*, ${RAISED_SIGNALS} from upd`,
);

/** Changes today's check-in (and only today's), e.g. adding the end-of-day reflection. */
export async function updateCheckIn(
  db: Db,
  actor: Actor,
  id: string,
  input: CheckInUpdate,
  now: Date = new Date(),
): Promise<ReturnType<typeof presentCheckIn>> {
  const given = (v: unknown) => v !== undefined;
  const { today } = personDay(actor, now);
  const calls = signalsCalledFor(actor.thresholds, input);
  const values: UpdateValues = {
    organizationId: actor.organizationId,
    personId: actor.personId,
    id,
    today,
    mood: input.mood ?? null,
    craving: input.craving ?? null,
    sleepGiven: given(input.sleepHours),
    sleepHours: input.sleepHours ?? null,
    triggers: input.triggers === undefined ? null : [...new Set(input.triggers)],
    triggerOtherGiven: given(input.triggerOther),
    triggerOther: emptyToNull(input.triggerOther),
    gratitudeGiven: given(input.gratitude),
    gratitude: emptyToNull(input.gratitude),
    intentionGiven: given(input.intention),
    intention: emptyToNull(input.intention),
    reflectionGiven: given(input.reflection),
    reflection: input.reflection ?? null,
    wantsSupport: input.wantsSupport ?? null,
    supportKindGiven: given(input.supportKind),
    supportKind: input.supportKind ?? null,
  };
  const { rows } =
    calls.length > 0
      ? await UPDATE_CHECK_IN_WITH_SIGNALS.run(db, { ...values, ...signalValues(calls) })
      : await UPDATE_CHECK_IN.run(db, values);
  await announceRaised(db, rows);
  const row = rows[0];
  if (row) return presentCheckIn(fromDbRow(row), today);
  // Not changed: someone else's (not revealed) or an earlier day's.
  await ownCheckIn(db, actor, id);
  throw refuse('check_in.only_today', { field: 'id' });
}

/** Today's date in my time zone and my check-in for it, if any. */
export async function todayCheckIn(db: Db, actor: Actor, now: Date = new Date()) {
  const day = personDay(actor, now);
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
  const day = personDay(actor, now);
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
