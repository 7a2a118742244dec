// The access matrix's rows for setup: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import { accountInput } from '../../factories.ts';
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/setup':                          [200,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/setup':                         [410,   410,   410,   410,  410,  410,   410,  410],
};

export const requests: Requests = {
  'GET /api/setup': () => ({ method: 'GET', url: '/api/setup' }),
  'POST /api/setup': () => ({
    method: 'POST',
    url: '/api/setup',
    body: { token: 'a-token-nobody-was-given', organizationName: 'Takeover Homes', admin: accountInput() },
  }),
};
