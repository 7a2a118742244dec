import {
  CheckInInputSchema,
  CheckInListQuerySchema,
  CheckInListSchema,
  CheckInSchema,
  CheckInStatsQuerySchema,
  CheckInStatsSchema,
  CheckInUpdateSchema,
  TodayCheckInSchema,
} from '../../../shared/contracts/check-ins.ts';
import { IdParamsSchema } from '../../../shared/contracts/common.ts';
import { requireActor } from '../../platform/auth/sessions.ts';
import type { App } from '../../platform/types.ts';
import { houseForStaff } from '../signals/house.ts';
import { createCheckIn, myCheckIns, todayCheckIn, updateCheckIn } from './service.ts';
import { houseCheckInStats } from './stats.ts';

export function checkInRoutes(app: App): void {
  app.post(
    '/api/check-ins',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "Today's check-in (the same idempotency key again returns the same check-in)",
        tags: ['check-ins'],
        body: CheckInInputSchema,
        response: { 200: CheckInSchema, 201: CheckInSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { created, checkIn } = await createCheckIn(app.db, actor, request.body);
      return reply.status(created ? 201 : 200).send(checkIn);
    },
  );
  app.get(
    '/api/check-ins/today',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'Today (in my time zone) and my check-in for it, if any',
        tags: ['check-ins'],
        response: { 200: TodayCheckInSchema },
      },
    },
    async (request) => await todayCheckIn(app.db, requireActor(request)),
  );
  app.get(
    '/api/check-ins',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: 'My check-ins of the last 30 or 90 days, for my charts',
        tags: ['check-ins'],
        querystring: CheckInListQuerySchema,
        response: { 200: CheckInListSchema },
      },
    },
    async (request) => await myCheckIns(app.db, requireActor(request), Number(request.query.days)),
  );
  app.patch(
    '/api/check-ins/:id',
    {
      config: { policy: 'signedIn' },
      schema: {
        summary: "Change today's check-in (also the end-of-day reflection)",
        tags: ['check-ins'],
        params: IdParamsSchema,
        body: CheckInUpdateSchema,
        response: { 200: CheckInSchema },
      },
    },
    async (request) => await updateCheckIn(app.db, requireActor(request), request.params.id, request.body),
  );
  app.get(
    '/api/residences/:id/check-in-stats',
    {
      config: { policy: 'houseStaff' },
      schema: {
        summary: "A house's check-in rate and average mood per ISO week (no individual data)",
        tags: ['check-ins'],
        params: IdParamsSchema,
        querystring: CheckInStatsQuerySchema,
        response: { 200: CheckInStatsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const house = await houseForStaff(app.db, actor, request.params.id, 'check_in_stats.read');
      return await houseCheckInStats(app.db, actor.organizationId, house, request.query.weeks);
    },
  );
}
