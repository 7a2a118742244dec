import { IdParamsSchema, OkSchema } from '../../../shared/contracts/common.ts';
import {
  AcceptInvitationSchema,
  CreatedInvitationSchema,
  InvitationCodeParamsSchema,
  InvitationInputSchema,
  InvitationListSchema,
  InvitationPreviewSchema,
} from '../../../shared/contracts/invitations.ts';
import { rememberDevice, setDeviceCookie } from '../../platform/auth/known-devices.ts';
import {
  createSession,
  describeDevice,
  requireActor,
  secureCookies,
  setSessionCookie,
} from '../../platform/auth/sessions.ts';
import type { App } from '../../platform/types.ts';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from './service.ts';

export function invitationRoutes(app: App): void {
  app.get(
    '/api/invitations',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Invitations not yet used',
        tags: ['invitations'],
        response: { 200: InvitationListSchema },
      },
    },
    async (request) => ({ invitations: await listInvitations(app.db, requireActor(request).organizationId) }),
  );
  app.post(
    '/api/invitations',
    {
      config: { policy: 'orgAdmin', rateLimit: 'invitation' },
      schema: {
        summary: 'Invite someone by link or code, with a role and residence',
        tags: ['invitations'],
        body: InvitationInputSchema,
        response: { 201: CreatedInvitationSchema },
      },
    },
    async (request, reply) => {
      const created = await createInvitation(app.db, requireActor(request), request.body);
      const origin = app.config.publicUrl ?? `${request.protocol}://${request.host}`;
      return reply.status(201).send({ ...created, link: `${origin}/invite/${created.code}` });
    },
  );
  app.delete(
    '/api/invitations/:id',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Withdraw an invitation',
        tags: ['invitations'],
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await revokeInvitation(app.db, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/invitations/code/:code',
    {
      config: { policy: 'public', rateLimit: 'invitationCode' },
      schema: {
        summary: 'What an invitation code is for, before accepting it',
        tags: ['invitations'],
        params: InvitationCodeParamsSchema,
        response: { 200: InvitationPreviewSchema },
      },
    },
    async (request) => await previewInvitation(app.db, request.params.code),
  );
  app.post(
    '/api/invitations/code/:code/accept',
    {
      config: { policy: 'public', rateLimit: 'invitationCode' },
      schema: {
        summary: 'Accept an invitation: creates my account and signs me in',
        tags: ['invitations'],
        params: InvitationCodeParamsSchema,
        body: AcceptInvitationSchema,
        response: { 201: OkSchema },
      },
    },
    async (request, reply) => {
      const person = await acceptInvitation(app.db, request.params.code, request.body);
      const token = await createSession(app.db, person, describeDevice(request), app.config.sessionDays);
      setSessionCookie(reply, token, app.config.sessionDays, secureCookies(app.config.publicUrl));
      // The phone that joined is the person's from the start (decision 0025).
      const device = await rememberDevice(app.db, person, null);
      if (device) setDeviceCookie(reply, device, secureCookies(app.config.publicUrl));
      return reply.status(201).send({ ok: true as const });
    },
  );
}
