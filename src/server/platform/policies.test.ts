// Deny by default: every API route names a policy, and the app refuses a route that doesn't.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call } from '../../test/app.ts';
import { apiRouteKeys, buildAppWithRouteList, type RegisteredRoute } from '../../test/routes.ts';
import { ROUTE_POLICIES } from './policies.ts';

let app: FastifyInstance;
let routes: RegisteredRoute[];

beforeAll(async () => {
  ({ app, routes } = await buildAppWithRouteList());
});
afterAll(async () => {
  await app.close();
});

describe('route policies', () => {
  it('should find the routes of the app', () => {
    expect(apiRouteKeys(routes)).toEqual(
      expect.arrayContaining(['GET /api/health', 'POST /api/residences', 'GET /api/audit']),
    );
    expect(apiRouteKeys(routes).length).toBeGreaterThanOrEqual(30);
  });

  it('should have every API route name a known policy', () => {
    const api = routes.filter((r) => r.url.startsWith('/api'));
    const missing = api
      .filter((r) => !r.policy || !(r.policy in ROUTE_POLICIES))
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('should serve nothing outside /api when the web app is not served', () => {
    expect(routes.filter((r) => !r.url.startsWith('/api'))).toEqual([]);
  });

  it('should refuse to register an API route that names no policy', async () => {
    const fresh = await buildTestApp();
    try {
      expect(() => fresh.get('/api/test/unguarded', async () => ({ secret: true }))).toThrow(
        'Route GET /api/test/unguarded names no policy: every API route must name one.',
      );
    } finally {
      await fresh.close();
    }
  });

  it('should refuse to register an API route whose policy does not exist', async () => {
    const fresh = await buildTestApp();
    try {
      expect(() =>
        fresh.get('/api/test/made-up', { config: { policy: 'everyone' as never } }, async () => ({
          secret: true,
        })),
      ).toThrow(/names no policy/);
    } finally {
      await fresh.close();
    }
  });

  it('should answer 401 on a signed-in route before its handler runs', async () => {
    const fresh = await buildTestApp();
    let ran = false;
    fresh.post('/api/test/guarded', { config: { policy: 'signedIn' } }, async () => {
      ran = true;
      return { ok: true };
    });
    try {
      const result = await call('POST', '/api/test/guarded', { app: fresh, body: {} });
      expect(result.status).toBe(401);
      expect(ran).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
