import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, call, sessionCookieFrom, testDb } from '../../../test/app.ts';
import { setUpOrganization, TEST_PASSWORD } from '../../../test/factories.ts';
import { sessions } from '../../platform/database/schema.ts';

describe('the session cache of one app instance', () => {
  let app: FastifyInstance;
  let login: string;

  beforeAll(async () => {
    app = await buildTestApp({ SESSION_CACHE_MS: '60000' });
    await app.ready();
    const admin = await setUpOrganization();
    login = admin.username;
  });
  afterAll(async () => {
    await app.close();
  });

  async function freshSession() {
    const signedIn = await call('POST', '/api/auth/sign-in', {
      app,
      body: { login, password: TEST_PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    return sessionCookieFrom(signedIn);
  }

  it('should end a session at once when it is signed out on this instance', async () => {
    const cookie = await freshSession();
    expect((await call('GET', '/api/me', { app, as: cookie })).status).toBe(200);
    expect((await call('POST', '/api/auth/sign-out', { app, as: cookie })).status).toBe(200);
    const after = await call('GET', '/api/me', { app, as: cookie });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('session_expired');
  });

  it('should keep answering from memory within its time-to-live when another instance revokes the session', async () => {
    const cookie = await freshSession();
    expect((await call('GET', '/api/me', { app, as: cookie })).status).toBe(200);
    // Another instance revoking it writes only to the database.
    await testDb().update(sessions).set({ revokedAt: new Date() });
    expect((await call('GET', '/api/me', { app, as: cookie })).status).toBe(200);
    // The same cookie on an instance with no cache sees the revocation.
    const uncached = await buildTestApp();
    try {
      expect((await call('GET', '/api/me', { app: uncached, as: cookie })).status).toBe(401);
    } finally {
      await uncached.close();
    }
  });
});
