// The access matrix's rows for barc10: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/barc10':                         [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/barc10':                        [401,   201,   201,   201,  201,  201,   201,  201],
  'GET /api/barc10/:id/fhir':                [401,   404,   404,   404,  404,  404,   404,  404],
};

export const requests: Requests = {
  'GET /api/barc10': () => ({ method: 'GET', url: '/api/barc10' }),
  'POST /api/barc10': () => ({
    method: 'POST',
    url: '/api/barc10',
    body: { answers: [4, 4, 5, 3, 4, 5, 5, 6, 4, 5] },
  }),
  'GET /api/barc10/:id/fhir': (w) => ({ method: 'GET', url: `/api/barc10/${w.markerBarc10Id}/fhir` }),
};
