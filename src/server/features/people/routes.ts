import { counselorAssignmentApi } from '../../../shared/contracts/counselor-assignments.ts';
import { peopleApi } from '../../../shared/contracts/people.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { createAssignment, endAssignment, listAssignments } from './counselor-assignments.ts';
import { endRole, getPerson, grantRole, issueResetCode, listPeople } from './service.ts';

export function peopleRoutes(app: App): void {
  route(app, peopleApi.list, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, query }) => await listPeople(db, actor, query),
  });
  route(app, peopleApi.get, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, params }) => await getPerson(db, actor, params.id),
  });
  route(app, peopleApi.grantRole, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, params, body, reply }) => {
      const person = await grantRole(db, actor, params.id, body);
      app.sessionCache.clear();
      reply.status(201);
      return person;
    },
  });
  route(app, peopleApi.endRole, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, params, body }) => {
      await endRole(db, actor, params.id, body);
      app.sessionCache.clear();
      return { ok: true as const };
    },
  });
  route(app, peopleApi.issueResetCode, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params, reply }) => {
      const code = await issueResetCode(db, actor, params.id);
      reply.status(201);
      return code;
    },
  });

  route(app, counselorAssignmentApi.list, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, query }) => ({
      assignments: await listAssignments(db, actor, query.residentId),
    }),
  });
  route(app, counselorAssignmentApi.create, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, body, reply }) => {
      const assignment = await createAssignment(db, actor, body.counselorId, body.residentId);
      reply.status(201);
      return assignment;
    },
  });
  route(app, counselorAssignmentApi.end, {
    policy: 'orgAdmin',
    handler: async ({ db, actor, params }) => await endAssignment(db, actor, params.id),
  });
}
