// The access matrix's rows for journey: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = [];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  // Recovery time is the person's own; others see a milestone only when its clock's audience includes them
  // (the marker's clock: 'house'), and another person's clock is not found.
  'GET /api/journey':                        [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/journey/clocks':                [401,   201,   201,   201,  201,  201,   201,  201],
  'PATCH /api/journey/clocks/:id':           [401,   404,   404,   404,  404,  404,   404,  404],
  'POST /api/journey/clocks/:id/reset':      [401,   404,   404,   404,  404,  404,   404,  404],
  // Journey (helper B): putting a clock away and bringing it back are the owner's alone; others get a 404.
  'POST /api/journey/clocks/:id/archive':    [401,   404,   404,   404,  404,  404,   404,  404],
  'POST /api/journey/clocks/:id/restore':    [401,   404,   404,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/celebrations':    [401,   200,   200,   403,  200,  403,   403,  404],
  'POST /api/milestones/:id/congratulations':[401,   201,   201,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/upcoming-milestones': [401, 403, 200,   403,  200,  403,   403,  404],
};

export const requests: Requests = {
  'GET /api/journey': () => ({ method: 'GET', url: '/api/journey' }),
  'POST /api/journey/clocks': () => ({
    method: 'POST',
    url: '/api/journey/clocks',
    body: { label: 'alcohol', startsOn: '2025-01-01' },
  }),
  'PATCH /api/journey/clocks/:id': (w) => ({
    method: 'PATCH',
    url: `/api/journey/clocks/${w.markerClockId}`,
    body: { visibleTo: 'organization' },
  }),
  'POST /api/journey/clocks/:id/reset': (w) => ({
    method: 'POST',
    url: `/api/journey/clocks/${w.markerClockId}/reset`,
    body: { startsOn: '2025-06-01' },
  }),
  // Journey (helper B): the marker's own clock.
  'POST /api/journey/clocks/:id/archive': (w) => ({
    method: 'POST',
    url: `/api/journey/clocks/${w.markerClockId}/archive`,
  }),
  'POST /api/journey/clocks/:id/restore': (w) => ({
    method: 'POST',
    url: `/api/journey/clocks/${w.markerClockId}/restore`,
  }),
  'GET /api/residences/:id/celebrations': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/celebrations`,
  }),
  'POST /api/milestones/:id/congratulations': (w) => ({
    method: 'POST',
    url: `/api/milestones/${w.markerMilestoneId}/congratulations`,
  }),
  'GET /api/residences/:id/upcoming-milestones': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/upcoming-milestones`,
  }),
};
