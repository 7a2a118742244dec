import { checkInApi } from '../../../shared/contracts/check-ins.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { houseForStaff } from '../signals/house.ts';
import { createCheckIn, myCheckIns, todayCheckIn, updateCheckIn } from './service.ts';
import { houseCheckInStats } from './stats.ts';

export function checkInRoutes(app: App): void {
  route(app, checkInApi.create, {
    policy: 'signedIn',
    handler: async ({ db, actor, body, reply }) => {
      const { created, checkIn } = await createCheckIn(db, actor, body);
      reply.status(created ? 201 : 200);
      return checkIn;
    },
  });
  route(app, checkInApi.today, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => await todayCheckIn(db, actor),
  });
  route(app, checkInApi.list, {
    policy: 'signedIn',
    handler: async ({ db, actor, query }) => await myCheckIns(db, actor, Number(query.days)),
  });
  route(app, checkInApi.update, {
    policy: 'signedIn',
    handler: async ({ db, clock, actor, params, body }) =>
      await updateCheckIn(db, actor, params.id, body, clock.now()),
  });
  route(app, checkInApi.houseStats, {
    policy: 'houseStaff',
    handler: async ({ db, actor, params, query }) => {
      const house = await houseForStaff(db, actor, params.id, 'check_in_stats.read');
      return await houseCheckInStats(db, actor.organizationId, house, query.weeks);
    },
  });
}
