// The access matrix's rows for residences: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import { residenceInput } from '../../factories.ts';
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/residences':                     [401,   403,   403,   403,  200,  403,   403,  200],
  'POST /api/residences':                    [401,   403,   403,   403,  201,  403,   403,  201],
  'GET /api/residences/:id':                 [401,   403,   403,   403,  200,  403,   403,  404],
  'PATCH /api/residences/:id':               [401,   403,   403,   403,  200,  403,   403,  404],
};

export const requests: Requests = {
  'GET /api/residences': () => ({ method: 'GET', url: '/api/residences' }),
  'POST /api/residences': () => ({ method: 'POST', url: '/api/residences', body: residenceInput() }),
  'GET /api/residences/:id': (w) => ({ method: 'GET', url: `/api/residences/${w.houseA}` }),
  'PATCH /api/residences/:id': (w) => ({
    method: 'PATCH',
    url: `/api/residences/${w.houseA}`,
    body: { address: '1 Changed Rd' },
  }),
};
