// Mentors' routes: validate → authorize (peers only; a mentorship is its two people's alone) → do → present.
import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import {
  MentorOverviewSchema,
  MentorSettingsSchema,
  MentorSuggestionListSchema,
  MentorshipLogSchema,
  MentorshipSchema,
  NewMentorCheckInSchema,
  NewMentorshipSchema,
} from '../../../shared/contracts/mentors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { App } from '../../platform/types.ts';
import { saveSettings } from '../skills/listings.ts';
import {
  addCheckIn,
  changeMentorship,
  mentorOverview,
  mentorSuggestions,
  mentorshipLog,
  requestMentorship,
} from './service.ts';

const tags = ['mentors'];

export function mentorRoutes(app: App): void {
  app.get(
    '/api/mentors',
    {
      config: { policy: 'peer' },
      schema: {
        summary: 'My mentorships and requests, and whether I am open to mentoring',
        tags,
        response: { 200: MentorOverviewSchema },
      },
    },
    async (request) => await mentorOverview(app.db, requireActor(request)),
  );
  app.patch(
    '/api/mentors/settings',
    {
      config: { policy: 'peer' },
      schema: {
        summary: 'Whether newer peers of my organization may be suggested me as a mentor',
        tags,
        body: MentorSettingsSchema,
        response: { 200: MentorOverviewSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await saveSettings(app.db, actor, { openToMentoring: request.body.openToMentoring });
      return await mentorOverview(app.db, actor);
    },
  );
  app.get(
    '/api/mentors/suggestions',
    {
      config: { policy: 'peer' },
      schema: {
        summary: 'Mentors suggested to me (a newer resident), with what we have in common',
        tags,
        response: { 200: MentorSuggestionListSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const suggestions = await mentorSuggestions(app.db, actor);
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'mentors.suggestions.read',
        subjectType: 'person',
        detail: { count: suggestions.length },
      });
      return { suggestions };
    },
  );
  app.post(
    '/api/mentorships',
    {
      config: { policy: 'peer' },
      schema: {
        summary: 'Ask someone to be my mentor, or offer to mentor a newer peer (they must accept)',
        tags,
        body: NewMentorshipSchema,
        response: { 201: MentorshipSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return await requestMentorship(app.db, requireActor(request), request.body);
    },
  );
  const summaries = {
    accept: 'Accept a mentorship I was asked for (opens our private thread)',
    decline: 'Decline a mentorship I was asked for',
    end: 'End a mentorship or withdraw a request, without giving a reason',
  };
  for (const change of ['accept', 'decline', 'end'] as const) {
    app.post(
      `/api/mentorships/:id/${change}`,
      {
        config: { policy: 'peer' },
        schema: {
          summary: summaries[change],
          tags,
          params: IdParamsSchema,
          response: { 200: MentorshipSchema },
        },
      },
      async (request) => await changeMentorship(app.db, requireActor(request), request.params.id, change),
    );
  }
  app.get(
    '/api/mentorships/:id/check-ins',
    {
      config: { policy: 'peer' },
      schema: {
        summary: "Our mentorship's shared check-in log (its two people only)",
        tags,
        params: IdParamsSchema,
        response: { 200: MentorshipLogSchema },
      },
    },
    async (request) => await mentorshipLog(app.db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/mentorships/:id/check-ins',
    {
      config: { policy: 'peer' },
      schema: {
        summary: 'Add a line to our shared check-in log',
        tags,
        params: IdParamsSchema,
        body: NewMentorCheckInSchema,
        response: { 201: MentorshipLogSchema },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return await addCheckIn(app.db, requireActor(request), request.params.id, request.body.note);
    },
  );
}
