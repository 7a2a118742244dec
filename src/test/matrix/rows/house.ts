// The access matrix's rows for house: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/house':                          [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/residences/:id/house':           [401,   200,   200,   403,  200,  403,   403,  404],
};

export const requests: Requests = {
  'GET /api/house': () => ({ method: 'GET', url: '/api/house' }),
  'GET /api/residences/:id/house': (w) => ({ method: 'GET', url: `/api/residences/${w.houseA}/house` }),
};
