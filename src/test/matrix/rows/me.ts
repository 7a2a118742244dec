// The access matrix's rows for me: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/me':                             [401,   200,   200,   200,  200,  200,   200,  200],
  'PATCH /api/me/profile':                   [401,   200,   200,   200,  200,  200,   200,  200],
  'PATCH /api/me/privacy':                   [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/me/welcome/dismiss':            [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/me/sessions':                    [401,   200,   200,   200,  200,  200,   200,  200],
  'DELETE /api/me/sessions/:id':             [401,   404,   404,   404,  404,  404,   404,  404],
};

export const requests: Requests = {
  'GET /api/me': () => ({ method: 'GET', url: '/api/me' }),
  'PATCH /api/me/profile': () => ({ method: 'PATCH', url: '/api/me/profile', body: { language: 'en' } }),
  'PATCH /api/me/privacy': () => ({
    method: 'PATCH',
    url: '/api/me/privacy',
    body: { nameStyle: 'first_last_initial' },
  }),
  'POST /api/me/welcome/dismiss': () => ({ method: 'POST', url: '/api/me/welcome/dismiss' }),
  'GET /api/me/sessions': () => ({ method: 'GET', url: '/api/me/sessions' }),
  // Someone else's session: nobody may sign another person out.
  'DELETE /api/me/sessions/:id': (w) => ({ method: 'DELETE', url: `/api/me/sessions/${w.markerSessionId}` }),
};
