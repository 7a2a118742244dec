// The access matrix's rows for programs: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/programs':                       [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/programs':                      [401,   403,   403,   403,  201,  403,   403,  201],
  'PATCH /api/programs/:id':                 [401,   403,   403,   403,  200,  403,   403,  404],
};

export const requests: Requests = {
  'GET /api/programs': () => ({ method: 'GET', url: '/api/programs' }),
  'POST /api/programs': () => ({
    method: 'POST',
    url: '/api/programs',
    body: { name: 'A new track', focus: ['parents_with_children'] },
  }),
  'PATCH /api/programs/:id': (w) => ({
    method: 'PATCH',
    url: `/api/programs/${w.programId}`,
    body: { description: 'Changed' },
  }),
};
