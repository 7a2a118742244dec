// The access matrix's rows for check-ins: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  // Check-ins and BARC-10 are each person's own: anyone signed in keeps their own, nobody reads another's.
  'POST /api/check-ins':                     [401,   201,   201,   201,  201,  201,   201,  201],
  'GET /api/check-ins/today':                [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/check-ins':                      [401,   200,   200,   200,  200,  200,   200,  200],
  'PATCH /api/check-ins/:id':                [401,   404,   404,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/check-in-stats':  [401,   403,   200,   403,  200,  403,   403,  404],
};

export const requests: Requests = {
  'POST /api/check-ins': () => ({
    method: 'POST',
    url: '/api/check-ins',
    body: { idempotencyKey: 'matrix-check-in-1', mood: 4, craving: 2, sleepHours: 7, triggers: ['stress'] },
  }),
  'GET /api/check-ins/today': () => ({ method: 'GET', url: '/api/check-ins/today' }),
  'GET /api/check-ins': () => ({ method: 'GET', url: '/api/check-ins?days=30' }),
  // The marker's own check-in: nobody else may change it, or learn that it exists.
  'PATCH /api/check-ins/:id': (w) => ({
    method: 'PATCH',
    url: `/api/check-ins/${w.markerCheckInId}`,
    body: { reflection: 'okay' },
  }),
  'GET /api/residences/:id/check-in-stats': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/check-in-stats?weeks=4`,
  }),
};
