import { describe, expect, it } from 'vitest';
import { call, sessionCookieFrom, testDb } from '../../../test/app.ts';
import { TEST_PASSWORD } from '../../../test/factories.ts';
import { issueSetupToken } from './service.ts';

const setupBody = (token: string, username = 'first-admin') => ({
  token,
  organizationName: 'Riverbend Recovery Homes',
  admin: { firstName: 'Morgan', lastName: 'Reed', username, password: TEST_PASSWORD },
});

// One installation is set up once, so these cases run in order on this file's database.
describe('first-run setup', () => {
  it('should say setup is needed before anything exists', async () => {
    const result = await call('GET', '/api/setup');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ needed: true });
  });

  it('should fail with 403 setup.link_invalid when the setup token is wrong', async () => {
    await issueSetupToken(testDb());
    const result = await call('POST', '/api/setup', { body: setupBody('not-the-printed-token') });
    expect(result.status).toBe(403);
    expect(result.body.error).toMatchObject({ code: 'forbidden', reason: 'setup.link_invalid' });
    expect(result.body.error.fields).toEqual([
      {
        field: 'token',
        reason: 'setup.link_invalid',
        message: 'That setup link is not valid. Use the newest link Hearth printed when it started.',
      },
    ]);
    expect((await call('GET', '/api/setup')).body).toEqual({ needed: true });
  });

  it('should fail with 403 when an older token is used after a restart printed a new one', async () => {
    const older = await issueSetupToken(testDb());
    await issueSetupToken(testDb());
    const result = await call('POST', '/api/setup', { body: setupBody(older!) });
    expect(result.status).toBe(403);
    expect(result.body.error.reason).toBe('setup.link_invalid');
  });

  it('should fail with 400 naming the field when the admin password is too short', async () => {
    const token = await issueSetupToken(testDb());
    const body = setupBody(token!);
    body.admin.password = 'short';
    const result = await call('POST', '/api/setup', { body });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('validation_failed');
    expect(result.body.error.fields).toEqual([
      {
        field: 'admin.password',
        reason: 'field.too_short',
        message: 'must be at least 10 characters',
        params: { minimum: 10 },
      },
    ]);
    expect((await call('GET', '/api/setup')).body).toEqual({ needed: true });
  });

  let token = '';
  it('should create the organization and its admin with the printed token, and sign the admin in', async () => {
    token = (await issueSetupToken(testDb()))!;
    const result = await call('POST', '/api/setup', { body: setupBody(token) });
    expect(result.status).toBe(201);
    expect(result.body).toEqual({ ok: true });
    const cookie = result.cookies.find((c) => c.name === 'hearth_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await call('GET', '/api/me', { as: sessionCookieFrom(result) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: 'first-admin',
      roles: ['org_admin'],
      organization: { name: 'Riverbend Recovery Homes', slug: 'riverbend-recovery-homes' },
    });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('should say setup is no longer needed, and print no new token', async () => {
    expect((await call('GET', '/api/setup')).body).toEqual({ needed: false });
    expect(await issueSetupToken(testDb())).toBeNull();
  });

  it('should fail with 410 setup.not_available when the same token is used a second time', async () => {
    const result = await call('POST', '/api/setup', { body: setupBody(token, 'second-admin') });
    expect(result.status).toBe(410);
    expect(result.body.error).toEqual({
      code: 'setup_not_available',
      reason: 'setup.not_available',
      message: 'Hearth is already set up. Please sign in.',
    });
  });

  it('should fail with 410 for any second setup, and create nobody', async () => {
    const result = await call('POST', '/api/setup', {
      body: setupBody('some-other-token-value', 'third-admin'),
    });
    expect(result.status).toBe(410);
    expect(result.body.error.reason).toBe('setup.not_available');
    const signIn = await call('POST', '/api/auth/sign-in', {
      body: { login: 'third-admin', password: TEST_PASSWORD },
    });
    expect(signIn.status).toBe(401);
  });
});
