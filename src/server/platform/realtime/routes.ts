// GET /api/realtime: the WebSocket. Authenticated by the session cookie like every API route, refused
// before the upgrade when the page asking is another site's (a browser always sends Origin on a WebSocket;
// cookies would otherwise let any site open one as the person), or when it asks for a channel the person
// may not see. One hub per process (hub.ts) holds the sockets.
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RealtimeQuerySchema } from '../../../shared/contracts/realtime.ts';
import { requireActor, SESSION_COOKIE } from '../auth/sessions.ts';
import type { Database } from '../database/connect.ts';
import { AppError, forbidden, invalid } from '../errors.ts';
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

export function realtimeRoutes(app: App): void {
  app.route({
    method: 'GET',
    url: '/api/realtime',
    config: { policy: 'signedIn' },
    schema: {
      tags: ['realtime'],
      summary: 'The WebSocket of live events for the signed-in person (missed ones with ?after=<seq>)',
      querystring: RealtimeQuerySchema,
    },
    onRequest: async (request) => {
      const origin = request.headers.origin;
      if (!isAllowedOrigin(origin, request.headers.host, request.server.config.publicUrl)) {
        throw new AppError('csrf_rejected', 'This connection came from another site and was refused.');
      }
    },
    preHandler: async (request) => {
      const actor = requireActor(request);
      const query = request.query as { channels?: string };
      const channels = new Set<string>();
      const names = (query.channels ?? '').split(',').filter((c) => c.trim() !== '');
      if (names.length > 20) throw invalid('channels', 'must name at most 20 channels');
      for (const name of names) {
        const check = await authoriseChannel(request.server.db, actor, name);
        if ('ok' in check) {
          channels.add(check.channel);
        } else if (check.reason === 'unknown_channel') {
          throw invalid(
            'channels',
            `"${name.slice(0, 60)}" is not a channel (organization:<id>, house:<id> or person:<id>)`,
          );
        } else {
          throw forbidden();
        }
      }
      authorisedChannels.set(request, channels);
    },
    handler: async () => {
      throw new AppError(
        'bad_request',
        'This address takes a WebSocket connection (a request with "Upgrade: websocket").',
      );
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
