// Serves the built web app; any other non-API GET gets index.html so the client router can take it.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const index = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
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
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  });
}
