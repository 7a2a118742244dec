import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import {
  ResidenceInputSchema,
  ResidenceListSchema,
  ResidenceSchema,
  ResidenceUpdateSchema,
} from '../../../shared/contracts/residences.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { App } from '../../platform/types.ts';
import { createResidence, getResidence, listResidences, updateResidence } from './service.ts';

export function residenceRoutes(app: App): void {
  app.get(
    '/api/residences',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Residences of my organization',
        tags: ['residences'],
        response: { 200: ResidenceListSchema },
      },
    },
    async (request) => ({ residences: await listResidences(app.db, requireActor(request).organizationId) }),
  );
  app.post(
    '/api/residences',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Open a residence',
        tags: ['residences'],
        body: ResidenceInputSchema,
        response: { 201: ResidenceSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createResidence(app.db, actor, request.body);
      return reply.status(201).send(await getResidence(app.db, actor.organizationId, id));
    },
  );
  app.get(
    '/api/residences/:id',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'One residence',
        tags: ['residences'],
        params: IdParamsSchema,
        response: { 200: ResidenceSchema },
      },
    },
    async (request) => await getResidence(app.db, requireActor(request).organizationId, request.params.id),
  );
  app.patch(
    '/api/residences/:id',
    {
      config: { policy: 'orgAdmin' },
      schema: {
        summary: 'Change a residence',
        tags: ['residences'],
        params: IdParamsSchema,
        body: ResidenceUpdateSchema,
        response: { 200: ResidenceSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateResidence(app.db, actor, request.params.id, request.body);
      return await getResidence(app.db, actor.organizationId, request.params.id);
    },
  );
}
