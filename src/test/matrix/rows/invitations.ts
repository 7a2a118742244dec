// The access matrix's rows for invitations: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import { accountInput } from '../../factories.ts';
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/invitations':                    [401,   403,   403,   403,  200,  403,   403,  200],
  'POST /api/invitations':                   [401,   403,   403,   403,  201,  403,   403,  201],
  'DELETE /api/invitations/:id':             [401,   403,   403,   403,  200,  403,   403,  404],
  'GET /api/invitations/code/:code':         [200,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/invitations/code/:code/accept': [410,   410,   410,   410,  410,  410,   410,  410],
};

export const requests: Requests = {
  'GET /api/invitations': () => ({ method: 'GET', url: '/api/invitations' }),
  'POST /api/invitations': () => ({ method: 'POST', url: '/api/invitations', body: { role: 'counselor' } }),
  'DELETE /api/invitations/:id': (w) => ({
    method: 'DELETE',
    url: `/api/invitations/${w.pendingInvitationId}`,
  }),
  'GET /api/invitations/code/:code': (w) => ({
    method: 'GET',
    url: `/api/invitations/code/${w.previewCode}`,
  }),
  'POST /api/invitations/code/:code/accept': (w) => ({
    method: 'POST',
    url: `/api/invitations/code/${w.usedCode}/accept`,
    body: accountInput(),
  }),
};
