// Reach out now, over HTTP: validate → authorize → do → present, in that order in every handler.
import { sql } from 'drizzle-orm';
import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import {
  AlertSchema,
  AvailabilitySchema,
  AvailabilityViewSchema,
  CrisisLinesSchema,
  HouseReachOutRecordSchema,
  RaiseAlertSchema,
  ReachOutSettingsSchema,
  ReachOutSettingsUpdateSchema,
  ReachOutStateSchema,
} from '../../../shared/contracts/reach-out.ts';
import { recordAudit } from '../../platform/audit.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { Config } from '../../platform/config.ts';
import { reachOutAvailability, reachOutSettings } from '../../platform/database/schema.ts';
import { forbidden } from '../../platform/errors.ts';
import type { App } from '../../platform/types.ts';
import { houseForStaff } from '../signals/house.ts';
import { livesInAHouse } from './circles.ts';
import { scheduleEscalation } from './jobs.ts';
import { acknowledgeAlert, closeAlert, escalateAfterMinutesOf, raiseAlert, viewAlert } from './service.ts';
import { loadAlerts } from './views.ts';

const TAGS = ['reach out'];

export const crisisLinesOf = (config: Config) => ({
  call: config.crisisLine,
  text: config.crisisTextLine ?? null,
  veteransKey: config.crisisLineKeys?.veterans ?? null,
  spanishKey: config.crisisLineKeys?.spanish ?? null,
  emergency: config.emergencyNumber,
});

export function reachOutRoutes(app: App): void {
  app.get(
    '/api/reach-out/crisis-lines',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'The crisis line (call or text, menu keys) and the emergency number, from configuration',
        tags: TAGS,
        response: { 200: CrisisLinesSchema },
      },
    },
    async () => crisisLinesOf(app.config),
  );

  app.get(
    '/api/reach-out',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary:
          'My reach-out screen: the crisis lines, my open alert, open alerts that reached me, my availability',
        tags: TAGS,
        response: { 200: ReachOutStateSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { organizationId, personId } = actor;
      const [mine] = await loadAlerts(
        app.db,
        organizationId,
        personId,
        sql`a.person_id = ${personId} and a.closed_at is null and a.created_at > now() - interval '1 day'`,
        1,
      );
      const forMe = await loadAlerts(
        app.db,
        organizationId,
        personId,
        sql`a.closed_at is null and a.created_at > now() - interval '1 day' and exists (
          select 1 from reach_out_recipients x
          where x.organization_id = a.organization_id and x.alert_id = a.id and x.person_id = ${personId})`,
        20,
      );
      const available = await app.db.execute(
        sql`select 1 from reach_out_availability where person_id = ${personId} and organization_id = ${organizationId}`,
      );
      return {
        crisisLines: crisisLinesOf(app.config),
        available: available.rows.length > 0,
        canBeAvailable: await livesInAHouse(app.db, organizationId, personId),
        myAlert: mine ?? null,
        forMe,
      };
    },
  );

  app.post(
    '/api/reach-out/availability',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Opt in or out as "available to be called" when a housemate reaches out',
        tags: TAGS,
        body: AvailabilitySchema,
        response: { 200: AvailabilityViewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { organizationId, personId } = actor;
      if (!(await livesInAHouse(app.db, organizationId, personId))) throw forbidden();
      await app.db.transaction(async (tx) => {
        if (request.body.available) {
          await tx.insert(reachOutAvailability).values({ organizationId, personId }).onConflictDoNothing();
        } else {
          await tx.execute(
            sql`delete from reach_out_availability where person_id = ${personId} and organization_id = ${organizationId}`,
          );
        }
        await recordAudit(tx, {
          organizationId,
          actorId: personId,
          action: 'reach_out.availability',
          subjectType: 'person',
          subjectId: personId,
          detail: { available: request.body.available },
        });
      });
      return { available: request.body.available };
    },
  );

  app.post(
    '/api/reach-out/alerts',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary:
          'Reach out now: alert the people on call for me (201), or get the alert this tap or one a moment ago raised (200)',
        tags: TAGS,
        body: RaiseAlertSchema,
        response: { 200: AlertSchema, 201: AlertSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await raiseAlert(
        app.db,
        actor,
        request.body.idempotencyKey,
        app.config.reachOutEscalateSeconds,
        app.config.rateLimitFactor,
      );
      if (result.created) await scheduleEscalation(result.alert.id, result.escalateAt);
      reply.status(result.created ? 201 : 200);
      return result.alert;
    },
  );

  app.get(
    '/api/reach-out/alerts/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'One alert: for the person who asked, the people it reached, and the house’s peer leaders',
        tags: TAGS,
        params: IdParamsSchema,
        response: { 200: AlertSchema },
      },
    },
    async (request) => await viewAlert(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/reach-out/alerts/:id/acknowledge',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: '"I\'m calling you": by someone the alert reached; the person who asked sees it at once',
        tags: TAGS,
        params: IdParamsSchema,
        response: { 200: AlertSchema },
      },
    },
    async (request) => await acknowledgeAlert(app.db, requireActor(request), request.params.id),
  );

  app.post(
    '/api/reach-out/alerts/:id/close',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: '"I\'m okay now" by the person who asked, or closed by someone who answered',
        tags: TAGS,
        params: IdParamsSchema,
        response: { 200: AlertSchema },
      },
    },
    async (request) => await closeAlert(app.db, requireActor(request), request.params.id),
  );

  app.get(
    '/api/residences/:id/reach-out-alerts',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: 'A house’s reach-out record: who asked, when, who answered, escalations (no private text)',
        tags: TAGS,
        params: IdParamsSchema,
        response: { 200: HouseReachOutRecordSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const house = await houseForStaff(app.db, actor, request.params.id, 'reach_out.record');
      const alerts = await loadAlerts(
        app.db,
        actor.organizationId,
        actor.personId,
        sql`a.residence_id = ${house.id} and a.created_at > now() - interval '90 days'`,
        200,
      );
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'reach_out.record',
        subjectType: 'residence',
        subjectId: house.id,
        detail: { count: alerts.length },
      });
      return { alerts };
    },
  );

  app.get(
    '/api/reach-out/settings',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Minutes without an answer before an alert reaches the organization’s other peer leaders',
        tags: TAGS,
        response: { 200: ReachOutSettingsSchema },
      },
    },
    async (request) => ({
      escalateAfterMinutes: await escalateAfterMinutesOf(app.db, requireActor(request).organizationId),
    }),
  );

  app.patch(
    '/api/reach-out/settings',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Change the escalation delay (1 to 60 minutes; 5 by default)',
        tags: TAGS,
        body: ReachOutSettingsUpdateSchema,
        response: { 200: ReachOutSettingsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { escalateAfterMinutes } = request.body;
      await app.db.transaction(async (tx) => {
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
      return { escalateAfterMinutes };
    },
  );
}
