// The public Meeting Guide feed's route: open to apps on any site, cached by them, sent as rendered
// (gzipped when the app accepts it) rather than through an answer schema.
import { outsideMeetingsApi } from '../../../shared/contracts/outside-meetings.ts';
import { notFound } from '../../platform/errors.ts';
import { route } from '../../platform/routes.ts';
import type { App } from '../../platform/types.ts';
import { publicFeed } from './feed.ts';

export function publicFeedRoute(app: App): void {
  // Its own scope, so this hook runs after the shared security headers: apps on any site may read it.
  void app.register(async (scope) => {
    const feedScope = scope as unknown as App;
    feedScope.addHook('onSend', async (_request, reply, payload) => {
      reply.header('cross-origin-resource-policy', 'cross-origin');
      return payload;
    });
    route(feedScope, outsideMeetingsApi.publicFeed, {
      policy: 'public',
      handler: async ({ db, params, request, reply }) => {
        reply.header('access-control-allow-origin', '*');
        reply.header('access-control-allow-methods', 'GET');
        const feed = await publicFeed(db, params.slug);
        if (!feed) throw notFound('organization');
        reply.header('cache-control', 'public, max-age=300');
        reply.header('etag', feed.etag);
        if (feed.lastModified.getTime() > 0) reply.header('last-modified', feed.lastModified.toUTCString());
        reply.header('vary', 'accept-encoding');
        if (request.headers['if-none-match'] === feed.etag) return reply.status(304).send();
        reply.type('application/json; charset=utf-8');
        if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
          return reply.header('content-encoding', 'gzip').send(feed.gzipped);
        }
        return reply.send(feed.body);
      },
    });
  });
}
