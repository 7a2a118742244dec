import type { FastifyRequest } from 'fastify';
import { authApi, SignInRequestSchema } from '../../../shared/contracts/auth.ts';
import { type FirstScreenProblem, isFirstScreenProblem } from '../../../shared/domain/first-screen-words.ts';
import { DEVICE_COOKIE } from '../../platform/auth/known-devices.ts';
import { clearSessionCookie, secureCookies } from '../../platform/auth/sessions.ts';
import { isDatabaseUnavailable } from '../../platform/database/unavailable.ts';
import { AppError, notFound } from '../../platform/errors.ts';
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
  // The page's own form (platform/first-screen.ts): an HTML form's body, and a redirect for an answer,
  // since no script is there yet to read one. Its body parser is this route's alone.
  void app.register(async (scope: App) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 2048 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    route(scope, authApi.signInByForm, {
      policy: 'public',
      handler: async ({ db, body, request, reply }) => {
        const back = (problem: FirstScreenProblem) =>
          reply.redirect(`/sign-in?problem=${encodeURIComponent(problem)}`, 303);
        const form = SignInRequestSchema.safeParse(body);
        if (!form.success) return back('request.invalid');
        try {
          const person = await signIn(db, attemptOf(request, form.data.login), form.data.password);
          await startSession(app, request, reply, person, { knownTokenHash: person.knownTokenHash });
        } catch (error) {
          if (error instanceof AppError && isFirstScreenProblem(error.reason)) return back(error.reason);
          if (isDatabaseUnavailable(error)) return back('request.unavailable');
          throw error;
        }
        return reply.redirect('/', 303);
      },
    });
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
