import type { FastifyRequest } from 'fastify';
import {
  PasswordResetRequestSchema,
  SessionListSchema,
  SignInRequestSchema,
} from '../../../shared/contracts/auth.ts';
import { IdParamsSchema, OkSchema } from '../../../shared/contracts/common.ts';
import { DEVICE_COOKIE, rememberDevice, setDeviceCookie } from '../../platform/auth/known-devices.ts';
import {
  clearSessionCookie,
  createSession,
  describeDevice,
  requireActor,
  secureCookies,
  setSessionCookie,
} from '../../platform/auth/sessions.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/types.ts';
import { listSessions, resetPassword, revokeSession, type SignInAttempt, signIn } from './service.ts';

const attemptOf = (request: FastifyRequest, login: string): SignInAttempt => ({
  login,
  address: request.ip,
  deviceToken: request.cookies[DEVICE_COOKIE],
});

export function authRoutes(app: App): void {
  const secure = secureCookies(app.config.publicUrl);

  app.post(
    '/api/auth/sign-in',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'Sign in with username or email and password',
        tags: ['auth'],
        body: SignInRequestSchema,
        response: { 200: OkSchema },
      },
    },
    async (request, reply) => {
      const person = await signIn(app.db, attemptOf(request, request.body.login), request.body.password);
      const token = await createSession(app.db, person, describeDevice(request), app.config.sessionDays);
      setSessionCookie(reply, token, app.config.sessionDays, secure);
      const device = await rememberDevice(app.db, person, person.knownTokenHash);
      if (device) setDeviceCookie(reply, device, secure);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      config: { policy: 'public' },
      schema: { summary: 'Sign out of this device', tags: ['auth'], response: { 200: OkSchema } },
    },
    async (request, reply) => {
      if (request.actor)
        await revokeSession(
          app.db,
          request.actor.personId,
          request.actor.organizationId,
          request.actor.sessionId,
        );
      app.sessionCache.clear();
      clearSessionCookie(reply, secure);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/reset-password',
    {
      config: { policy: 'public' },
      schema: {
        summary: 'Choose a new password with a code from a peer leader or admin',
        tags: ['auth'],
        body: PasswordResetRequestSchema,
        response: { 200: OkSchema },
      },
    },
    async (request, reply) => {
      const { login, code, newPassword } = request.body;
      const person = await resetPassword(app.db, attemptOf(request, login), code, newPassword);
      app.sessionCache.clear();
      // The code came from a person who knows them: this device is theirs from now on.
      const device = await rememberDevice(app.db, person, null);
      if (device) setDeviceCookie(reply, device, secure);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/me/sessions',
    {
      config: { policy: 'signedIn' },
      schema: { summary: 'My signed-in devices', tags: ['auth'], response: { 200: SessionListSchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listSessions(app.db, actor.personId, actor.organizationId);
      return {
        sessions: rows.map((s) => ({
          id: s.id,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          device: s.device,
          current: s.id === actor.sessionId,
        })),
      };
    },
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Sign out one of my devices',
        tags: ['auth'],
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!(await revokeSession(app.db, actor.personId, actor.organizationId, request.params.id)))
        throw notFound('session');
      app.sessionCache.clear();
      if (request.params.id === actor.sessionId) clearSessionCookie(reply, secure);
      return { ok: true as const };
    },
  );
}
