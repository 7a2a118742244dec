import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import {
  AcknowledgeSignalSchema,
  OrganizationSettingsSchema,
  OrganizationSettingsUpdateSchema,
  SignalListQuerySchema,
  SignalListSchema,
  SignalSchema,
} from '../../../shared/contracts/signals.ts';
import { THRESHOLD_RANGES } from '../../../shared/domain/check-in.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { Db } from '../../platform/database/connect.ts';
import { checkIns, organizationSettings, people, signals } from '../../platform/database/schema.ts';
import { conflict, forbidden, notFound } from '../../platform/errors.ts';
import { canSeeHouseSignals } from '../../platform/policies.ts';
import type { App } from '../../platform/types.ts';
import { houseForStaff } from './house.ts';
import { presentSignal } from './presenters.ts';
import { thresholdsOf } from './service.ts';

const acknowledger = alias(people, 'acknowledger');

async function loadSignals(db: Pick<Db, 'select'>, organizationId: string, where: SQL | undefined) {
  const rows = await db
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
      acknowledgedAt: signals.acknowledgedAt,
      acknowledgedBy: signals.acknowledgedBy,
      acknowledgement: signals.acknowledgement,
      byFirstName: acknowledger.firstName,
      byLastName: acknowledger.lastName,
      byNameStyle: acknowledger.nameStyle,
    })
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
    .where(and(eq(signals.organizationId, organizationId), where))
    .orderBy(desc(signals.raisedAt))
    .limit(500);
  return rows.map(presentSignal);
}

const settingsView = (t: { cravingThreshold: number; lowMoodThreshold: number; silenceDays: number }) => ({
  cravingThreshold: t.cravingThreshold,
  lowMoodThreshold: t.lowMoodThreshold,
  silenceDays: t.silenceDays,
  ranges: THRESHOLD_RANGES,
});

async function acknowledge(db: Db, actor: Actor, id: string, note: string) {
  return await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: signals.id, residenceId: signals.residenceId, acknowledgedAt: signals.acknowledgedAt })
      .from(signals)
      .where(and(eq(signals.id, id), eq(signals.organizationId, actor.organizationId)));
    if (!found) throw notFound('signal');
    if (!canSeeHouseSignals(actor, found.residenceId)) throw forbidden();
    if (found.acknowledgedAt) {
      throw conflict('This signal was already acknowledged; its note is kept as history.', 'id');
    }
    await tx
      .update(signals)
      .set({ acknowledgedAt: new Date(), acknowledgedBy: actor.personId, acknowledgement: note })
      .where(and(eq(signals.id, found.id), isNull(signals.acknowledgedAt)));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action: 'signal.acknowledge',
      subjectType: 'signal',
      subjectId: found.id,
    });
    const [view] = await loadSignals(tx, actor.organizationId, eq(signals.id, found.id));
    return view!;
  });
}

export function signalRoutes(app: App): void {
  app.get(
    '/api/residences/:id/signals',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: "A house's early-warning signals (who, kind, severity, time — never private text)",
        tags: ['signals'],
        params: IdParamsSchema,
        querystring: SignalListQuerySchema,
        response: { 200: SignalListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const house = await houseForStaff(app.db, actor, request.params.id, 'signals.read');
      const open = request.query.status === 'open';
      const list = await loadSignals(
        app.db,
        actor.organizationId,
        and(eq(signals.residenceId, house.id), open ? isNull(signals.acknowledgedAt) : undefined),
      );
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'signals.read',
        subjectType: 'residence',
        subjectId: house.id,
        detail: { count: list.length },
      });
      return { signals: list };
    },
  );
  app.post(
    '/api/signals/:id/acknowledge',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: 'Acknowledge a signal with a short note (kept as history)',
        tags: ['signals'],
        params: IdParamsSchema,
        body: AcknowledgeSignalSchema,
        response: { 200: SignalSchema },
      },
    },
    async (request) => await acknowledge(app.db, requireActor(request), request.params.id, request.body.note),
  );
  app.get(
    '/api/organization/settings',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: "My organization's signal thresholds",
        tags: ['signals'],
        response: { 200: OrganizationSettingsSchema },
      },
    },
    async (request) => settingsView(await thresholdsOf(app.db, requireActor(request).organizationId)),
  );
  app.patch(
    '/api/organization/settings',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: "Change my organization's signal thresholds",
        tags: ['signals'],
        body: OrganizationSettingsUpdateSchema,
        response: { 200: OrganizationSettingsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return await app.db.transaction(async (tx) => {
        const current = await thresholdsOf(tx, actor.organizationId);
        const next = { ...current, ...request.body };
        await tx
          .insert(organizationSettings)
          .values({ organizationId: actor.organizationId, ...next, updatedAt: new Date() })
          .onConflictDoUpdate({
            target: organizationSettings.organizationId,
            set: { ...next, updatedAt: new Date() },
          });
        await recordAudit(tx, {
          organizationId: actor.organizationId,
          actorId: actor.personId,
          action: 'organization_settings.update',
          subjectType: 'organization',
          subjectId: actor.organizationId,
          detail: { ...next },
        });
        return settingsView(next);
      });
    },
  );
}
