// The access matrix's rows for chat: the status each kind of person gets from each route, and how
// the route is called (always with a valid request, aimed at records of the first organization).
import type { Expected, Requests, WorldPart } from '../world.ts';

/** The parts of the world beyond its people, houses and the marker's records that these rows need. */
export const parts: WorldPart[] = ['chat'];

// biome-ignore format: the table reads best with its columns aligned
export const expected: Expected = {
  //                                          anon resident leader couns admin alumni house  org
  // Chat (helper H5): house A's conversation is its residents' and peer leaders'; everyone else finds nothing
  // (404) and writes nothing. Only the peer leader hides a reported message; the reports list is empty for others.
  'GET /api/chat/conversations':             [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/chat/conversations/:conversationId': [401, 200, 200,   404,  404,  404,   404,  404],
  'GET /api/chat/conversations/:conversationId/messages':  [401, 200, 200, 404, 404, 404, 404, 404],
  'POST /api/chat/conversations/:conversationId/messages': [401, 201, 201, 404, 404, 404, 404, 404],
  'POST /api/chat/conversations/:conversationId/read':     [401, 200, 200, 404, 404, 404, 404, 404],
  // Only someone who joined a thread without their name may show it; in the house conversation it already is (409).
  'PATCH /api/chat/conversations/:conversationId/my-name': [401, 409, 409, 404, 404, 404, 404, 404],
  'POST /api/chat/messages/:messageId/report': [401, 201, 201,   404,  404,  404,   404,  404],
  'POST /api/chat/messages/:messageId/hide': [401,   403,   200,   404,  404,  404,   404,  404],
  'GET /api/chat/reports':                   [401,   200,   200,   200,  200,  200,   200,  200],
};

export const requests: Requests = {
  // Chat (helper H5): house A's conversation and the marker's messages there.
  'GET /api/chat/conversations': () => ({ method: 'GET', url: '/api/chat/conversations' }),
  'GET /api/chat/conversations/:conversationId': (w) => ({
    method: 'GET',
    url: `/api/chat/conversations/${w.chat!.houseConversationId}`,
  }),
  'GET /api/chat/conversations/:conversationId/messages': (w) => ({
    method: 'GET',
    url: `/api/chat/conversations/${w.chat!.houseConversationId}/messages`,
  }),
  'POST /api/chat/conversations/:conversationId/messages': (w) => ({
    method: 'POST',
    url: `/api/chat/conversations/${w.chat!.houseConversationId}/messages`,
    body: { body: 'Anyone up for a walk?' },
  }),
  'POST /api/chat/conversations/:conversationId/read': (w) => ({
    method: 'POST',
    url: `/api/chat/conversations/${w.chat!.houseConversationId}/read`,
    body: { seq: 0 },
  }),
  'PATCH /api/chat/conversations/:conversationId/my-name': (w) => ({
    method: 'PATCH',
    url: `/api/chat/conversations/${w.chat!.houseConversationId}/my-name`,
    body: { shown: true },
  }),
  'POST /api/chat/messages/:messageId/report': (w) => ({
    method: 'POST',
    url: `/api/chat/messages/${w.chat!.toReportMessageId}/report`,
    body: { reason: 'Not kind' },
  }),
  'POST /api/chat/messages/:messageId/hide': (w) => ({
    method: 'POST',
    url: `/api/chat/messages/${w.chat!.toHideMessageId}/hide`,
  }),
  'GET /api/chat/reports': () => ({ method: 'GET', url: '/api/chat/reports' }),
};
