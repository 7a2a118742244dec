// The skills exchange's routes: peers only (records scoped in the service, rules in policy.ts).
import { skillsApi } from '../../../shared/contracts/skills.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { addListing, mySkills, removeListing, saveSettings, skillMatches } from './listings.ts';
import { changeSession, listMySessions, proposeSession } from './sessions.ts';

export function skillRoutes(app: App): void {
  route(app, skillsApi.mine, { policy: 'peer', handler: async ({ db, actor }) => await mySkills(db, actor) });
  route(app, skillsApi.add, {
    policy: 'peer',
    handler: async ({ db, actor, body, reply }) => {
      reply.status(201);
      return await addListing(db, actor, body);
    },
  });
  route(app, skillsApi.remove, {
    policy: 'peer',
    handler: async ({ db, actor, params }) => {
      await removeListing(db, actor, params.id);
      return { ok: true as const };
    },
  });
  route(app, skillsApi.settings, {
    policy: 'peer',
    handler: async ({ db, actor, body }) => {
      await saveSettings(db, actor, { skillsVisibleTo: body.skillsVisibleTo });
      return await mySkills(db, actor);
    },
  });
  route(app, skillsApi.matches, {
    policy: 'peer',
    handler: async ({ db, actor }) => await skillMatches(db, actor),
  });
  route(app, skillsApi.sessions, {
    policy: 'peer',
    handler: async ({ db, actor }) => ({ sessions: await listMySessions(db, actor) }),
  });
  route(app, skillsApi.propose, {
    policy: 'peer',
    handler: async ({ db, actor, body, reply }) => {
      reply.status(201);
      return await proposeSession(db, actor, body);
    },
  });
  for (const change of ['accept', 'cancel', 'done'] as const) {
    route(app, skillsApi[change], {
      policy: 'peer',
      handler: async ({ db, actor, params }) => await changeSession(db, actor, params.id, change),
    });
  }
}
