// Reach out now: raising an alert (once per tap, however often the phone retries), "I'm calling you",
// "I'm okay now", and escalation to the next circle when nobody has answered in time. Every change
// publishes its realtime event and notifications inside the same transaction, so nobody hears of a
// change that did not happen.
import { and, eq, sql } from 'drizzle-orm';
import type { AlertView, ReachOutCircle } from '../../../shared/contracts/reach-out.ts';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import type { NameStyle } from '../../../shared/domain/vocabulary.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import {
  reachOutAcknowledgements,
  reachOutAlerts,
  reachOutRecipients,
  reachOutSettings,
} from '../../platform/database/schema.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { notifyPeople } from '../../platform/notify.ts';
import { canAnswerAlert, canCloseAlert, canViewAlert } from '../../platform/policies.ts';
import { consumeRateLimit } from '../../platform/rate-limits.ts';
import { type Executor, publish } from '../../platform/realtime/publish.ts';
import { escalationCircleOf, homeResidenceOf, houseCircleOf } from './circles.ts';
import { loadAlert } from './views.ts';

/** A second tap within this window returns the person's open alert instead of raising another. */
export const REPEAT_WINDOW_MINUTES = 10;
export const DEFAULT_ESCALATE_AFTER_MINUTES = 5;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The organization's escalation delay in minutes (5 until an admin changes it). */
export async function escalateAfterMinutesOf(
  db: Pick<Db, 'select'>,
  organizationId: string,
): Promise<number> {
  const [row] = await db
    .select({ minutes: reachOutSettings.escalateAfterMinutes })
    .from(reachOutSettings)
    .where(eq(reachOutSettings.organizationId, organizationId));
  return row?.minutes ?? DEFAULT_ESCALATE_AFTER_MINUTES;
}

async function nameOf(db: Executor, personId: string): Promise<string> {
  const result = await db.execute<{ first_name: string; last_name: string; name_style: string }>(
    sql`select first_name, last_name, name_style from people where id = ${personId}`,
  );
  const row = result.rows[0];
  return row ? formatDisplayName(row.first_name, row.last_name, row.name_style as NameStyle) : '';
}

async function recipientsOf(db: Executor, organizationId: string, alertId: string) {
  const result = await db.execute<{ person_id: string; circle: ReachOutCircle }>(sql`
    select person_id, circle from reach_out_recipients
    where organization_id = ${organizationId} and alert_id = ${alertId}`);
  return result.rows;
}

/** Tells a circle about an alert: a recorded recipient row, an urgent notification, a realtime event. */
async function alertCircle(
  tx: Tx,
  alert: {
    id: string;
    organizationId: string;
    personId: string;
    createdAt: Date;
    residenceName: string | null;
  },
  circle: ReachOutCircle,
  personIds: string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await tx
    .insert(reachOutRecipients)
    .values(
      personIds.map((personId) => ({
        organizationId: alert.organizationId,
        alertId: alert.id,
        personId,
        circle,
      })),
    )
    .onConflictDoNothing();
  const personName = await nameOf(tx, alert.personId);
  await notifyPeople(tx, {
    organizationId: alert.organizationId,
    personIds,
    kind: 'reach_out_alert',
    data: { alertId: alert.id, personName, houseName: alert.residenceName, circle },
    dedupeKey: `reach_out_alert:${alert.id}`,
    urgent: true,
  });
  await publish(tx, {
    organizationId: alert.organizationId,
    recipients: personIds,
    type: 'reach_out.alert',
    payload: {
      alertId: alert.id,
      personId: alert.personId,
      displayName: personName,
      residenceName: alert.residenceName,
      circle,
      createdAt: alert.createdAt.toISOString(),
    },
  });
}

export type RaiseResult = { alert: AlertView; created: boolean; escalateAt: Date };

/**
 * Raises an alert for the signed-in person, or returns the one this tap (its idempotency key) or a tap
 * a moment ago already raised: a flood of taps is one alert. Taps of one person wait for each other.
 */
export async function raiseAlert(
  db: Db,
  actor: Actor,
  idempotencyKey: string,
  escalateAfterSeconds: number | undefined,
  rateLimitFactor = 1,
): Promise<RaiseResult> {
  const { organizationId, personId } = actor;
  return await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`reach-out:${personId}`}, 0))`);
    const existing = await tx.execute<{ id: string; escalate_at: Date }>(sql`
      select id, escalate_at from reach_out_alerts
      where organization_id = ${organizationId} and person_id = ${personId}
        and (idempotency_key = ${idempotencyKey}
          or (closed_at is null and created_at > now() - make_interval(mins => ${REPEAT_WINDOW_MINUTES})))
      order by (idempotency_key = ${idempotencyKey}) desc, created_at desc
      limit 1`);
    const found = existing.rows[0];
    if (found) {
      const alert = await loadAlert(tx, organizationId, personId, found.id);
      return { alert: alert!, created: false, escalateAt: new Date(found.escalate_at) };
    }
    // Only a new alert counts; refused, the transaction counts nothing (decision 0025).
    await consumeRateLimit(tx, 'reachOutAlert', `person:${personId}`, rateLimitFactor);
    const residenceId = await homeResidenceOf(tx, organizationId, personId);
    const seconds = escalateAfterSeconds ?? (await escalateAfterMinutesOf(tx, organizationId)) * 60;
    const houseCircle = residenceId ? await houseCircleOf(tx, organizationId, residenceId, personId) : [];
    const [inserted] = await tx
      .insert(reachOutAlerts)
      .values({
        organizationId,
        personId,
        residenceId,
        idempotencyKey,
        // Nobody on call in the house: the next circle hears at once.
        escalateAt: sql`now() + make_interval(secs => ${houseCircle.length > 0 ? seconds : 0})`,
      })
      .returning({
        id: reachOutAlerts.id,
        createdAt: reachOutAlerts.createdAt,
        escalateAt: reachOutAlerts.escalateAt,
      });
    const row = inserted!;
    const residenceName = residenceId
      ? ((await tx.execute<{ name: string }>(sql`select name from residences where id = ${residenceId}`))
          .rows[0]?.name ?? null)
      : null;
    await alertCircle(
      tx,
      { id: row.id, organizationId, personId, createdAt: row.createdAt, residenceName },
      'house',
      houseCircle,
    );
    if (houseCircle.length === 0) await escalateAlert(tx, row.id);
    await publish(tx, {
      organizationId,
      recipients: [personId],
      type: 'reach_out.raised',
      payload: { alertId: row.id, createdAt: row.createdAt.toISOString() },
    });
    await recordAudit(tx, {
      organizationId,
      actorId: personId,
      action: 'reach_out.raise',
      subjectType: 'reach_out_alert',
      subjectId: row.id,
      detail: { alerted: houseCircle.length },
    });
    const alert = await loadAlert(tx, organizationId, personId, row.id);
    return { alert: alert!, created: true, escalateAt: row.escalateAt };
  });
}

/**
 * Widens an alert to the organization's other peer leaders when nobody has said "I'm calling you" by its
 * time. Idempotent: the claim (escalated_at set where it was null) lets one caller through, once.
 */
export async function escalateAlert(tx: Tx, alertId: string): Promise<boolean> {
  const claimed = await tx.execute<{
    organization_id: string;
    person_id: string;
    residence_id: string | null;
    created_at: Date;
  }>(sql`
    update reach_out_alerts set escalated_at = now()
    where id = ${alertId} and escalated_at is null and acknowledged_at is null and closed_at is null
      and escalate_at <= now()
    returning organization_id, person_id, residence_id, created_at`);
  const alert = claimed.rows[0];
  if (!alert) return false;
  const organizationId = alert.organization_id;
  const already = await recipientsOf(tx, organizationId, alertId);
  const next = await escalationCircleOf(tx, organizationId, [
    alert.person_id,
    ...already.map((r) => r.person_id),
  ]);
  const residenceName = alert.residence_id
    ? ((await tx.execute<{ name: string }>(sql`select name from residences where id = ${alert.residence_id}`))
        .rows[0]?.name ?? null)
    : null;
  await alertCircle(
    tx,
    {
      id: alertId,
      organizationId,
      personId: alert.person_id,
      createdAt: new Date(alert.created_at),
      residenceName,
    },
    'escalation',
    next,
  );
  await publish(tx, {
    organizationId,
    recipients: [alert.person_id, ...already.map((r) => r.person_id)],
    type: 'reach_out.escalated',
    payload: { alertId, alerted: next.length },
  });
  if (already.length > 0) {
    await notifyPeople(tx, {
      organizationId,
      personIds: [alert.person_id],
      kind: 'reach_out_escalated',
      data: { alertId, alerted: next.length },
      dedupeKey: `reach_out_escalated:${alertId}`,
    });
  }
  return true;
}

/** Escalates every alert whose time has come (the job; safe to run on many processes at once). */
export async function escalateDueAlerts(db: Db): Promise<number> {
  const due = await db.execute<{ id: string }>(sql`
    select id from reach_out_alerts
    where escalated_at is null and acknowledged_at is null and closed_at is null and escalate_at <= now()
    order by escalate_at
    limit 200`);
  let escalated = 0;
  for (const { id } of due.rows) {
    if (await db.transaction((tx) => escalateAlert(tx, id))) escalated++;
  }
  return escalated;
}

async function lockAlert(tx: Tx, organizationId: string, alertId: string) {
  const result = await tx.execute<{
    id: string;
    person_id: string;
    residence_id: string | null;
    closed_at: Date | null;
  }>(sql`
    select id, person_id, residence_id, closed_at from reach_out_alerts
    where id = ${alertId} and organization_id = ${organizationId}
    for update`);
  return result.rows[0] ?? null;
}

/** "I'm calling you", by someone the alert reached. Saying it twice changes nothing. */
export async function acknowledgeAlert(db: Db, actor: Actor, alertId: string): Promise<AlertView> {
  const { organizationId, personId } = actor;
  return await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, organizationId, alertId);
    if (!alert) throw notFound('alert');
    const recipients = await recipientsOf(tx, organizationId, alertId);
    const reached = recipients.map((r) => r.person_id);
    if (!canAnswerAlert(actor, { personId: alert.person_id, reached })) throw notFound('alert');
    if (alert.closed_at)
      throw conflict('This alert is already closed: the person said they are okay now.', 'id');
    const inserted = await tx
      .insert(reachOutAcknowledgements)
      .values({ organizationId, alertId, personId })
      .onConflictDoNothing()
      .returning({ at: reachOutAcknowledgements.at });
    if (inserted.length > 0) {
      const at = inserted[0]!.at;
      await tx
        .update(reachOutAlerts)
        .set({
          acknowledgedAt: sql`coalesce(${reachOutAlerts.acknowledgedAt}, ${at.toISOString()}::timestamptz)`,
        })
        .where(and(eq(reachOutAlerts.id, alertId), eq(reachOutAlerts.organizationId, organizationId)));
      const displayName = await nameOf(tx, personId);
      await publish(tx, {
        organizationId,
        recipients: [alert.person_id, ...recipients.map((r) => r.person_id)],
        type: 'reach_out.acknowledged',
        payload: { alertId, personId, displayName, at: at.toISOString() },
      });
      await notifyPeople(tx, {
        organizationId,
        personIds: [alert.person_id],
        kind: 'reach_out_ack',
        data: { alertId, personName: displayName },
        dedupeKey: `reach_out_ack:${alertId}:${personId}`,
        urgent: true,
      });
      await recordAudit(tx, {
        organizationId,
        actorId: personId,
        action: 'reach_out.acknowledge',
        subjectType: 'reach_out_alert',
        subjectId: alertId,
      });
    }
    return (await loadAlert(tx, organizationId, personId, alertId))!;
  });
}

/** "I'm okay now" by the person who asked, or closed by one of the people who answered. */
export async function closeAlert(db: Db, actor: Actor, alertId: string): Promise<AlertView> {
  const { organizationId, personId } = actor;
  return await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, organizationId, alertId);
    if (!alert) throw notFound('alert');
    const recipients = await recipientsOf(tx, organizationId, alertId);
    const isAsker = alert.person_id === personId;
    // Someone it never reached learns nothing of it; someone it reached who has not answered may not close it.
    if (!isAsker && !recipients.some((r) => r.person_id === personId)) throw notFound('alert');
    const answered = await tx
      .select({ personId: reachOutAcknowledgements.personId })
      .from(reachOutAcknowledgements)
      .where(
        and(
          eq(reachOutAcknowledgements.organizationId, organizationId),
          eq(reachOutAcknowledgements.alertId, alertId),
        ),
      );
    if (!canCloseAlert(actor, { personId: alert.person_id, answered: answered.map((a) => a.personId) })) {
      throw forbidden();
    }
    if (!alert.closed_at) {
      const [closed] = await tx
        .update(reachOutAlerts)
        .set({ closedAt: sql`now()`, closedBy: personId })
        .where(eq(reachOutAlerts.id, alertId))
        .returning({ closedAt: reachOutAlerts.closedAt });
      await publish(tx, {
        organizationId,
        recipients: [alert.person_id, ...recipients.map((r) => r.person_id)],
        type: 'reach_out.closed',
        payload: { alertId, closedAt: closed!.closedAt!.toISOString() },
      });
      await recordAudit(tx, {
        organizationId,
        actorId: personId,
        action: 'reach_out.close',
        subjectType: 'reach_out_alert',
        subjectId: alertId,
      });
    }
    return (await loadAlert(tx, organizationId, personId, alertId))!;
  });
}

/**
 * One alert: the person who asked, the people it reached, and the house's peer leaders and admins (the
 * record afterwards). Anyone else: not found. Reads by someone other than the asker are audited.
 */
export async function viewAlert(db: Db, actor: Actor, alertId: string): Promise<AlertView> {
  const alert = await loadAlert(db, actor.organizationId, actor.personId, alertId);
  if (!alert) throw notFound('alert');
  const allowed = canViewAlert(actor, {
    personId: alert.personId,
    residenceId: alert.residenceId,
    reachedViewer: alert.myCircle !== null,
  });
  if (!allowed) throw notFound('alert');
  if (!alert.mine) {
    await recordAudit(db, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'reach_out.read',
      subjectType: 'reach_out_alert',
      subjectId: alert.id,
    });
  }
  return alert;
}
