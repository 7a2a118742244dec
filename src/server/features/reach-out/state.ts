// What the reach-out screens show and the choices made there: my screen (the crisis lines, my open
// alert, alerts that reached me, whether I am on call), opting in as available, a house's record, and
// the organization's escalation delay.
import { and, eq } from 'drizzle-orm';
import type { CrisisLines, ReachOutState } from '../../../shared/contracts/reach-out.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/database/connect.ts';
import { reachOutAvailability, reachOutSettings } from '../../platform/database/schema.ts';
import { refuse } from '../../platform/errors.ts';
import { houseForStaff } from '../signals/house.ts';
import { homeResidenceOf } from './circles.ts';
import { canBeOnCall } from './policy.ts';
import { houseAlerts, myOpenAlert, openAlertsReaching } from './views.ts';

export const crisisLinesOf = (config: Config): CrisisLines => ({
  call: config.crisisLine,
  text: config.crisisTextLine ?? null,
  veteransKey: config.crisisLineKeys?.veterans ?? null,
  spanishKey: config.crisisLineKeys?.spanish ?? null,
  emergency: config.emergencyNumber,
});

export async function reachOutStateOf(db: Db, actor: Actor, config: Config): Promise<ReachOutState> {
  const { organizationId, personId } = actor;
  const [available] = await db
    .select({ personId: reachOutAvailability.personId })
    .from(reachOutAvailability)
    .where(
      and(
        eq(reachOutAvailability.personId, personId),
        eq(reachOutAvailability.organizationId, organizationId),
      ),
    );
  return {
    crisisLines: crisisLinesOf(config),
    available: available !== undefined,
    canBeAvailable: canBeOnCall(await homeResidenceOf(db, organizationId, personId)),
    myAlert: await myOpenAlert(db, organizationId, personId),
    forMe: await openAlertsReaching(db, organizationId, personId),
  };
}

/** Opting in or out as "available to be called" when a housemate reaches out. Audited. */
export async function setAvailability(db: Db, actor: Actor, available: boolean): Promise<boolean> {
  const { organizationId, personId } = actor;
  if (!canBeOnCall(await homeResidenceOf(db, organizationId, personId)))
    throw refuse('reach_out.not_on_call');
  await db.transaction(async (tx) => {
    if (available) {
      await tx.insert(reachOutAvailability).values({ organizationId, personId }).onConflictDoNothing();
    } else {
      await tx
        .delete(reachOutAvailability)
        .where(
          and(
            eq(reachOutAvailability.personId, personId),
            eq(reachOutAvailability.organizationId, organizationId),
          ),
        );
    }
    await recordAudit(tx, {
      organizationId,
      actorId: personId,
      action: 'reach_out.availability',
      subjectType: 'person',
      subjectId: personId,
      detail: { available },
    });
  });
  return available;
}

/** A house's alerts of the last 90 days, for its peer leaders and admins. Audited. */
export async function houseRecordOf(db: Db, actor: Actor, residenceId: string) {
  const house = await houseForStaff(db, actor, residenceId, 'reach_out.record');
  const alerts = await houseAlerts(db, actor.organizationId, actor.personId, house.id);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: 'reach_out.record',
    subjectType: 'residence',
    subjectId: house.id,
    detail: { count: alerts.length },
  });
  return alerts;
}

/** An admin sets the minutes before an alert nobody answered reaches the other peer leaders. Audited. */
export async function saveEscalationDelay(db: Db, actor: Actor, escalateAfterMinutes: number) {
  await db.transaction(async (tx) => {
    await tx
      .insert(reachOutSettings)
      .values({ organizationId: actor.organizationId, escalateAfterMinutes, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: reachOutSettings.organizationId,
        set: { escalateAfterMinutes, updatedAt: new Date() },
      });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'reach_out_settings.update',
      subjectType: 'organization',
      subjectId: actor.organizationId,
      detail: { escalateAfterMinutes },
    });
  });
  return escalateAfterMinutes;
}
