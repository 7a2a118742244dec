import { setupApi } from '../../../shared/contracts/setup.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { startSession } from '../auth/start-session.ts';
import { completeSetup, isSetupNeeded } from './service.ts';

export function setupRoutes(app: App): void {
  route(app, setupApi.status, {
    policy: 'public',
    handler: async ({ db }) => ({ needed: await isSetupNeeded(db) }),
  });
  route(app, setupApi.complete, {
    policy: 'public',
    handler: async ({ db, body, request, reply }) => {
      const admin = await completeSetup(db, body);
      await startSession(app, request, reply, admin, false);
      reply.status(201);
      return { ok: true as const };
    },
  });
}
