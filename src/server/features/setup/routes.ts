import { OkSchema } from '../../../shared/contracts/common.ts';
import { SetupRequestSchema, SetupStatusSchema } from '../../../shared/contracts/setup.ts';
import {
  createSession,
  describeDevice,
  secureCookies,
  setSessionCookie,
} from '../../platform/auth/sessions.ts';
import type { App } from '../../platform/types.ts';
import { completeSetup, isSetupNeeded } from './service.ts';

export function setupRoutes(app: App): void {
  app.get(
    '/api/setup',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'Whether first-run setup is still needed',
        tags: ['setup'],
        response: { 200: SetupStatusSchema },
      },
    },
    async () => ({ needed: await isSetupNeeded(app.db) }),
  );
  app.post(
    '/api/setup',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'Create the organization and its first admin with the one-time setup token',
        tags: ['setup'],
        body: SetupRequestSchema,
        response: { 201: OkSchema },
      },
    },
    async (request, reply) => {
      const admin = await completeSetup(app.db, request.body);
      const token = await createSession(app.db, admin, describeDevice(request), app.config.sessionDays);
      setSessionCookie(reply, token, app.config.sessionDays, secureCookies(app.config.publicUrl));
      return reply.status(201).send({ ok: true as const });
    },
  );
}
