// The peer leader's day: the open signals of the houses they lead, by person, with what is new since they
// last looked; saying they looked; noting all of one person's open signals at once, and taking that back
// within a minute (decision 0032).
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { SIGNAL_UNDO_SECONDS } from '../../../shared/contracts/signals.ts';
import { recordAudit } from '../../platform/audit.ts';
import { type Actor, residencesWithRole } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { checkIns, people, residences, signals, signalViews } from '../../platform/database/schema.ts';
import { forbidden, notFound, refuse } from '../../platform/errors.ts';
import { announceSignalsChanged } from './announce.ts';
import { houseForStaff } from './house.ts';
import { loadSignals } from './house-signals.ts';
import { canAcknowledgeSignal } from './policy.ts';
import type { SignalRow } from './presenters.ts';

/** At most this many open signals are read for Today; the oldest past it wait on the house's full view. */
const TODAY_LIMIT = 500;

export type LeaderDaySignalRow = {
  id: string;
  residenceId: string;
  personId: string;
  firstName: string;
  lastName: string;
  nameStyle: string;
  kind: string;
  severity: string;
  localDate: string;
  raisedAt: Date;
  supportKind: string | null;
};
export type LeaderDayHouseRow = { id: string; name: string; lastSeenAt: Date | null };
export type LeaderDay = { houses: LeaderDayHouseRow[]; signals: LeaderDaySignalRow[] };

/** Today asks for this on every open by a peer leader, so it is a prepared statement. */
const prepareOpenSignals = (db: Db) =>
  db
    .select({
      id: signals.id,
      residenceId: signals.residenceId,
      personId: signals.personId,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
      kind: signals.kind,
      severity: signals.severity,
      localDate: signals.localDate,
      raisedAt: signals.raisedAt,
      supportKind: checkIns.supportKind,
    })
    .from(signals)
    .innerJoin(people, eq(people.id, signals.personId))
    .leftJoin(
      checkIns,
      and(
        eq(checkIns.organizationId, signals.organizationId),
        eq(checkIns.personId, signals.personId),
        eq(checkIns.localDate, signals.localDate),
        eq(signals.kind, 'support_request'),
      ),
    )
    .where(
      and(
        eq(signals.organizationId, sql.placeholder('organizationId')),
        sql`${signals.residenceId} = any(${sql.placeholder('residenceIds')}::uuid[])`,
        isNull(signals.acknowledgedAt),
      ),
    )
    .orderBy(desc(signals.raisedAt))
    .limit(TODAY_LIMIT)
    .prepare('hearth_leader_day_signals');
const prepared = new WeakMap<Db, ReturnType<typeof prepareOpenSignals>>();

/** The houses the actor leads as a peer leader today, with when they last looked and their open signals. Audited. */
export async function leaderDay(db: Db, actor: Actor): Promise<LeaderDay> {
  const led = [...new Set(residencesWithRole(actor, 'peer_leader'))];
  if (led.length === 0) return { houses: [], signals: [] };
  let openSignals = prepared.get(db);
  if (!openSignals) {
    openSignals = prepareOpenSignals(db);
    prepared.set(db, openSignals);
  }
  const [houses, list] = await Promise.all([
    db
      .select({ id: residences.id, name: residences.name, lastSeenAt: signalViews.lastSeenAt })
      .from(residences)
      .leftJoin(
        signalViews,
        and(
          eq(signalViews.organizationId, residences.organizationId),
          eq(signalViews.residenceId, residences.id),
          eq(signalViews.personId, actor.personId),
        ),
      )
      .where(and(eq(residences.organizationId, actor.organizationId), inArray(residences.id, led)))
      .orderBy(residences.name),
    openSignals.execute({ organizationId: actor.organizationId, residenceIds: `{${led.join(',')}}` }),
  ]);
  await Promise.all(
    houses.map((house) =>
      recordAudit(db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'signals.read',
        subjectType: 'residence',
        subjectId: house.id,
        detail: { count: list.filter((s) => s.residenceId === house.id).length },
      }),
    ),
  );
  return { houses, signals: list };
}

/**
 * I looked at a house's signals up to `upTo` (the newest one shown; never later than now, and never
 * earlier than a look already recorded): what is raised after it stays new.
 */
export async function markSignalsSeen(db: Db, actor: Actor, residenceId: string, upTo: Date): Promise<Date> {
  const house = await houseForStaff(db, actor, residenceId, 'signals.read');
  const at = sql`least(${upTo.toISOString()}::timestamptz, now())`;
  const [row] = await db
    .insert(signalViews)
    .values({
      organizationId: actor.organizationId,
      personId: actor.personId,
      residenceId: house.id,
      lastSeenAt: at,
    })
    .onConflictDoUpdate({
      target: [signalViews.organizationId, signalViews.personId, signalViews.residenceId],
      set: { lastSeenAt: sql`greatest(${signalViews.lastSeenAt}, excluded.last_seen_at)` },
    })
    .returning({ lastSeenAt: signalViews.lastSeenAt });
  return row!.lastSeenAt;
}

/** Notes every open signal of one person in a house at once (an optional note). Audited, one entry per signal. */
export async function acknowledgePerson(
  db: Db,
  actor: Actor,
  residenceId: string,
  personId: string,
  note: string | undefined,
): Promise<{ signals: SignalRow[]; undoUntil: Date }> {
  return await db.transaction(async (tx) => {
    const house = await houseForStaff(tx, actor, residenceId, 'signal.acknowledge');
    const open = await loadSignals(
      tx,
      actor.organizationId,
      and(eq(signals.residenceId, house.id), eq(signals.personId, personId), isNull(signals.acknowledgedAt)),
      true,
    );
    if (open.length === 0) throw refuse('signals.nothing_open', { field: 'personId' });
    const ids = open.map((s) => s.id);
    const [saved] = await tx
      .update(signals)
      .set({ acknowledgedAt: sql`now()`, acknowledgedBy: actor.personId, acknowledgement: note || null })
      .where(and(eq(signals.organizationId, actor.organizationId), inArray(signals.id, ids)))
      .returning({ at: signals.acknowledgedAt });
    for (const id of ids) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'signal.acknowledge',
        subjectType: 'signal',
        subjectId: id,
      });
    }
    await announceSignalsChanged(tx, {
      organizationId: actor.organizationId,
      residenceId: house.id,
      personId,
      signalIds: ids,
      by: actor.personId,
    });
    const list = await loadSignals(tx, actor.organizationId, inArray(signals.id, ids));
    return { signals: list, undoUntil: new Date(saved!.at!.getTime() + SIGNAL_UNDO_SECONDS * 1000) };
  });
}

/**
 * Takes back my acknowledgement of these signals, within SIGNAL_UNDO_SECONDS of making it: they are open
 * again, as if never noted; the audit log keeps both steps. A signal already open stays open.
 */
export async function undoAcknowledge(db: Db, actor: Actor, ids: readonly string[]): Promise<SignalRow[]> {
  const unique = [...new Set(ids)];
  return await db.transaction(async (tx) => {
    const found = await loadSignals(tx, actor.organizationId, inArray(signals.id, unique), true);
    if (found.length !== unique.length) throw notFound('signal');
    if (!found.every((s) => canAcknowledgeSignal(actor, s))) throw forbidden();
    const noted = found.filter((s) => s.acknowledgedAt !== null);
    if (noted.some((s) => s.acknowledgedBy !== actor.personId)) {
      throw refuse('signals.undo_not_yours', { field: 'ids' });
    }
    const [{ now }] = (await tx.execute<{ now: Date }>(sql`select now() as now`)).rows as [{ now: Date }];
    const deadline = new Date(now).getTime() - SIGNAL_UNDO_SECONDS * 1000;
    if (noted.some((s) => s.acknowledgedAt!.getTime() < deadline)) {
      throw refuse('signals.undo_too_late', { field: 'ids' });
    }
    if (noted.length > 0) {
      await tx
        .update(signals)
        .set({ acknowledgedAt: null, acknowledgedBy: null, acknowledgement: null })
        .where(
          and(
            eq(signals.organizationId, actor.organizationId),
            inArray(
              signals.id,
              noted.map((s) => s.id),
            ),
          ),
        );
    }
    for (const s of noted) {
      await recordAudit(tx, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'signal.unacknowledge',
        subjectType: 'signal',
        subjectId: s.id,
      });
    }
    const changed = Map.groupBy(noted, (s) => `${s.residenceId}:${s.personId}`);
    for (const group of changed.values()) {
      await announceSignalsChanged(tx, {
        organizationId: actor.organizationId,
        residenceId: group[0]!.residenceId,
        personId: group[0]!.personId,
        signalIds: group.map((s) => s.id),
        by: actor.personId,
      });
    }
    return await loadSignals(tx, actor.organizationId, inArray(signals.id, unique));
  });
}
