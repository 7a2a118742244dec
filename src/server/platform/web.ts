// Serves the built web app; any other non-API GET gets index.html so the client router can take it.
// Each text file is sent as the brotli or gzip copy the build made beside it (vite.config.ts) when the
// browser accepts one. Hashed files under /assets/ never change, so a phone keeps them for a year and
// never asks again; everything else (index.html, the service worker, the manifest) is checked each time.
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const assetsDir = path.join(webDir, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    // Our own Cache-Control below, not the plugin's max-age=0.
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) => {
      reply.header('cache-control', file.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE);
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/') || url === '/api' || request.method !== 'GET' || path.extname(url) !== '') {
      reply.status(404).send({
        error: {
          code: 'not_found',
          reason: 'request.not_found',
          message: `No such route: ${request.method} ${url}`,
        },
      });
      return;
    }
    return reply.sendFile('index.html');
  });
}
