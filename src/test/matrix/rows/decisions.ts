// The access matrix's rows for decisions: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = ['decisions'];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  // Decisions (helper D): commitments, votes and minutes are house A's alone: its residents and peer leaders;
  // counselors, admins, alumni and everyone else find nothing (404). The chair, secretary or peer leader records.
  'GET /api/meetings/:id/commitments':       [401,   200,   200,   404,  404,  404,   404,  404],
  'POST /api/meetings/:id/commitments':      [401,   403,   201,   404,  404,  404,   404,  404],
  'GET /api/me/commitments':                 [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/commitments/:id/done':          [401,   403,   200,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/commitments':     [401,   200,   200,   404,  404,  404,   404,  404],
  'GET /api/meetings/:id/motions':           [401,   200,   200,   404,  404,  404,   404,  404],
  'POST /api/meetings/:id/motions':          [401,   403,   201,   404,  404,  404,   404,  404],
  'POST /api/motions/:id/votes':             [401,   201,   201,   404,  404,  404,   404,  404],
  'POST /api/motions/:id/close':             [401,   403,   200,   404,  404,  404,   404,  404],
  'GET /api/meetings/:id/minutes':           [401,   200,   200,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/minutes':         [401,   200,   200,   404,  404,  404,   404,  404],
};

export const requests: Requests = {
  // Decisions (helper D): house A's meeting in progress (resident and peer leader present), its open motion,
  // the marker's commitment to the resident, and a closed meeting's minutes.
  'GET /api/meetings/:id/commitments': (w) => ({
    method: 'GET',
    url: `/api/meetings/${w.decisions!.decisionsMeetingId}/commitments`,
  }),
  'POST /api/meetings/:id/commitments': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.decisions!.decisionsMeetingId}/commitments`,
    body: { helperId: w.marker.id, helpedId: null, description: 'Game night', supportKind: 'affiliational' },
  }),
  'GET /api/me/commitments': () => ({ method: 'GET', url: '/api/me/commitments' }),
  'POST /api/commitments/:id/done': (w) => ({
    method: 'POST',
    url: `/api/commitments/${w.decisions!.decisionsCommitmentId}/done`,
    body: {},
  }),
  'GET /api/residences/:id/commitments': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/commitments`,
  }),
  'GET /api/meetings/:id/motions': (w) => ({
    method: 'GET',
    url: `/api/meetings/${w.decisions!.decisionsMeetingId}/motions`,
  }),
  'POST /api/meetings/:id/motions': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.decisions!.decisionsMeetingId}/motions`,
    body: { text: 'A house dinner on Sundays' },
  }),
  'POST /api/motions/:id/votes': (w) => ({
    method: 'POST',
    url: `/api/motions/${w.decisions!.decisionsMotionId}/votes`,
    body: { choice: 'for' },
  }),
  'POST /api/motions/:id/close': (w) => ({
    method: 'POST',
    url: `/api/motions/${w.decisions!.decisionsMotionId}/close`,
  }),
  'GET /api/meetings/:id/minutes': (w) => ({
    method: 'GET',
    url: `/api/meetings/${w.decisions!.decisionsClosedMeetingId}/minutes`,
  }),
  'GET /api/residences/:id/minutes': (w) => ({ method: 'GET', url: `/api/residences/${w.houseA}/minutes` }),
};
