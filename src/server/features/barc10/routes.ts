// BARC-10: my own recovery-capital assessments and their FHIR export.
import { barc10Api } from '../../../shared/contracts/barc10.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { barc10Fhir, myBarc10, recordBarc10 } from './service.ts';

export function barc10Routes(app: App): void {
  route(app, barc10Api.mine, {
    policy: 'signedIn',
    handler: async ({ db, clock, actor }) => await myBarc10(db, actor, clock.now()),
  });
  route(app, barc10Api.record, {
    policy: 'signedIn',
    handler: async ({ db, clock, actor, body, reply }) => {
      const assessment = await recordBarc10(db, actor, body.answers, clock.now());
      reply.status(201);
      return assessment;
    },
  });
  route(app, barc10Api.fhir, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await barc10Fhir(db, actor, params.id),
  });
}
