// Serves the built web app; any other non-API GET gets index.html so the client router can take it.
// Each text file is sent as the brotli or gzip copy the build made beside it (vite.config.ts) when the
// browser accepts one. Hashed files under /assets/ never change, so a phone keeps them for a year and
// never asks again; everything else (index.html, the service worker, the manifest) is checked each time.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './auth/sessions.ts';
import { type FirstScreenPage, firstScreenPages, languageOfRequest, problemOfQuery } from './first-screen.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The compressed copy the browser takes, best first (the same choice the static files get). */
function sendPage(request: FastifyRequest, reply: FastifyReply, page: FirstScreenPage): FastifyReply {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', REVALIDATE)
    // The page differs by language and by being signed in: no cache may give one person's to another.
    .header('vary', 'accept-encoding, accept-language, cookie');
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(page.br);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}

export async function registerWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const indexFile = path.join(webDir, 'index.html');
  const signInPage = firstScreenPages(fs.existsSync(indexFile) ? fs.readFileSync(indexFile, 'utf8') : '');
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
    // Not signed in on this phone: the sign-in form comes in the page itself, usable before the app's code.
    if (url === '/sign-in' && !request.cookies[SESSION_COOKIE]) {
      const page = signInPage(
        languageOfRequest(request.headers['accept-language']),
        problemOfQuery(request.query),
      );
      if (page) return sendPage(request, reply, page);
    }
    return reply.sendFile('index.html');
  });
}
