// The access matrix's rows for mentors: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = ['peers'];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/mentors':                        [401,   200,   200,   403,  403,  200,   200,  403],
  'GET /api/mentors/suggestions':            [401,   200,   200,   403,  403,  200,   200,  403],
  'GET /api/mentors/newcomers':              [401,   200,   200,   403,  403,  200,   200,  403],
  // Asking the alumna to mentor: a resident may (any house); the peer leader is no newcomer; she cannot ask herself.
  'POST /api/mentorships':                   [401,   201,   403,   403,  403,  400,   201,  403],
  'PATCH /api/mentors/settings':             [401,   200,   200,   403,  403,  200,   200,  403],
  // The newcomer's request to the alumna: she accepts, they write in their log, then she ends it.
  'POST /api/mentorships/:id/accept':        [401,   404,   404,   403,  403,  200,   404,  403],
  'GET /api/mentorships/:id/check-ins':      [401,   404,   404,   403,  403,  200,   404,  403],
  'POST /api/mentorships/:id/check-ins':     [401,   404,   404,   403,  403,  201,   404,  403],
  'POST /api/mentorships/:id/end':           [401,   404,   404,   403,  403,  200,   404,  403],
  // The marker's request to the peer leader, who declines.
  'POST /api/mentorships/:id/decline':       [401,   404,   200,   403,  403,  404,   404,  403],
};

export const requests: Requests = {
  'GET /api/mentors': () => ({ method: 'GET', url: '/api/mentors' }),
  'GET /api/mentors/suggestions': () => ({ method: 'GET', url: '/api/mentors/suggestions' }),
  'GET /api/mentors/newcomers': () => ({ method: 'GET', url: '/api/mentors/newcomers' }),
  'POST /api/mentorships': (w) => ({
    method: 'POST',
    url: '/api/mentorships',
    body: { mentorId: w.people.alumni.id },
  }),
  'PATCH /api/mentors/settings': () => ({
    method: 'PATCH',
    url: '/api/mentors/settings',
    body: { openToMentoring: true },
  }),
  'POST /api/mentorships/:id/accept': (w) => ({
    method: 'POST',
    url: `/api/mentorships/${w.peers!.newcomerRequestId}/accept`,
  }),
  'GET /api/mentorships/:id/check-ins': (w) => ({
    method: 'GET',
    url: `/api/mentorships/${w.peers!.newcomerRequestId}/check-ins`,
  }),
  'POST /api/mentorships/:id/check-ins': (w) => ({
    method: 'POST',
    url: `/api/mentorships/${w.peers!.newcomerRequestId}/check-ins`,
    body: { note: 'Coffee after the meeting' },
  }),
  'POST /api/mentorships/:id/end': (w) => ({
    method: 'POST',
    url: `/api/mentorships/${w.peers!.newcomerRequestId}/end`,
  }),
  'POST /api/mentorships/:id/decline': (w) => ({
    method: 'POST',
    url: `/api/mentorships/${w.peers!.markerRequestId}/decline`,
  }),
};
