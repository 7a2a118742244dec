import { residenceApi } from '../../../shared/contracts/residences.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { createResidence, getResidence, listResidences, updateResidence } from './service.ts';

export function residenceRoutes(app: App): void {
  route(app, residenceApi.list, {
    policy: 'orgAdmin',
    handler: async ({ db, actor }) => ({ residences: await listResidences(db, actor.organizationId) }),
  });
  route(app, residenceApi.create, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, body, reply }) => {
      const residence = await createResidence(db, actor, body);
      reply.status(201);
      return residence;
    },
  });
  route(app, residenceApi.get, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, params }) => await getResidence(db, actor.organizationId, params.id),
  });
  route(app, residenceApi.update, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, params, body }) => await updateResidence(db, actor, params.id, body),
  });
}
