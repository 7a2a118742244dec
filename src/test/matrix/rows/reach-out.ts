// The access matrix's rows for reach-out: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = ['reachOut'];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  // Reach out now (helper H6): anyone signed in may reach out (their own alert) and sees their own screen; only
  // people who live in or lead a house may be on call. The marker's alert reached house A's peer leader alone:
  // he reads and answers it, the admin reads it as the record; everyone else finds nothing. The housemate's
  // alert is closed only by her or by someone who answered (the leader has not: 403).
  'GET /api/reach-out/crisis-lines':         [200,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/reach-out':                      [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/reach-out/availability':        [401,   200,   200,   403,  403,  403,   200,  403],
  'POST /api/reach-out/alerts':              [401,   201,   201,   201,  201,  201,   201,  201],
  'GET /api/reach-out/alerts/:id':           [401,   404,   200,   404,  200,  404,   404,  404],
  'POST /api/reach-out/alerts/:id/acknowledge': [401, 404,  200,   404,  404,  404,   404,  404],
  'POST /api/reach-out/alerts/:id/close':    [401,   404,   403,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/reach-out-alerts': [401,  403,   200,   403,  200,  403,   403,  404],
  'GET /api/reach-out/settings':             [401,   403,   403,   403,  200,  403,   403,  200],
  'PATCH /api/reach-out/settings':           [401,   403,   403,   403,  200,  403,   403,  200],
};

export const requests: Requests = {
  // Reach out now (helper H6).
  'GET /api/reach-out/crisis-lines': () => ({ method: 'GET', url: '/api/reach-out/crisis-lines' }),
  'GET /api/reach-out': () => ({ method: 'GET', url: '/api/reach-out' }),
  'POST /api/reach-out/availability': () => ({
    method: 'POST',
    url: '/api/reach-out/availability',
    body: { available: true },
  }),
  'POST /api/reach-out/alerts': () => ({
    method: 'POST',
    url: '/api/reach-out/alerts',
    body: { idempotencyKey: 'matrix-reach-out-tap' },
  }),
  'GET /api/reach-out/alerts/:id': (w) => ({
    method: 'GET',
    url: `/api/reach-out/alerts/${w.reachOut!.markerAlertId}`,
  }),
  'POST /api/reach-out/alerts/:id/acknowledge': (w) => ({
    method: 'POST',
    url: `/api/reach-out/alerts/${w.reachOut!.markerAlertId}/acknowledge`,
  }),
  'POST /api/reach-out/alerts/:id/close': (w) => ({
    method: 'POST',
    url: `/api/reach-out/alerts/${w.reachOut!.housemateAlertId}/close`,
  }),
  'GET /api/residences/:id/reach-out-alerts': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/reach-out-alerts`,
  }),
  'GET /api/reach-out/settings': () => ({ method: 'GET', url: '/api/reach-out/settings' }),
  'PATCH /api/reach-out/settings': () => ({
    method: 'PATCH',
    url: '/api/reach-out/settings',
    body: { escalateAfterMinutes: 5 },
  }),
};
