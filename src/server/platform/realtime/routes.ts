// GET /api/realtime: the WebSocket. Authenticated by the session cookie like every API route, refused
// before the upgrade when the page asking is another site's (a browser always sends Origin on a WebSocket;
// cookies would otherwise let any site open one as the person), or when it asks for a channel the person
// may not see. One hub per process (hub.ts) holds the sockets.

import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { COMMON_REASONS } from '../../../shared/contracts/errors.ts';
import { MAX_CHANNELS, realtimeApi } from '../../../shared/contracts/realtime.ts';
import { requireActor, SESSION_COOKIE } from '../auth/sessions.ts';
import type { Database } from '../database/connect.ts';
import { forbidden, refuse } from '../errors.ts';
import { errorResponses, reasonsOfRoute } from '../routes.ts';
import type { App } from '../types.ts';
import { authoriseChannel } from './channels.ts';
import { RealtimeHub } from './hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    realtime: RealtimeHub;
  }
}

/** The WebSocket plugin and this process's hub; before the routes, so it sees the realtime route. */
export async function registerRealtime(app: FastifyInstance, database: Database): Promise<void> {
  // Client messages are small (channel lists): anything bigger is not Hearth's client.
  await app.register(websocket, { options: { maxPayload: 8 * 1024 } });
  const hub = new RealtimeHub(database.db, database.pool.options, app.log);
  app.decorate('realtime', hub);
  app.addHook('onClose', async () => {
    await hub.close();
  });
}

/** The origin a browser page must come from: this host, or the configured public address. */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, publicUrl?: string) {
  // No Origin: not a browser, so it cannot be carrying a person's cookie on another site's behalf.
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  try {
    const url = new URL(origin);
    if (url.host === host) return true;
    return publicUrl !== undefined && url.origin === new URL(publicUrl).origin;
  } catch {
    return false;
  }
}

const authorisedChannels = new WeakMap<FastifyRequest, Set<string>>();

/**
 * Registered with `app.route`, not `route()`: a WebSocket needs the plugin's `wsHandler` and refusals
 * before the upgrade (onRequest, preHandler), which the one route helper does not take. Its path,
 * operation, query and refusals still come from its contract.
 */
export function realtimeRoutes(app: App): void {
  const spec = realtimeApi.connect;
  app.route({
    method: spec.method,
    url: spec.path,
    config: {
      policy: 'signedIn',
      reasons: new Set([...Object.keys(COMMON_REASONS), ...reasonsOfRoute(spec, 'signedIn')]),
    },
    schema: {
      operationId: spec.operationId,
      tags: [...spec.tags],
      summary: spec.summary,
      querystring: spec.query,
      security: [{ session: [] }],
      // The refusals before the upgrade, documented as every route's are (a socket has no JSON answer).
      response: errorResponses(reasonsOfRoute(spec, 'signedIn')),
    },
    onRequest: async (request) => {
      const origin = request.headers.origin;
      if (!isAllowedOrigin(origin, request.headers.host, request.server.config.publicUrl)) {
        throw refuse('realtime.cross_site');
      }
    },
    preHandler: async (request) => {
      const actor = requireActor(request);
      const query = request.query as { channels?: string };
      const channels = new Set<string>();
      const names = (query.channels ?? '').split(',').filter((c) => c.trim() !== '');
      if (names.length > MAX_CHANNELS)
        throw refuse('realtime.too_many_channels', { field: 'channels', params: { maximum: MAX_CHANNELS } });
      for (const name of names) {
        const check = await authoriseChannel(request.server.db, actor, name);
        if ('ok' in check) {
          channels.add(check.channel);
        } else if (check.reason === 'unknown_channel') {
          const channel = name.slice(0, 60);
          throw refuse('realtime.unknown_channel', {
            field: 'channels',
            params: { channel },
            message: `"${channel}" is not a channel (organization:<id>, house:<id> or person:<id>)`,
          });
        } else {
          throw forbidden();
        }
      }
      authorisedChannels.set(request, channels);
    },
    handler: async () => {
      throw refuse('realtime.not_a_websocket');
    },
    wsHandler: (socket, request) => {
      const actor = requireActor(request);
      const query = request.query as { after?: number };
      void request.server.realtime.open({
        socket,
        actor,
        token: request.cookies[SESSION_COOKIE] ?? '',
        channels: authorisedChannels.get(request) ?? new Set(),
        ...(query.after !== undefined ? { after: query.after } : {}),
      });
    },
  });
}
