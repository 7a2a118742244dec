// The recovery journey: my clocks and resets, a house's celebrations and upcoming milestones.
import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import {
  CelebrationsSchema,
  CongratulationResultSchema,
  CreateClockSchema,
  JourneySchema,
  ResetClockSchema,
  UpcomingMilestonesSchema,
  UpdateClockSchema,
} from '../../../shared/contracts/journey.ts';
import { localDate } from '../../../shared/domain/dates.ts';
import { upcomingMilestones } from '../../../shared/domain/milestones.ts';
import { addDays } from '../../../shared/domain/recovery-time.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import {
  canListUpcomingMilestones,
  canSeeRecoveryTime,
  canViewHouse,
  isOrgAdmin,
} from '../../platform/policies.ts';
import type { App } from '../../platform/types.ts';
import {
  congratulate,
  houseMilestoneEvents,
  houseStretches,
  loadMilestoneEvent,
  loadResidence,
  selfCongratulation,
} from './celebrations.ts';
import { presentCelebration, presentJourney, presentUpcoming } from './presenters.ts';
import {
  archiveClock,
  housesOf,
  loadJourney,
  recordReachedMilestones,
  resetClock,
  restoreClock,
  startClock,
  timeZoneOf,
  updateClock,
} from './service.ts';

const UPCOMING_DAYS = 14;
const CELEBRATION_DAYS = 7;

/** One statement to read; a second (and a fresh read) only on the day a new milestone is reached. */
async function myJourney(app: App, actor: Actor) {
  let data = await loadJourney(app.db, actor);
  const today = localDate(data.timeZone, new Date());
  // Cheap and idempotent: a milestone reached today shows even before the hourly job runs.
  const inUse = new Set(data.clocks.filter((c) => c.archivedAt === null).map((c) => c.id));
  const current = data.stretches.filter((s) => s.endsOn === null && inUse.has(s.clockId));
  const recorded = new Set(data.events.map((e) => `${e.stretchId}/${e.milestone}`));
  if ((await recordReachedMilestones(app.db, current, today, null, recorded)) > 0) {
    data = await loadJourney(app.db, actor);
  }
  return presentJourney(data, today);
}

async function myToday(app: App, actor: Actor): Promise<string> {
  const now = new Date();
  return localDate((await timeZoneOf(app.db, actor.organizationId, actor.personId, now)).timeZone, now);
}

/** A house's read: its members and admins only (another house's people get a 403, another organization a 404). */
async function authorizeHouseRead(app: App, actor: Actor, residenceId: string, action: string) {
  if (!canViewHouse(actor, residenceId)) {
    await recordAudit(app.db, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action,
      subjectType: 'residence',
      subjectId: residenceId,
      outcome: 'denied',
    });
    throw isOrgAdmin(actor) ? notFound('residence') : forbidden();
  }
  const residence = await loadResidence(app.db, actor.organizationId, residenceId);
  // An admin reading a house they do not live in is audited, like the house page itself.
  if (isOrgAdmin(actor)) {
    await recordAudit(app.db, {
      organizationId: actor.organizationId,
      actorId: actor.personId,
      action,
      subjectType: 'residence',
      subjectId: residence.id,
    });
  }
  return residence;
}

export function journeyRoutes(app: App): void {
  app.get(
    '/api/journey',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'My recovery time: clocks, current stretch, milestones, history and stage',
        tags: ['journey'],
        response: { 200: JourneySchema },
      },
    },
    async (request) => await myJourney(app, requireActor(request)),
  );

  app.post(
    '/api/journey/clocks',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Set my recovery date (a new clock, e.g. one per substance)',
        tags: ['journey'],
        body: CreateClockSchema,
        response: { 201: JourneySchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await startClock(app.db, actor, request.body, await myToday(app, actor));
      reply.code(201);
      return await myJourney(app, actor);
    },
  );

  app.patch(
    '/api/journey/clocks/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Rename a clock or change who sees it',
        tags: ['journey'],
        params: IdParamsSchema,
        body: UpdateClockSchema,
        response: { 200: JourneySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateClock(app.db, actor, request.params.id, request.body);
      return await myJourney(app, actor);
    },
  );

  app.post(
    '/api/journey/clocks/:id/archive',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Put a clock away: it leaves Today and the house; its history stays mine under past clocks',
        tags: ['journey'],
        params: IdParamsSchema,
        response: { 200: JourneySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await archiveClock(app.db, actor, request.params.id);
      return await myJourney(app, actor);
    },
  );

  app.post(
    '/api/journey/clocks/:id/restore',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Bring a past clock back to Today',
        tags: ['journey'],
        params: IdParamsSchema,
        response: { 200: JourneySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await restoreClock(app.db, actor, request.params.id);
      return await myJourney(app, actor);
    },
  );

  app.post(
    '/api/journey/clocks/:id/reset',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Start again from a new date; the earlier stretch stays in my history',
        tags: ['journey'],
        params: IdParamsSchema,
        body: ResetClockSchema,
        response: { 200: JourneySchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await resetClock(app.db, actor, request.params.id, request.body.startsOn, await myToday(app, actor));
      return await myJourney(app, actor);
    },
  );

  app.get(
    '/api/residences/:id/celebrations',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "Milestones this house's people reached in the last 7 days that I may see",
        tags: ['journey'],
        params: IdParamsSchema,
        response: { 200: CelebrationsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const residence = await authorizeHouseRead(app, actor, request.params.id, 'celebrations.read');
      const today = localDate(residence.timeZone, new Date());
      const stretches = (await houseStretches(app.db, actor.organizationId, residence.id, today)).filter(
        (s) => canSeeRecoveryTime(actor, { personId: s.personId, residenceIds: [residence.id] }, s.visibleTo),
      );
      const events = await houseMilestoneEvents(
        app.db,
        actor,
        stretches.map((s) => s.stretchId),
        addDays(today, -(CELEBRATION_DAYS - 1)),
      );
      const byStretch = new Map(stretches.map((s) => [s.stretchId, s]));
      const celebrations = events
        .flatMap((e) => {
          const person = byStretch.get(e.stretchId);
          const view = person ? presentCelebration(person, e, actor.personId) : null;
          return view ? [view] : [];
        })
        .sort((a, b) =>
          a.reachedOn < b.reachedOn
            ? 1
            : a.reachedOn > b.reachedOn
              ? -1
              : a.displayName.localeCompare(b.displayName),
        );
      return { celebrations };
    },
  );

  app.post(
    '/api/milestones/:id/congratulations',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Congratulate a peer on a milestone (once; again changes nothing)',
        tags: ['journey'],
        params: IdParamsSchema,
        response: { 200: CongratulationResultSchema, 201: CongratulationResultSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const event = await loadMilestoneEvent(app.db, actor.organizationId, request.params.id);
      if (!event) throw notFound('milestone');
      const houses = await housesOf(app.db, actor.organizationId, event.personId, new Date());
      const owner = { personId: event.personId, residenceIds: houses.map((h) => h.residenceId) };
      if (!canSeeRecoveryTime(actor, owner, event.visibleTo)) throw notFound('milestone');
      if (event.personId === actor.personId) throw selfCongratulation();
      const result = await congratulate(app.db, actor, event.id);
      reply.code(result.created ? 201 : 200);
      return { milestoneEventId: event.id, congratulations: result.count, congratulatedByMe: true as const };
    },
  );

  app.get(
    '/api/residences/:id/upcoming-milestones',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary:
          "Milestones in the next 14 days, to prepare a celebration (the house's peer leaders, admins)",
        tags: ['journey'],
        params: IdParamsSchema,
        response: { 200: UpcomingMilestonesSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!canListUpcomingMilestones(actor, request.params.id)) {
        await recordAudit(app.db, {
          organizationId: actor.organizationId,
          actorId: actor.personId,
          action: 'upcoming-milestones.read',
          subjectType: 'residence',
          subjectId: request.params.id,
          outcome: 'denied',
        });
        throw isOrgAdmin(actor) ? notFound('residence') : forbidden();
      }
      const residence = await loadResidence(app.db, actor.organizationId, request.params.id);
      const now = new Date();
      const houseToday = localDate(residence.timeZone, now);
      const stretches = (await houseStretches(app.db, actor.organizationId, residence.id, houseToday)).filter(
        (s) =>
          s.personId !== actor.personId &&
          canSeeRecoveryTime(actor, { personId: s.personId, residenceIds: [residence.id] }, s.visibleTo),
      );
      const upcoming = stretches
        .flatMap((s) => {
          const today = localDate(s.personZone ?? residence.timeZone, now);
          return upcomingMilestones(s.startsOn, today, UPCOMING_DAYS).map((m) =>
            presentUpcoming(s, m, today),
          );
        })
        .sort((a, b) => a.daysTo - b.daysTo || a.displayName.localeCompare(b.displayName));
      await recordAudit(app.db, {
        organizationId: actor.organizationId,
        actorId: actor.personId,
        action: 'upcoming-milestones.read',
        subjectType: 'residence',
        subjectId: residence.id,
      });
      return { upcoming };
    },
  );
}
