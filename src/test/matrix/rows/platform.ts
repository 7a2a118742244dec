// The access matrix's rows for platform: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/openapi.json':                   [200,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/docs':                           [200,   200,   200,   200,  200,  200,   200,  200],
  // Realtime (helper H1): the WebSocket needs a session; a plain GET without the upgrade is a clear 400.
  // Who may connect with which channels is tested in platform/realtime/realtime.test.ts.
  'GET /api/realtime':                       [401,   400,   400,   400,  400,  400,   400,  400],
};

export const requests: Requests = {
  'GET /api/openapi.json': () => ({ method: 'GET', url: '/api/openapi.json' }),
  'GET /api/docs': () => ({ method: 'GET', url: '/api/docs' }),
  'GET /api/realtime': () => ({ method: 'GET', url: '/api/realtime' }),
};
