// The access matrix's rows for skills: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = ['peers'];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  // Skills exchange and mentors (helper H4): peers only (residents, peer leaders, alumni); counselors and admins
  // 403. The marker shares skills with house A only; a session or mentorship is its two people's alone (404).
  'GET /api/skills':                         [401,   200,   200,   403,  403,  200,   200,  403],
  'POST /api/skills':                        [401,   201,   201,   403,  403,  201,   201,  403],
  'DELETE /api/skills/:id':                  [401,   404,   404,   403,  403,  404,   404,  403],
  'PATCH /api/skills/settings':              [401,   200,   200,   403,  403,  200,   200,  403],
  'GET /api/skills/matches':                 [401,   200,   200,   403,  403,  200,   200,  403],
  'GET /api/skill-sessions':                 [401,   200,   200,   403,  403,  200,   200,  403],
  'POST /api/skill-sessions':                [401,   201,   201,   403,  403,  404,   404,  403],
  'POST /api/skill-sessions/:id/accept':     [401,   404,   200,   403,  403,  404,   404,  403],
  'POST /api/skill-sessions/:id/cancel':     [401,   404,   200,   403,  403,  404,   404,  403],
  'POST /api/skill-sessions/:id/done':       [401,   404,   200,   403,  403,  404,   404,  403],
};

export const requests: Requests = {
  // Skills exchange and mentors (helper H4): records built by buildPeersWorld.
  'GET /api/skills': () => ({ method: 'GET', url: '/api/skills' }),
  'POST /api/skills': () => ({
    method: 'POST',
    url: '/api/skills',
    body: { skill: 'fitness', direction: 'learn' },
  }),
  'DELETE /api/skills/:id': (w) => ({
    method: 'DELETE',
    url: `/api/skills/${w.peers!.markerParentingListingId}`,
  }),
  'PATCH /api/skills/settings': () => ({
    method: 'PATCH',
    url: '/api/skills/settings',
    body: { skillsVisibleTo: 'house' },
  }),
  'GET /api/skills/matches': () => ({ method: 'GET', url: '/api/skills/matches' }),
  'GET /api/skill-sessions': () => ({ method: 'GET', url: '/api/skill-sessions' }),
  'POST /api/skill-sessions': (w) => ({
    method: 'POST',
    url: '/api/skill-sessions',
    body: { listingId: w.peers!.markerCookingListingId },
  }),
  'POST /api/skill-sessions/:id/accept': (w) => ({
    method: 'POST',
    url: `/api/skill-sessions/${w.peers!.sessionToAcceptId}/accept`,
  }),
  'POST /api/skill-sessions/:id/cancel': (w) => ({
    method: 'POST',
    url: `/api/skill-sessions/${w.peers!.sessionToCancelId}/cancel`,
  }),
  'POST /api/skill-sessions/:id/done': (w) => ({
    method: 'POST',
    url: `/api/skill-sessions/${w.peers!.sessionToFinishId}/done`,
  }),
};
