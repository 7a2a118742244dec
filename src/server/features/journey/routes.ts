// The recovery journey: my clocks and resets, a house's celebrations and upcoming milestones.
import { journeyApi } from '../../../shared/contracts/journey.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/database/connect.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { congratulate, houseCelebrations, houseUpcomingMilestones } from './celebrations.ts';
import { presentCelebrations, presentJourney, presentUpcomingMilestones } from './presenters.ts';
import { myJourney } from './read.ts';
import { archiveClock, resetClock, restoreClock, startClock, updateClock } from './service.ts';

/** Every change to my clocks answers with my whole journey as it now stands. */
async function journeyOf(db: Db, actor: Actor) {
  const { data, today } = await myJourney(db, actor);
  return presentJourney(data, today);
}

export function journeyRoutes(app: App): void {
  route(app, journeyApi.mine, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await journeyOf(db, actor),
  });
  route(app, journeyApi.startClock, {
    policy: 'signedIn',
    handler: async ({ db, actor, body, reply }) => {
      await startClock(db, actor, body);
      reply.status(201);
      return await journeyOf(db, actor);
    },
  });
  route(app, journeyApi.updateClock, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body }) => {
      await updateClock(db, actor, params.id, body);
      return await journeyOf(db, actor);
    },
  });
  route(app, journeyApi.archiveClock, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => {
      await archiveClock(db, actor, params.id);
      return await journeyOf(db, actor);
    },
  });
  route(app, journeyApi.restoreClock, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => {
      await restoreClock(db, actor, params.id);
      return await journeyOf(db, actor);
    },
  });
  route(app, journeyApi.resetClock, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, body }) => {
      await resetClock(db, actor, params.id, body.startsOn);
      return await journeyOf(db, actor);
    },
  });
  route(app, journeyApi.houseCelebrations, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) =>
      presentCelebrations(await houseCelebrations(db, actor, params.id), actor.personId),
  });
  route(app, journeyApi.congratulate, {
    policy: 'signedIn',
    handler: async ({ db, actor, params, reply }) => {
      const { event, created, count } = await congratulate(db, actor, params.id);
      reply.status(created ? 201 : 200);
      return { milestoneEventId: event.id, congratulations: count, congratulatedByMe: true as const };
    },
  });
  route(app, journeyApi.upcomingMilestones, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params }) =>
      presentUpcomingMilestones(await houseUpcomingMilestones(db, actor, params.id)),
  });
}
