// The access matrix's rows for meetings: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = ['meetings'];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  // House meetings (helper C): only house A's residents and peer leaders see its meetings and their words;
  // the org admin manages the schedule and sees when meetings are (never agenda or minutes text);
  // counselors, alumni, another house and another organization find nothing. Any member may call an
  // emergency meeting; the chair, secretary or peer leader runs one.
  'GET /api/residences/:id/meetings':        [401,   200,   200,   404,  200,  404,   404,  404],
  'POST /api/residences/:id/meetings':       [401,   201,   201,   404,  201,  404,   404,  404],
  'POST /api/residences/:id/meeting-series': [401,   403,   201,   403,  201,  403,   403,  404],
  'PATCH /api/meeting-series/:id':           [401,   403,   200,   403,  200,  403,   403,  404],
  'DELETE /api/meeting-series/:id':          [401,   403,   200,   403,  200,  403,   403,  404],
  'GET /api/meetings/:id':                   [401,   200,   200,   404,  200,  404,   404,  404],
  'PATCH /api/meetings/:id':                 [401,   403,   200,   404,  403,  404,   404,  404],
  // The peer leader cancels first; the admin then finds it already cancelled.
  'POST /api/meetings/:id/cancel':           [401,   403,   200,   404,  409,  404,   404,  404],
  'POST /api/meetings/:id/start':            [401,   403,   200,   404,  403,  404,   404,  404],
  'POST /api/meetings/:id/close':            [401,   403,   200,   404,  403,  404,   404,  404],
  'POST /api/meetings/:id/attendance':       [401,   200,   200,   404,  403,  404,   404,  404],
  'POST /api/meetings/:id/agenda':           [401,   201,   201,   404,  403,  404,   404,  404],
  'POST /api/meetings/:id/agenda/order':     [401,   403,   200,   404,  403,  404,   404,  404],
  'PATCH /api/agenda-items/:id':             [401,   403,   200,   404,  403,  404,   404,  404],
  // The peer leader takes the marker's item off; after that it is gone for everyone.
  'DELETE /api/agenda-items/:id':            [401,   403,   200,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/meeting-settings':   [401, 403, 200,   403,  200,  403,   403,  404],
  'PATCH /api/residences/:id/meeting-settings': [401, 403, 200,   403,  200,  403,   403,  404],
};

export const requests: Requests = {
  // House meetings (helper C): house A's schedule, built by buildMeetingsWorld.
  'GET /api/residences/:id/meetings': (w) => ({ method: 'GET', url: `/api/residences/${w.houseA}/meetings` }),
  'POST /api/residences/:id/meetings': (w) => ({
    method: 'POST',
    url: `/api/residences/${w.houseA}/meetings`,
    body: { kind: 'emergency', title: 'Talk tonight', date: '2030-01-06', time: '21:00' },
  }),
  'POST /api/residences/:id/meeting-series': (w) => ({
    method: 'POST',
    url: `/api/residences/${w.houseA}/meeting-series`,
    body: { rrule: 'FREQ=WEEKLY;BYDAY=WE', startsOn: '2030-01-01', startTime: '18:00' },
  }),
  'PATCH /api/meeting-series/:id': (w) => ({
    method: 'PATCH',
    url: `/api/meeting-series/${w.meetings!.seriesId}`,
    body: { location: 'Kitchen' },
  }),
  'DELETE /api/meeting-series/:id': (w) => ({
    method: 'DELETE',
    url: `/api/meeting-series/${w.meetings!.spareSeriesId}`,
  }),
  'GET /api/meetings/:id': (w) => ({ method: 'GET', url: `/api/meetings/${w.meetings!.meetingId}` }),
  'PATCH /api/meetings/:id': (w) => ({
    method: 'PATCH',
    url: `/api/meetings/${w.meetings!.meetingId}`,
    body: { chairId: w.marker.id, secretaryId: w.people.peerLeader.id },
  }),
  'POST /api/meetings/:id/cancel': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.cancelMeetingId}/cancel`,
  }),
  'POST /api/meetings/:id/start': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.runMeetingId}/start`,
  }),
  'POST /api/meetings/:id/close': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.runMeetingId}/close`,
  }),
  'POST /api/meetings/:id/attendance': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.runningMeetingId}/attendance`,
    body: { personId: w.people.resident.id, status: 'present' },
  }),
  'POST /api/meetings/:id/agenda': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.meetingId}/agenda`,
    body: { title: 'The kitchen on weekends', anonymous: true },
  }),
  'POST /api/meetings/:id/agenda/order': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.emergencyMeetingId}/agenda/order`,
    body: { itemIds: [w.meetings!.orderItemId] },
  }),
  'PATCH /api/agenda-items/:id': (w) => ({
    method: 'PATCH',
    url: `/api/agenda-items/${w.meetings!.minutesItemId}`,
    body: { minutes: 'Quiet from ten; agreed.' },
  }),
  'DELETE /api/agenda-items/:id': (w) => ({
    method: 'DELETE',
    url: `/api/agenda-items/${w.meetings!.removableItemId}`,
  }),
  'GET /api/residences/:id/meeting-settings': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/meeting-settings`,
  }),
  'PATCH /api/residences/:id/meeting-settings': (w) => ({
    method: 'PATCH',
    url: `/api/residences/${w.houseA}/meeting-settings`,
    body: { quorum: 3 },
  }),
};
