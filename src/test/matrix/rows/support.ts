// The access matrix's rows for support: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = ['support'];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  // Support (helper H3): anyone signed in browses what reaches them (counselors and admins: nothing); peers post.
  // House A's anonymous request is its members' alone (others: 404); only its author accepts or withdraws it,
  // only the person helped marks "this helped"; counts by kind per house: peer leaders and admins.
  'POST /api/support/requests':              [401,   201,   201,   403,  403,  201,   201,  403],
  'GET /api/support/requests':               [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/support/mine':                   [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/support/requests/:id':           [401,   200,   200,   404,  404,  404,   404,  404],
  'POST /api/support/requests/:id/withdraw': [401,   403,   403,   404,  404,  404,   404,  404],
  'POST /api/support/requests/:id/responses': [401,  201,   201,   404,  404,  404,   404,  404],
  'POST /api/support/responses/:id/accept':  [401,   403,   403,   404,  404,  404,   404,  404],
  'POST /api/support/responses/:id/withdraw': [401,  403,   403,   404,  404,  404,   404,  404],
  'POST /api/support/responses/:id/helped':  [401,   403,   403,   404,  404,  404,   404,  404],
  'GET /api/support/ledger/mine':            [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/support/ledger/houses':          [401,   403,   200,   403,  200,  403,   403,  200],
};

export const requests: Requests = {
  // Support (helper H3): the marker's anonymous house request, a second one, and a housemate's offer.
  'POST /api/support/requests': () => ({
    method: 'POST',
    url: '/api/support/requests',
    body: { supportKind: 'emotional', body: 'Someone to talk to tonight', audience: 'organization' },
  }),
  'GET /api/support/requests': () => ({ method: 'GET', url: '/api/support/requests' }),
  'GET /api/support/mine': () => ({ method: 'GET', url: '/api/support/mine' }),
  'GET /api/support/requests/:id': (w) => ({
    method: 'GET',
    url: `/api/support/requests/${w.support!.supportRequestId}`,
  }),
  'POST /api/support/requests/:id/withdraw': (w) => ({
    method: 'POST',
    url: `/api/support/requests/${w.support!.supportWithdrawId}/withdraw`,
  }),
  'POST /api/support/requests/:id/responses': (w) => ({
    method: 'POST',
    url: `/api/support/requests/${w.support!.supportRequestId}/responses`,
    body: { note: 'I can help' },
  }),
  'POST /api/support/responses/:id/accept': (w) => ({
    method: 'POST',
    url: `/api/support/responses/${w.support!.supportResponseId}/accept`,
  }),
  'POST /api/support/responses/:id/withdraw': (w) => ({
    method: 'POST',
    url: `/api/support/responses/${w.support!.supportResponseId}/withdraw`,
  }),
  'POST /api/support/responses/:id/helped': (w) => ({
    method: 'POST',
    url: `/api/support/responses/${w.support!.supportResponseId}/helped`,
    body: {},
  }),
  'GET /api/support/ledger/mine': () => ({ method: 'GET', url: '/api/support/ledger/mine' }),
  'GET /api/support/ledger/houses': () => ({ method: 'GET', url: '/api/support/ledger/houses?weeks=4' }),
};
