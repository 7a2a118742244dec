// Builds the Fastify app from its parts. main.ts and the tests build the very same app.
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { auditRoutes } from './features/audit/routes.ts';
import { authRoutes } from './features/auth/routes.ts';
import { barc10Routes } from './features/barc10/routes.ts';
import { calendarRoutes } from './features/calendars/routes.ts';
import { chatRoutes } from './features/chat/routes.ts';
import { checkInRoutes } from './features/check-ins/routes.ts';
import { decisionRoutes } from './features/decisions/routes.ts';
import { healthRoutes } from './features/health/routes.ts';
import { houseRoutes } from './features/house/routes.ts';
import { invitationRoutes } from './features/invitations/routes.ts';
import { journeyRoutes } from './features/journey/routes.ts';
import { meRoutes } from './features/me/routes.ts';
import { meetingRoutes } from './features/meetings/routes.ts';
import { mentorRoutes } from './features/mentors/routes.ts';
import { notificationRoutes } from './features/notifications/routes.ts';
import { outsideMeetingRoutes } from './features/outside-meetings/routes.ts';
import { peopleRoutes } from './features/people/routes.ts';
import { programRoutes } from './features/programs/routes.ts';
import { reachOutRoutes } from './features/reach-out/routes.ts';
import { residenceRoutes } from './features/residences/routes.ts';
import { setupRoutes } from './features/setup/routes.ts';
import { signalRoutes } from './features/signals/routes.ts';
import { skillRoutes } from './features/skills/routes.ts';
import { supportRoutes } from './features/support/routes.ts';
import { listenForSessionChanges } from './platform/auth/session-invalidation.ts';
import { lookUpSession, SESSION_COOKIE, SessionCache, touchSession } from './platform/auth/sessions.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { Database } from './platform/database/connect.ts';
import {
  registerCsrfDefence,
  registerErrorHandling,
  registerPrivateCaching,
  registerSecurityHeaders,
} from './platform/http.ts';
import { loggerOptions } from './platform/logger.ts';
import { openApiRoutes, registerOpenApi } from './platform/openapi.ts';
import type { OutboundHooks } from './platform/outbound.ts';
import { registerPolicies } from './platform/policies.ts';
import { registerRateLimits } from './platform/rate-limits.ts';
import { realtimeRoutes, registerRealtime } from './platform/realtime/routes.ts';
import { answerSerializerCompiler } from './platform/serializer.ts';
import { registerStorableText } from './platform/storable-text.ts';
import type { App } from './platform/types.ts';
import { registerWebApp } from './platform/web.ts';

export type BuildAppOptions = {
  config: Config;
  database: Database;
  /** Folder of the built web app; null serves the API alone. */
  webDir?: string | null;
  logger?: boolean;
  /** Where log lines go (tests capture them); standard output otherwise. */
  logStream?: { write: (line: string) => void };
  /** Tests' resolver and address check for outside requests (platform/outbound.ts). */
  outbound?: Partial<OutboundHooks>;
  /** Where the app reads the time: the system clock unless a test moves it. */
  clock?: Clock;
  /** Tests: every answer is also encoded by zod and must equal what the compiled serializer wrote. */
  checkAnswers?: boolean;
};

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { ...loggerOptions(config), ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Per-request log lines only when debugging; errors are always logged.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(answerSerializerCompiler({ checkAnswers: options.checkAnswers ?? false }));
  app.decorate('db', database.db);
  app.decorate('config', config);
  app.decorate('outbound', options.outbound ?? {});
  const clock = options.clock ?? systemClock;
  app.decorate('clock', clock);
  const sessionCache = new SessionCache(config.sessionCacheMs);
  app.decorate('sessionCache', sessionCache);
  if (config.sessionCacheMs > 0) {
    const listener = listenForSessionChanges(database.pool.options, sessionCache, app.log);
    app.addHook('onClose', async () => await listener.stop());
  }
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionState', 'none');

  const secure = config.publicUrl?.startsWith('https://') ?? false;
  await app.register(cookie);
  registerSecurityHeaders(app, secure);
  registerPrivateCaching(app);
  registerCsrfDefence(app, config.publicUrl ? new URL(config.publicUrl).origin : undefined);
  registerErrorHandling(app);
  registerStorableText(app);
  registerPolicies(app);
  registerRateLimits(app);
  await registerOpenApi(app);
  await registerRealtime(app, database);

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    let found = sessionCache.get(token);
    if (!found) {
      const stamp = sessionCache.stamp();
      found = await lookUpSession(database.db, token, clock.now());
      sessionCache.set(token, found, stamp);
    }
    request.sessionState = found.state;
    if (found.state === 'active') {
      request.actor = found.actor;
      const now = clock.now();
      if (await touchSession(database.db, found.actor.sessionId, found.lastSeenAt, config.sessionDays, now)) {
        found.lastSeenAt = now;
      }
    }
  });

  await app.register(async (api) => {
    const routes = api as unknown as App;
    openApiRoutes(routes);
    healthRoutes(routes);
    setupRoutes(routes);
    authRoutes(routes);
    meRoutes(routes);
    residenceRoutes(routes);
    programRoutes(routes);
    invitationRoutes(routes);
    peopleRoutes(routes);
    houseRoutes(routes);
    journeyRoutes(routes);
    auditRoutes(routes);
    checkInRoutes(routes);
    signalRoutes(routes);
    barc10Routes(routes);
    meetingRoutes(routes);
    decisionRoutes(routes);
    outsideMeetingRoutes(routes);
    calendarRoutes(routes);
    skillRoutes(routes);
    mentorRoutes(routes);
    notificationRoutes(routes);
    reachOutRoutes(routes);
    supportRoutes(routes);
    realtimeRoutes(routes);
    chatRoutes(routes);
  });

  if (options.webDir) {
    await registerWebApp(app, options.webDir);
  } else {
    app.setNotFoundHandler((request, reply) => {
      reply.status(404).send({
        error: {
          code: 'not_found',
          reason: 'request.not_found',
          message: `No such route: ${request.method} ${request.url.split('?')[0]}`,
        },
      });
    });
  }

  return app;
}
