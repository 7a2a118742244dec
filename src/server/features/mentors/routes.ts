// Mentors' routes: peers only (a mentorship is its two people's alone; rules in policy.ts).
import { mentorsApi } from '../../../shared/contracts/mentors.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { saveSettings } from '../skills/listings.ts';
import {
  addCheckIn,
  changeMentorship,
  mentorNewcomers,
  mentorOverview,
  mentorSuggestions,
  mentorshipLog,
  requestMentorship,
} from './service.ts';

export function mentorRoutes(app: App): void {
  route(app, mentorsApi.overview, {
    policy: 'peer',
    handler: async ({ db, actor }) => await mentorOverview(db, actor),
  });
  route(app, mentorsApi.settings, {
    policy: 'peer',
    handler: async ({ db, actor, body }) => {
      await saveSettings(db, actor, { openToMentoring: body.openToMentoring });
      return await mentorOverview(db, actor);
    },
  });
  route(app, mentorsApi.suggestions, {
    policy: 'peer',
    handler: async ({ db, actor }) => ({ suggestions: await mentorSuggestions(db, actor) }),
  });
  route(app, mentorsApi.newcomers, {
    policy: 'peer',
    handler: async ({ db, actor }) => ({ newcomers: await mentorNewcomers(db, actor) }),
  });
  route(app, mentorsApi.request, {
    policy: 'peer',
    handler: async ({ db, actor, body, reply }) => {
      reply.status(201);
      return await requestMentorship(db, actor, body);
    },
  });
  for (const change of ['accept', 'decline', 'end'] as const) {
    route(app, mentorsApi[change], {
      policy: 'peer',
      handler: async ({ db, actor, params }) => await changeMentorship(db, actor, params.id, change),
    });
  }
  route(app, mentorsApi.log, {
    policy: 'peer',
    handler: async ({ db, actor, params }) => await mentorshipLog(db, actor, params.id),
  });
  route(app, mentorsApi.addCheckIn, {
    policy: 'peer',
    handler: async ({ db, actor, params, body, reply }) => {
      reply.status(201);
      return await addCheckIn(db, actor, params.id, body.note);
    },
  });
}
