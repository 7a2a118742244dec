// The access matrix's rows for signals: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/residences/:id/signals':         [401,   403,   200,   403,  200,  403,   403,  404],
  // The peer leader acknowledges first; the admin then finds it already acknowledged (history kept).
  'POST /api/signals/:id/acknowledge':       [401,   403,   200,   403,  409,  403,   403,  404],
  // The peer leader takes it back at once; the admin's undo finds it open again and leaves it so.
  'POST /api/signals/acknowledgements/undo': [401,   403,   200,   403,  200,  403,   403,  404],
  // The peer leader notes the marker's open signals; the admin then finds nothing open.
  'POST /api/residences/:id/signals/people/:personId/acknowledge':
                                             [401,   403,   200,   403,  409,  403,   403,  404],
  'GET /api/signals/today':                  [401,   403,   200,   403,  200,  403,   403,  200],
  'POST /api/residences/:id/signals/seen':   [401,   403,   200,   403,  200,  403,   403,  404],
  'GET /api/organization/settings':          [401,   403,   403,   403,  200,  403,   403,  200],
  'PATCH /api/organization/settings':        [401,   403,   403,   403,  200,  403,   403,  200],
};

export const requests: Requests = {
  'GET /api/residences/:id/signals': (w) => ({ method: 'GET', url: `/api/residences/${w.houseA}/signals` }),
  'POST /api/signals/:id/acknowledge': (w) => ({
    method: 'POST',
    url: `/api/signals/${w.markerSignalId}/acknowledge`,
    body: { note: 'Talked after dinner' },
  }),
  'POST /api/signals/acknowledgements/undo': (w) => ({
    method: 'POST',
    url: '/api/signals/acknowledgements/undo',
    body: { ids: [w.markerSignalId] },
  }),
  'POST /api/residences/:id/signals/people/:personId/acknowledge': (w) => ({
    method: 'POST',
    url: `/api/residences/${w.houseA}/signals/people/${w.marker.id}/acknowledge`,
    body: {},
  }),
  'GET /api/signals/today': () => ({ method: 'GET', url: '/api/signals/today' }),
  'POST /api/residences/:id/signals/seen': (w) => ({
    method: 'POST',
    url: `/api/residences/${w.houseA}/signals/seen`,
    body: { upTo: new Date().toISOString() },
  }),
  'GET /api/organization/settings': () => ({ method: 'GET', url: '/api/organization/settings' }),
  'PATCH /api/organization/settings': () => ({
    method: 'PATCH',
    url: '/api/organization/settings',
    body: { cravingThreshold: 8 },
  }),
};
