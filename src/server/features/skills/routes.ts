// The skills exchange's routes: validate → authorize (peers only; records scoped in the service) → do → present.
import { IdParamsSchema, OkSchema } from '../../../shared/contracts/common.ts';
import {
  MySkillsSchema,
  NewSkillListingSchema,
  NewSkillSessionSchema,
  SkillListingSchema,
  SkillMatchesSchema,
  SkillSessionListSchema,
  SkillSessionSchema,
  SkillSettingsSchema,
} from '../../../shared/contracts/skills.ts';
import { recordAudit } from '../../platform/audit.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { App } from '../../platform/types.ts';
import { addListing, mySkills, removeListing, saveSettings, skillMatches } from './listings.ts';
import { changeSession, listMySessions, proposeSession } from './sessions.ts';

const tags = ['skills'];

export function skillRoutes(app: App): void {
  app.get(
    '/api/skills',
    {
      config: { policy: 'peer' },
      schema: {
        summary: 'My skills: what I can teach and want to learn',
        tags,
        response: { 200: MySkillsSchema },
      },
    },
    async (request) => await mySkills(app.db, requireActor(request)),
  );
  app.post(
    '/api/skills',
    {
      config: { policy: 'peer' },
      schema: {
        summary: 'Add a skill I can teach or want to learn (peers with the other side hear of the match)',
        tags,
        body: NewSkillListingSchema,
        response: { 201: SkillListingSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return await addListing(app.db, requireActor(request), request.body);
    },
  );
  app.delete(
    '/api/skills/:id',
    {
      config: { policy: 'peer' },
      schema: {
        summary: 'Take a skill off my list',
        tags,
        params: IdParamsSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await removeListing(app.db, requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.patch(
    '/api/skills/settings',
    {
      config: { policy: 'peer' },
      schema: {
        summary: 'Who sees my skills: my house, or my whole organization',
        tags,
        body: SkillSettingsSchema,
        response: { 200: MySkillsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await saveSettings(app.db, actor, { skillsVisibleTo: request.body.skillsVisibleTo });
      return await mySkills(app.db, actor);
    },
  );
  app.get(
    '/api/skills/matches',
    {
      config: { policy: 'peer' },
      schema: {
        summary: 'Peers whose skills answer mine, in my house and my organization (as each chose to share)',
        tags,
        response: { 200: SkillMatchesSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const matches = await skillMatches(app.db, actor);
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'skills.matches.read',
        subjectType: 'skill_listing',
        detail: { house: matches.house.length, organization: matches.organization.length },
      });
      return matches;
    },
  );
  app.get(
    '/api/skill-sessions',
    {
      config: { policy: 'peer' },
      schema: {
        summary: 'Skill sessions I teach or learn in',
        tags,
        response: { 200: SkillSessionListSchema },
      },
    },
    async (request) => ({ sessions: await listMySessions(app.db, requireActor(request)) }),
  );
  app.post(
    '/api/skill-sessions',
    {
      config: { policy: 'peer' },
      schema: {
        summary: "Propose a skill session through another peer's listing",
        tags,
        body: NewSkillSessionSchema,
        response: { 201: SkillSessionSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return await proposeSession(app.db, requireActor(request), request.body);
    },
  );
  for (const change of ['accept', 'cancel', 'done'] as const) {
    const summaries = {
      accept: 'Accept a skill session the other person proposed',
      cancel: 'Call off a planned skill session',
      done: 'Mark a skill session as done: it is recorded as support given in the ledger',
    };
    app.post(
      `/api/skill-sessions/:id/${change}`,
      {
        config: { policy: 'peer' },
        schema: {
          summary: summaries[change],
          tags,
          params: IdParamsSchema,
          response: { 200: SkillSessionSchema },
        },
      },
      async (request) => await changeSession(app.db, requireActor(request), request.params.id, change),
    );
  }
}
