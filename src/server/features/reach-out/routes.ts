// Reach out now, over HTTP: validate → authorize → do → present, in that order in every handler.
import { reachOutApi } from '../../../shared/contracts/reach-out.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { scheduleEscalation } from './jobs.ts';
import { acknowledgeAlert, closeAlert, escalateAfterMinutesOf, raiseAlert, viewAlert } from './service.ts';
import {
  crisisLinesOf,
  houseRecordOf,
  reachOutStateOf,
  saveEscalationDelay,
  setAvailability,
} from './state.ts';

export function reachOutRoutes(app: App): void {
  route(app, reachOutApi.crisisLines, {
    policy: 'public',
    handler: () => crisisLinesOf(app.config),
  });
  route(app, reachOutApi.state, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await reachOutStateOf(db, actor, app.config),
  });
  route(app, reachOutApi.availability, {
    policy: 'signedIn',
    handler: async ({ db, actor, body }) => ({ available: await setAvailability(db, actor, body.available) }),
  });
  route(app, reachOutApi.raise, {
    policy: 'signedIn',
    handler: async ({ db, actor, body, reply }) => {
      const { reachOutEscalateSeconds, rateLimitFactor } = app.config;
      const result = await raiseAlert(
        db,
        actor,
        body.idempotencyKey,
        reachOutEscalateSeconds,
        rateLimitFactor,
      );
      if (result.created) await scheduleEscalation(result.alert.id, result.escalateAt);
      reply.status(result.created ? 201 : 200);
      return result.alert;
    },
  });
  route(app, reachOutApi.alert, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await viewAlert(db, actor, params.id),
  });
  route(app, reachOutApi.acknowledge, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await acknowledgeAlert(db, actor, params.id),
  });
  route(app, reachOutApi.close, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await closeAlert(db, actor, params.id),
  });
  route(app, reachOutApi.houseRecord, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params }) => ({ alerts: await houseRecordOf(db, actor, params.id) }),
  });
  route(app, reachOutApi.settings, {
    policy: 'orgAdmin',
    handler: async ({ db, actor }) => ({
      escalateAfterMinutes: await escalateAfterMinutesOf(db, actor.organizationId),
    }),
  });
  route(app, reachOutApi.updateSettings, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, body }) => ({
      escalateAfterMinutes: await saveEscalationDelay(db, actor, body.escalateAfterMinutes),
    }),
  });
}
