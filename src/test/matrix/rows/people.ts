// The access matrix's rows for people: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/people':                         [401,   403,   403,   403,  200,  403,   403,  200],
  'GET /api/people/:id':                     [401,   403,   403,   403,  200,  403,   403,  404],
  'POST /api/people/:id/memberships':        [401,   403,   403,   403,  201,  403,   403,  404],
  'POST /api/memberships/:id/end':           [401,   403,   403,   403,  200,  403,   403,  404],
  'POST /api/people/:id/reset-code':         [401,   403,   201,   403,  201,  403,   403,  404],
  'POST /api/counselor-assignments':         [401,   403,   403,   403,  201,  403,   403,  400],
  // Counselor assignments (helper B): the admin's; another organization's admin lists none and ends nothing.
  'GET /api/counselor-assignments':          [401,   403,   403,   403,  200,  403,   403,  200],
  'POST /api/counselor-assignments/:id/end': [401,   403,   403,   403,  200,  403,   403,  404],
};

export const requests: Requests = {
  'GET /api/people': () => ({ method: 'GET', url: '/api/people' }),
  'GET /api/people/:id': (w) => ({ method: 'GET', url: `/api/people/${w.marker.id}` }),
  'POST /api/people/:id/memberships': (w) => ({
    method: 'POST',
    url: `/api/people/${w.spare.id}/memberships`,
    body: { role: 'counselor' },
  }),
  'POST /api/memberships/:id/end': (w) => ({
    method: 'POST',
    url: `/api/memberships/${w.spareCounselorMembershipId}/end`,
    body: {},
  }),
  'POST /api/people/:id/reset-code': (w) => ({
    method: 'POST',
    url: `/api/people/${w.marker.id}/reset-code`,
  }),
  'POST /api/counselor-assignments': (w) => ({
    method: 'POST',
    url: '/api/counselor-assignments',
    body: { counselorId: w.people.counselor.id, residentId: w.marker.id },
  }),
  'GET /api/counselor-assignments': () => ({ method: 'GET', url: '/api/counselor-assignments' }),
  'POST /api/counselor-assignments/:id/end': (w) => ({
    method: 'POST',
    url: `/api/counselor-assignments/${w.counselorAssignmentId}/end`,
  }),
};
