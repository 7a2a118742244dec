// The access matrix's rows for outside-meetings: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = ['outside'];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  // Outside meetings and calendars (helper E): anyone signed in browses the directory and logs their own
  // meetings; peer leaders add, admins curate and import; the leader sees house A's weekly counts. The public
  // feed is open to all; a calendar file is open to whoever holds its secret address; a feed is revoked by
  // its owner or an admin (others: 404).
  'GET /api/outside-meetings':               [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/outside-meetings':              [401,   403,   201,   403,  201,  403,   403,  201],
  'PATCH /api/outside-meetings/:id':         [401,   403,   403,   403,  200,  403,   403,  404],
  'DELETE /api/outside-meetings/:id':        [401,   403,   403,   403,  200,  403,   403,  404],
  'POST /api/outside-meetings/import':       [401,   403,   403,   403,  200,  403,   403,  200],
  'PATCH /api/outside-meetings/feed-settings': [401,  403,   403,   403,  200,  403,   403,  200],
  'GET /api/outside-attendance':             [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/outside-attendance':            [401,   201,   201,   201,  201,  201,   201,  201],
  'DELETE /api/outside-attendance/:id':      [401,   404,   404,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/outside-attendance': [401, 403, 200,   403,  200,  403,   403,  404],
  'GET /api/public/:slug/meetings.json':     [200,   200,   200,   200,  200,  200,   200,  200],
};

export const requests: Requests = {
  'GET /api/outside-meetings': () => ({ method: 'GET', url: '/api/outside-meetings?type=O' }),
  'POST /api/outside-meetings': () => ({
    method: 'POST',
    url: '/api/outside-meetings',
    body: {
      name: 'Thursday Step Study',
      days: [4],
      time: '18:30',
      timeZone: 'America/Chicago',
      types: ['ST'],
    },
  }),
  'PATCH /api/outside-meetings/:id': (w) => ({
    method: 'PATCH',
    url: `/api/outside-meetings/${w.outside!.outsideMeetingId}`,
    body: { notes: 'Coffee at 18:45' },
  }),
  'DELETE /api/outside-meetings/:id': (w) => ({
    method: 'DELETE',
    url: `/api/outside-meetings/${w.outside!.outsideMeetingToDeleteId}`,
  }),
  'POST /api/outside-meetings/import': () => ({
    method: 'POST',
    url: '/api/outside-meetings/import',
    body: {
      feed: JSON.stringify([{ name: 'Imported Noon', slug: 'imported-noon', day: 1, time: '12:00' }]),
      timeZone: 'America/Chicago',
    },
  }),
  'PATCH /api/outside-meetings/feed-settings': () => ({
    method: 'PATCH',
    url: '/api/outside-meetings/feed-settings',
    body: { meetingArea: 'Chicago, IL, USA' },
  }),
  'GET /api/outside-attendance': () => ({ method: 'GET', url: '/api/outside-attendance' }),
  'POST /api/outside-attendance': () => ({
    method: 'POST',
    url: '/api/outside-attendance',
    body: { name: 'Noon meeting downtown', attendedOn: new Date().toISOString().slice(0, 10) },
  }),
  // The marker's own entry: nobody else may remove it, or learn that it exists.
  'DELETE /api/outside-attendance/:id': (w) => ({
    method: 'DELETE',
    url: `/api/outside-attendance/${w.outside!.markerAttendanceId}`,
  }),
  'GET /api/residences/:id/outside-attendance': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/outside-attendance`,
  }),
  'GET /api/public/:slug/meetings.json': (w) => ({ method: 'GET', url: w.outside!.feedPath }),
};
