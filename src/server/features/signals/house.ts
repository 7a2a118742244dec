// Finding a house for its staff: peer leaders of that house and the organization's admins.

import { and, eq } from 'drizzle-orm';
import type { AuditAction } from '../../../shared/domain/audit-actions.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { residences } from '../../platform/database/schema.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { canSeeHouseSignals } from './policy.ts';

/** The house, if the actor may see its signals and statistics; 403 for other houses, 404 outside the organization. */
export async function houseForStaff(
  db: Executor,
  actor: Actor,
  residenceId: string,
  action: AuditAction,
): Promise<{ id: string; timeZone: string }> {
  if (!canSeeHouseSignals(actor, residenceId)) {
    await recordAudit(db, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action,
      subjectType: 'residence',
      subjectId: residenceId,
      outcome: 'denied',
    });
    throw forbidden();
  }
  const [house] = await db
    .select({ id: residences.id, timeZone: residences.timeZone })
    .from(residences)
    .where(and(eq(residences.id, residenceId), eq(residences.organizationId, actor.organizationId)));
  if (!house) throw notFound('residence');
  return house;
}
