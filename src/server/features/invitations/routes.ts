import { invitationApi } from '../../../shared/contracts/invitations.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { startSession } from '../auth/start-session.ts';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from './service.ts';

export function invitationRoutes(app: App): void {
  route(app, invitationApi.list, {
    policy: 'orgAdmin',
    handler: async ({ db, actor }) => ({ invitations: await listInvitations(db, actor.organizationId) }),
  });
  route(app, invitationApi.create, {
    policy: 'orgAdmin',
    rateLimit: 'invitation',
    handler: async ({ db, actor, body, request, reply }) => {
      const created = await createInvitation(db, actor, body);
      const origin = app.config.publicUrl ?? `${request.protocol}://${request.host}`;
      reply.status(201);
      return { ...created, link: `${origin}/invite/${created.code}` };
    },
  });
  route(app, invitationApi.withdraw, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, params }) => {
      await revokeInvitation(db, actor, params.id);
      return { ok: true as const };
    },
  });
  route(app, invitationApi.preview, {
    policy: 'public',
    rateLimit: 'invitationCode',
    handler: async ({ db, clock, params }) => await previewInvitation(db, params.code, clock.now()),
  });
  route(app, invitationApi.accept, {
    policy: 'public',
    rateLimit: 'invitationCode',
    handler: async ({ db, clock, params, body, request, reply }) => {
      const person = await acceptInvitation(db, params.code, body, clock.now());
      // The phone that joined is the person's from the start (decision 0025).
      await startSession(app, request, reply, person, { knownTokenHash: null });
      reply.status(201);
      return { ok: true as const };
    },
  });
}
