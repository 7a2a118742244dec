// The access matrix's rows for calendars: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = ['outside'];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/calendar-feeds':                 [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/calendar-feeds':                [401,   201,   201,   201,  201,  201,   201,  201],
  'DELETE /api/calendar-feeds/:id':          [401,   404,   404,   404,  200,  404,   404,  404],
  'GET /api/calendar/:file':                 [200,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/public/:slug/meetings.ics':      [200,   200,   200,   200,  200,  200,   200,  200],
};

export const requests: Requests = {
  'GET /api/calendar-feeds': () => ({ method: 'GET', url: '/api/calendar-feeds' }),
  'POST /api/calendar-feeds': () => ({
    method: 'POST',
    url: '/api/calendar-feeds',
    body: { scope: 'person' },
  }),
  'DELETE /api/calendar-feeds/:id': (w) => ({
    method: 'DELETE',
    url: `/api/calendar-feeds/${w.outside!.markerCalendarFeedId}`,
  }),
  'GET /api/calendar/:file': (w) => ({ method: 'GET', url: w.outside!.markerCalendarPath }),
  'GET /api/public/:slug/meetings.ics': (w) => ({
    method: 'GET',
    url: w.outside!.feedPath.replace(/\.json$/, '.ics'),
  }),
};
