import { programApi } from '../../../shared/contracts/programs.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { createProgram, listPrograms, updateProgram } from './service.ts';

export function programRoutes(app: App): void {
  route(app, programApi.list, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => ({ programs: await listPrograms(db, actor.organizationId) }),
  });
  route(app, programApi.create, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, body, reply }) => {
      const program = await createProgram(db, actor, body);
      reply.status(201);
      return program;
    },
  });
  route(app, programApi.update, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, params, body }) => await updateProgram(db, actor, params.id, body),
  });
}
