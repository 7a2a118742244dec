import type { FastifyRequest } from 'fastify';
import { authApi } from '../../../shared/contracts/auth.ts';
import { DEVICE_COOKIE } from '../../platform/auth/known-devices.ts';
import { clearSessionCookie, secureCookies } from '../../platform/auth/sessions.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { loadMe } from '../me/service.ts';
import { listSessions, resetPassword, revokeSession, type SignInAttempt, signIn } from './service.ts';
import { rememberThisDevice, startSession } from './start-session.ts';

const attemptOf = (request: FastifyRequest, login: string): SignInAttempt => ({
  login,
  address: request.ip,
  deviceToken: request.cookies[DEVICE_COOKIE],
  at: request.server.clock.now(),
});

export function authRoutes(app: App): void {
  const secure = secureCookies(app.config.publicUrl);

  route(app, authApi.signIn, {
    policy: 'public',
    handler: async ({ db, body, request, reply }) => {
      const person = await signIn(db, attemptOf(request, body.login), body.password);
      await startSession(app, request, reply, person, { knownTokenHash: person.knownTokenHash });
      return await loadMe(db, { personId: person.id, organizationId: person.organizationId });
    },
  });
  route(app, authApi.signOut, {
    policy: 'public',
    handler: async ({ db, actor, reply }) => {
      if (actor) await revokeSession(db, actor.personId, actor.organizationId, actor.sessionId);
      app.sessionCache.clear();
      clearSessionCookie(reply, secure);
      return { ok: true as const };
    },
  });
  route(app, authApi.resetPassword, {
    policy: 'public',
    handler: async ({ db, body, request, reply }) => {
      const person = await resetPassword(db, attemptOf(request, body.login), body.code, body.newPassword);
      app.sessionCache.clear();
      // The code came from a person who knows them: this device is theirs from now on.
      await rememberThisDevice(app, reply, person);
      return { ok: true as const };
    },
  });
  route(app, authApi.listSessions, {
    policy: 'signedIn',
    handler: async ({ db, clock, actor }) => ({ sessions: await listSessions(db, actor, clock.now()) }),
  });
  route(app, authApi.revokeSession, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, reply }) => {
      if (!(await revokeSession(db, actor.personId, actor.organizationId, params.id)))
        throw notFound('session');
      app.sessionCache.clear();
      if (params.id === actor.sessionId) clearSessionCookie(reply, secure);
      return { ok: true as const };
    },
  });
}
