// Reach out now: raising an alert (once per tap, however often the phone retries), "I'm calling you",
// "I'm okay now", and escalation to the next circle when nobody has answered in time. Every change
// publishes its realtime event and notifications inside the same transaction, so nobody hears of a
// change that did not happen.
import { and, asc, desc, eq, gt, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { AlertView, ReachOutCircle } from '../../../shared/contracts/reach-out.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import type { Executor, Tx } from '../../platform/database/executor.ts';
import {
  reachOutAcknowledgements,
  reachOutAlerts,
  reachOutRecipients,
  reachOutSettings,
} from '../../platform/database/schema.ts';
import { notFound, refuse } from '../../platform/errors.ts';
import { notifyPeople, resolveNotifications } from '../../platform/notify.ts';
import { consumeRateLimit } from '../../platform/rate-limits.ts';
import { publish } from '../../platform/realtime/publish.ts';
import { escalationCircleOf, homeResidenceOf, houseCircleOf, recipientsOf } from './circles.ts';
import { canAnswerAlert, canCloseAlert, canViewAlert, knowsOfAlert } from './policy.ts';
import { loadAlert, nameOf, residenceNameOf } from './views.ts';

/** A second tap within this window returns the person's open alert instead of raising another. */
export const REPEAT_WINDOW_MINUTES = 10;
export const DEFAULT_ESCALATE_AFTER_MINUTES = 5;

/** The organization's escalation delay in minutes (5 until an admin changes it). */
export async function escalateAfterMinutesOf(db: Executor, organizationId: string): Promise<number> {
  const [row] = await db
    .select({ minutes: reachOutSettings.escalateAfterMinutes })
    .from(reachOutSettings)
    .where(eq(reachOutSettings.organizationId, organizationId));
  return row?.minutes ?? DEFAULT_ESCALATE_AFTER_MINUTES;
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
    // A template: an advisory lock has no builder form; it makes one person's taps wait for each other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`reach-out:${personId}`}, 0))`);
    const found = await alertOfThisTap(tx, actor, idempotencyKey);
    if (found) {
      const alert = await loadAlert(tx, organizationId, personId, found.id);
      return { alert: alert!, created: false, escalateAt: found.escalateAt };
    }
    // Only a new alert counts; refused, the transaction counts nothing (decision 0025).
    await consumeRateLimit(tx, 'reachOutAlert', `person:${personId}`, rateLimitFactor);
    const residenceId = await homeResidenceOf(tx, organizationId, personId);
    const seconds = escalateAfterSeconds ?? (await escalateAfterMinutesOf(tx, organizationId)) * 60;
    const houseCircle = residenceId ? await houseCircleOf(tx, organizationId, residenceId, personId) : [];
    const [row] = await tx
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
    const { id, createdAt } = row!;
    const residenceName = await residenceNameOf(tx, residenceId);
    await alertCircle(tx, { id, organizationId, personId, createdAt, residenceName }, 'house', houseCircle);
    if (houseCircle.length === 0) await escalateAlert(tx, id);
    await publish(tx, {
      organizationId,
      recipients: [personId],
      type: 'reach_out.raised',
      payload: { alertId: id, createdAt: createdAt.toISOString() },
    });
    await recordAudit(tx, {
      organizationId,
      actorId: personId,
      action: 'reach_out.raise',
      subjectType: 'reach_out_alert',
      subjectId: id,
      detail: { alerted: houseCircle.length },
    });
    const alert = await loadAlert(tx, organizationId, personId, id);
    return { alert: alert!, created: true, escalateAt: row!.escalateAt };
  });
}

/** The alert this tap raised (its key), or one still open from a tap a moment ago: newest first. */
async function alertOfThisTap(tx: Tx, actor: Actor, idempotencyKey: string) {
  const sameTap = eq(reachOutAlerts.idempotencyKey, idempotencyKey);
  const [found] = await tx
    .select({ id: reachOutAlerts.id, escalateAt: reachOutAlerts.escalateAt })
    .from(reachOutAlerts)
    .where(
      and(
        eq(reachOutAlerts.organizationId, actor.organizationId),
        eq(reachOutAlerts.personId, actor.personId),
        or(
          sameTap,
          and(
            isNull(reachOutAlerts.closedAt),
            gt(reachOutAlerts.createdAt, sql`now() - make_interval(mins => ${REPEAT_WINDOW_MINUTES})`),
          ),
        ),
      ),
    )
    .orderBy(desc(sameTap), desc(reachOutAlerts.createdAt))
    .limit(1);
  return found ?? null;
}

/** Nobody has said "I'm calling you", it is still open, not escalated yet, and its time has come. */
const isDue = (now: Date | SQL) =>
  and(
    isNull(reachOutAlerts.escalatedAt),
    isNull(reachOutAlerts.acknowledgedAt),
    isNull(reachOutAlerts.closedAt),
    lte(reachOutAlerts.escalateAt, now),
  );

/**
 * Widens an alert to the organization's other peer leaders when nobody has said "I'm calling you" by its
 * time. Idempotent: the claim (escalated_at set where it was null) lets one caller through, once.
 */
export async function escalateAlert(tx: Tx, alertId: string, now: Date | SQL = sql`now()`): Promise<boolean> {
  const [alert] = await tx
    .update(reachOutAlerts)
    .set({ escalatedAt: now })
    .where(and(eq(reachOutAlerts.id, alertId), isDue(now)))
    .returning({
      organizationId: reachOutAlerts.organizationId,
      personId: reachOutAlerts.personId,
      residenceId: reachOutAlerts.residenceId,
      createdAt: reachOutAlerts.createdAt,
    });
  if (!alert) return false;
  const { organizationId } = alert;
  const already = await recipientsOf(tx, organizationId, alertId);
  const next = await escalationCircleOf(tx, organizationId, [alert.personId, ...already]);
  const residenceName = await residenceNameOf(tx, alert.residenceId);
  await alertCircle(
    tx,
    { id: alertId, organizationId, personId: alert.personId, createdAt: alert.createdAt, residenceName },
    'escalation',
    next,
  );
  await publish(tx, {
    organizationId,
    recipients: [alert.personId, ...already],
    type: 'reach_out.escalated',
    payload: { alertId, alerted: next.length },
  });
  if (already.length > 0) {
    await notifyPeople(tx, {
      organizationId,
      personIds: [alert.personId],
      kind: 'reach_out_escalated',
      data: { alertId, alerted: next.length },
      dedupeKey: `reach_out_escalated:${alertId}`,
    });
  }
  return true;
}

/** Escalates every alert whose time has come (the job; safe to run on many processes at once). */
export async function escalateDueAlerts(db: Db, now: Date = new Date()): Promise<number> {
  const due = await db
    .select({ id: reachOutAlerts.id })
    .from(reachOutAlerts)
    .where(isDue(now))
    .orderBy(asc(reachOutAlerts.escalateAt))
    .limit(200);
  let escalated = 0;
  for (const { id } of due) {
    if (await db.transaction((tx) => escalateAlert(tx, id, now))) escalated++;
  }
  return escalated;
}

async function lockAlert(tx: Tx, organizationId: string, alertId: string) {
  const [alert] = await tx
    .select({ id: reachOutAlerts.id, personId: reachOutAlerts.personId, closedAt: reachOutAlerts.closedAt })
    .from(reachOutAlerts)
    .where(and(eq(reachOutAlerts.id, alertId), eq(reachOutAlerts.organizationId, organizationId)))
    .for('update');
  return alert ?? null;
}

/** "I'm calling you", by someone the alert reached. Saying it twice changes nothing. */
export async function acknowledgeAlert(db: Db, actor: Actor, alertId: string): Promise<AlertView> {
  const { organizationId, personId } = actor;
  return await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, organizationId, alertId);
    if (!alert) throw notFound('alert');
    const reached = await recipientsOf(tx, organizationId, alertId);
    if (!canAnswerAlert(actor, { personId: alert.personId, reached })) throw notFound('alert');
    if (alert.closedAt) throw refuse('reach_out.alert_closed', { field: 'id' });
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
        recipients: [alert.personId, ...reached],
        type: 'reach_out.acknowledged',
        payload: { alertId, personId, displayName, at: at.toISOString() },
      });
      await notifyPeople(tx, {
        organizationId,
        personIds: [alert.personId],
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
    const reached = await recipientsOf(tx, organizationId, alertId);
    // Someone it never reached learns nothing of it; someone it reached who has not answered may not close it.
    if (!knowsOfAlert(actor, { personId: alert.personId, reached })) throw notFound('alert');
    const answered = await tx
      .select({ personId: reachOutAcknowledgements.personId })
      .from(reachOutAcknowledgements)
      .where(
        and(
          eq(reachOutAcknowledgements.organizationId, organizationId),
          eq(reachOutAcknowledgements.alertId, alertId),
        ),
      );
    if (!canCloseAlert(actor, { personId: alert.personId, answered: answered.map((a) => a.personId) })) {
      throw refuse('reach_out.not_answered');
    }
    if (!alert.closedAt) {
      const [closed] = await tx
        .update(reachOutAlerts)
        .set({ closedAt: sql`now()`, closedBy: personId })
        .where(eq(reachOutAlerts.id, alertId))
        .returning({ closedAt: reachOutAlerts.closedAt });
      await publish(tx, {
        organizationId,
        recipients: [alert.personId, ...reached],
        type: 'reach_out.closed',
        payload: { alertId, closedAt: closed!.closedAt!.toISOString() },
      });
      // The alert's notifications stop asking anyone to call, on every screen and phone.
      await resolveNotifications(tx, {
        organizationId,
        dedupeKey: `reach_out_alert:${alertId}`,
        data: {
          resolved: personId === alert.personId ? 'okay' : 'closed',
          resolvedAt: closed!.closedAt!.toISOString(),
        },
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
