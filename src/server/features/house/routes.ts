import { houseApi } from '../../../shared/contracts/residences.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { houseFor, myHouses } from './service.ts';

export function houseRoutes(app: App): void {
  route(app, houseApi.mine, {
    policy: 'signedIn',
    handler: async ({ db, actor }) => ({ houses: await myHouses(db, actor) }),
  });
  route(app, houseApi.get, {
    policy: 'signedIn',
    handler: async ({ db, actor, params }) => await houseFor(db, actor, params.id),
  });
}
