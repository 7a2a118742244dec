// A house's signals for its peer leaders and admins: listing them (audited) and acknowledging one
// with a short note, kept as history.
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { checkIns, people, signals } from '../../platform/database/schema.ts';
import { forbidden, notFound, refuse } from '../../platform/errors.ts';
import { houseForStaff } from './house.ts';
import { canAcknowledgeSignal } from './policy.ts';
import type { SignalRow } from './presenters.ts';

const acknowledger = alias(people, 'acknowledger');

const signalColumns = {
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
  acknowledgedAt: signals.acknowledgedAt,
  acknowledgedBy: signals.acknowledgedBy,
  acknowledgement: signals.acknowledgement,
  byFirstName: acknowledger.firstName,
  byLastName: acknowledger.lastName,
  byNameStyle: acknowledger.nameStyle,
};

/** Signals with who raised them, who acknowledged them and the kind of support asked for, newest first. */
const selectSignals = (db: Executor, where: SQL | undefined) =>
  db
    .select(signalColumns)
    .from(signals)
    .innerJoin(people, eq(people.id, signals.personId))
    .leftJoin(acknowledger, eq(acknowledger.id, signals.acknowledgedBy))
    .leftJoin(
      checkIns,
      and(
        eq(checkIns.organizationId, signals.organizationId),
        eq(checkIns.personId, signals.personId),
        eq(checkIns.localDate, signals.localDate),
        eq(signals.kind, 'support_request'),
      ),
    )
    .where(where)
    .orderBy(desc(signals.raisedAt))
    .limit(500);

export async function loadSignals(
  db: Executor,
  organizationId: string,
  where: SQL | undefined,
  lock = false,
): Promise<SignalRow[]> {
  const query = selectSignals(db, and(eq(signals.organizationId, organizationId), where));
  return lock ? await query.for('update', { of: signals }) : await query;
}

/** A peer leader's signals screen asks for this often, so it is a prepared statement. */
const prepareHouseList = (db: Db) =>
  selectSignals(
    db,
    and(
      eq(signals.organizationId, sql.placeholder('organizationId')),
      eq(signals.residenceId, sql.placeholder('residenceId')),
      sql`(not ${sql.placeholder('openOnly')}::boolean or ${signals.acknowledgedAt} is null)`,
    ),
  ).prepare('hearth_house_signals_list');
const prepared = new WeakMap<Db, ReturnType<typeof prepareHouseList>>();

/** A house's signals, newest first (only those not yet acknowledged when `openOnly`). Audited. */
export async function listHouseSignals(
  db: Db,
  actor: Actor,
  residenceId: string,
  openOnly: boolean,
): Promise<SignalRow[]> {
  const house = await houseForStaff(db, actor, residenceId, 'signals.read');
  let houseList = prepared.get(db);
  if (!houseList) {
    houseList = prepareHouseList(db);
    prepared.set(db, houseList);
  }
  const list = await houseList.execute({
    organizationId: actor.organizationId,
    residenceId: house.id,
    openOnly,
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'signals.read',
    subjectType: 'residence',
    subjectId: house.id,
    detail: { count: list.length },
  });
  return list;
}

/** Acknowledges a signal once, with what the peer leader did; a second note is refused. */
export async function acknowledgeSignal(db: Db, actor: Actor, id: string, note: string): Promise<SignalRow> {
  return await db.transaction(async (tx) => {
    const [found] = await loadSignals(tx, actor.organizationId, eq(signals.id, id), true);
    if (!found) throw notFound('signal');
    if (!canAcknowledgeSignal(actor, found)) throw forbidden();
    if (found.acknowledgedAt) throw refuse('signals.already_acknowledged', { field: 'id' });
    const [saved] = await tx
      .update(signals)
      .set({ acknowledgedAt: new Date(), acknowledgedBy: actor.personId, acknowledgement: note })
      .where(eq(signals.id, found.id))
      .returning({
        acknowledgedAt: signals.acknowledgedAt,
        acknowledgedBy: signals.acknowledgedBy,
        acknowledgement: signals.acknowledgement,
      });
    const [me] = await tx
      .select({ firstName: people.firstName, lastName: people.lastName, nameStyle: people.nameStyle })
      .from(people)
      .where(eq(people.id, actor.personId));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'signal.acknowledge',
      subjectType: 'signal',
      subjectId: found.id,
    });
    return {
      ...found,
      ...saved!,
      byFirstName: me?.firstName ?? null,
      byLastName: me?.lastName ?? null,
      byNameStyle: me?.nameStyle ?? null,
    };
  });
}
