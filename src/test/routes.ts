// Lists every route an app registers, with its policy, through Fastify's public
// "fastify.initialization" diagnostics channel: each new instance gets an onRoute hook first.
import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildTestApp } from './app.ts';

export type RegisteredRoute = { method: string; url: string; policy: string | undefined };

/** Builds a fresh app on this file's database and returns it with every route it registered. */
export async function buildAppWithRouteList(): Promise<{ app: FastifyInstance; routes: RegisteredRoute[] }> {
  const routes: RegisteredRoute[] = [];
  const onInitialization = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const policy = (route.config as { policy?: string } | undefined)?.policy;
      for (const method of methods) routes.push({ method: String(method), url: route.url, policy });
    });
  };
  diagnostics.subscribe('fastify.initialization', onInitialization);
  try {
    const app = await buildTestApp();
    return { app, routes };
  } finally {
    diagnostics.unsubscribe('fastify.initialization', onInitialization);
  }
}

/** "METHOD /url" of each API route, without the HEAD twins Fastify adds for GET routes. */
export function apiRouteKeys(routes: RegisteredRoute[]): string[] {
  return [
    ...new Set(
      routes
        .filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD')
        .map((r) => `${r.method} ${r.url}`),
    ),
  ].sort();
}
