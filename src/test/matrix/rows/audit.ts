// The access matrix's rows for audit: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/audit':                          [401,   403,   403,   403,  200,  403,   403,  200],
};

export const requests: Requests = {
  'GET /api/audit': () => ({ method: 'GET', url: '/api/audit' }),
};
