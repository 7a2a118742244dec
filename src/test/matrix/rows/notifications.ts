// The access matrix's rows for notifications: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import { MATRIX_PUSH_KEYS } from '../notifications.ts';
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = ['meetings', 'notifications'];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/notifications':                  [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/notifications/:id/read':        [401,   404,   404,   404,  404,  404,   404,  404],
  // Notifications and push (issue 5, H2): everyone signed in has their own list, settings and devices;
  // nobody reaches another's (the marker's device: 404). The test push runs before anyone subscribes
  // here, so it never posts to the example endpoint.
  'POST /api/notifications/read-all':        [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/notifications/settings':         [401,   200,   200,   200,  200,  200,   200,  200],
  'PATCH /api/notifications/settings':       [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/push/key':                       [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/push/subscriptions':             [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/push/test':                     [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/push/subscriptions':            [401,   201,   201,   201,  201,  201,   201,  201],
  'DELETE /api/push/subscriptions/:id':      [401,   404,   404,   404,  404,  404,   404,  404],
};

export const requests: Requests = {
  'GET /api/notifications': () => ({ method: 'GET', url: '/api/notifications' }),
  // The marker's own reminder: nobody else may mark it read, or learn that it exists.
  'POST /api/notifications/:id/read': (w) => ({
    method: 'POST',
    url: `/api/notifications/${w.meetings!.markerNotificationId}/read`,
  }),
  'POST /api/notifications/read-all': () => ({ method: 'POST', url: '/api/notifications/read-all' }),
  'GET /api/notifications/settings': () => ({ method: 'GET', url: '/api/notifications/settings' }),
  'PATCH /api/notifications/settings': () => ({
    method: 'PATCH',
    url: '/api/notifications/settings',
    body: { mutedTopics: ['chat'], quietFrom: '22:00', quietUntil: '07:00' },
  }),
  'GET /api/push/key': () => ({ method: 'GET', url: '/api/push/key' }),
  'GET /api/push/subscriptions': () => ({ method: 'GET', url: '/api/push/subscriptions' }),
  'POST /api/push/test': () => ({ method: 'POST', url: '/api/push/test' }),
  'POST /api/push/subscriptions': () => ({
    method: 'POST',
    url: '/api/push/subscriptions',
    body: { endpoint: 'https://push.example.org/matrix-device', keys: MATRIX_PUSH_KEYS },
  }),
  'DELETE /api/push/subscriptions/:id': (w) => ({
    method: 'DELETE',
    url: `/api/push/subscriptions/${w.notifications!.markerDeviceId}`,
  }),
};
