import {
  Barc10FhirSchema,
  Barc10InputSchema,
  Barc10ListSchema,
  Barc10Schema,
} from '../../../shared/contracts/barc10.ts';
import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { App } from '../../platform/types.ts';
import { barc10Fhir, myBarc10, recordBarc10 } from './service.ts';

export function barc10Routes(app: App): void {
  app.get(
    '/api/barc10',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'My BARC-10 assessments and whether one is due (none in the last 30 days)',
        tags: ['barc10'],
        response: { 200: Barc10ListSchema },
      },
    },
    async (request) => await myBarc10(app.db, requireActor(request)),
  );
  app.post(
    '/api/barc10',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Record a BARC-10 (exactly ten answers, each 1-6)',
        tags: ['barc10'],
        body: Barc10InputSchema,
        response: { 201: Barc10Schema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordBarc10(app.db, requireActor(request), request.body.answers)),
  );
  app.get(
    '/api/barc10/:id/fhir',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'One of my BARC-10 assessments as FHIR R4 (Questionnaire + QuestionnaireResponse)',
        tags: ['barc10'],
        params: IdParamsSchema,
        response: { 200: Barc10FhirSchema },
      },
    },
    async (request) => await barc10Fhir(app.db, requireActor(request), request.params.id),
  );
}
