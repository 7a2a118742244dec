import { beforeAll, describe, expect, it } from 'vitest';
import { authReasons } from '../../../shared/contracts/auth.ts';
import { call, sessionCookieFrom, testApp } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import {
  buildPerson,
  buildResidence,
  setUpOrganization,
  signIn,
  TEST_PASSWORD,
  type TestPerson,
} from '../../../test/factories.ts';

const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';

let admin: TestPerson;
let resident: TestPerson;
let residenceId: string;

beforeAll(async () => {
  admin = await setUpOrganization();
  residenceId = (await buildResidence(admin, { bedCapacity: 40 })).id;
  resident = await buildPerson(admin, { role: 'resident', residenceId, email: 'Dana.Resident@example.org' });
});

describe('POST /api/auth/sign-in', () => {
  it('should sign in by username and set an httpOnly, SameSite=Lax session cookie', async () => {
    const result = await call('POST', '/api/auth/sign-in', {
      body: { login: resident.username, password: TEST_PASSWORD },
    });
    expect(result.status).toBe(200);
    const cookie = result.cookies.find((c) => c.name === 'hearth_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 14 * 24 * 60 * 60 });
    expect(cookie).not.toHaveProperty('secure');
    const me = await call('GET', '/api/me', { as: sessionCookieFrom(result) });
    expect(me.body.id).toBe(resident.id);
    // The answer is who signed in, exactly as GET /api/me tells it, so the next screen asks for nothing more.
    expect(result.body).toEqual(me.body);
  });

  it('should sign in by email, whatever its case', async () => {
    const result = await call('POST', '/api/auth/sign-in', {
      body: { login: 'dana.RESIDENT@example.org', password: TEST_PASSWORD },
    });
    expect(result.status).toBe(200);
    expect((await call('GET', '/api/me', { as: sessionCookieFrom(result) })).body.id).toBe(resident.id);
  });

  it('should sign in by username typed in capitals with spaces around it', async () => {
    const result = await call('POST', '/api/auth/sign-in', {
      body: { login: `  ${resident.username.toUpperCase()} `, password: TEST_PASSWORD },
    });
    expect(result.status).toBe(200);
  });

  it('should give a new session token at every sign-in', async () => {
    const first = await signIn(resident.username);
    const second = await signIn(resident.username);
    expect(first).not.toBe(second);
  });

  it('should fail with 401 auth.sign_in_failed when the password is wrong', async () => {
    const result = await call('POST', '/api/auth/sign-in', {
      body: { login: resident.username, password: 'not-the-password' },
    });
    expect(result.status).toBe(401);
    expect(result.body).toEqual({
      error: {
        code: 'sign_in_failed',
        reason: 'auth.sign_in_failed',
        message: authReasons['auth.sign_in_failed'].message,
      },
    });
    expect(result.cookies).toHaveLength(0);
  });

  it('should fail with 401 and the very same message when the account does not exist', async () => {
    const wrongPassword = await call('POST', '/api/auth/sign-in', {
      body: { login: admin.username, password: 'not-the-password' },
    });
    const unknown = await call('POST', '/api/auth/sign-in', {
      body: { login: 'nobody-by-this-name', password: 'not-the-password' },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.text).toBe(wrongPassword.text);
  });

  it('should fail with 400 naming the field when the password is missing', async () => {
    const result = await call('POST', '/api/auth/sign-in', { body: { login: resident.username } });
    expect(result.status).toBe(400);
    expect(result.body.error.code).toBe('validation_failed');
    expect(result.body.error.fields).toEqual([
      { field: 'password', reason: 'field.required', message: expect.any(String) },
    ]);
  });

  it('should fail with 400 when the body has unknown fields', async () => {
    const result = await call('POST', '/api/auth/sign-in', {
      body: { login: resident.username, password: TEST_PASSWORD, remember: true },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'remember', reason: 'field.unknown', message: 'is not a known field' },
    ]);
  });

  it('should record a failed sign-in to a real account in the audit log', async () => {
    const log = await call('GET', '/api/audit?limit=200', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({
        action: 'auth.sign_in',
        subjectId: resident.id,
        outcome: 'failed',
        actorId: null,
      }),
    );
  });
});

describe('sessions', () => {
  it('should fail with 401 not_signed_in without a session', async () => {
    const result = await call('GET', '/api/me');
    expect(result.status).toBe(401);
    expect(result.body.error).toEqual({
      code: 'not_signed_in',
      reason: 'request.not_signed_in',
      message: 'Please sign in first.',
    });
  });

  it('should fail with 401 not_signed_in for a made-up session token', async () => {
    const result = await call('GET', '/api/me', { as: 'hearth_session=made-up-token' });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('not_signed_in');
  });

  it('should list my signed-in devices, marking this one', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const phone = sessionCookieFrom(
      await call('POST', '/api/auth/sign-in', {
        body: { login: person.username, password: TEST_PASSWORD },
        headers: { 'user-agent': ANDROID_CHROME },
      }),
    );
    const result = await call('GET', '/api/me/sessions', { as: phone });
    expect(result.status).toBe(200);
    expect(result.body.sessions).toHaveLength(2);
    const current = result.body.sessions.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0].device).toBe('Chrome on Android');
    expect(JSON.stringify(result.body)).not.toMatch(/token/i);
  });

  it('should revoke another of my sessions, which then gets session_expired', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const laptop = await signIn(person.username);
    const list = await call('GET', '/api/me/sessions', { as: laptop });
    const other = list.body.sessions.find((s: { current: boolean }) => !s.current);
    const revoked = await call('DELETE', `/api/me/sessions/${other.id}`, { as: laptop });
    expect(revoked.status).toBe(200);
    expect(revoked.cookies).toHaveLength(0);
    const stale = await call('GET', '/api/me', { as: person.cookie });
    expect(stale.status).toBe(401);
    expect(stale.body.error).toEqual({
      code: 'session_expired',
      reason: 'request.session_expired',
      message: 'Your session has ended. Please sign in again.',
    });
    expect((await call('GET', '/api/me/sessions', { as: laptop })).body.sessions).toHaveLength(1);
  });

  it('should clear the cookie when I revoke this very session', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const list = await call('GET', '/api/me/sessions', { as: person });
    const result = await call('DELETE', `/api/me/sessions/${list.body.sessions[0].id}`, { as: person });
    expect(result.status).toBe(200);
    expect(result.cookies.find((c) => c.name === 'hearth_session')?.value).toBe('');
    expect((await call('GET', '/api/me', { as: person })).body.error.code).toBe('session_expired');
  });

  it("should fail with 404 when revoking someone else's session, and leave it working", async () => {
    const theirs = await call('GET', '/api/me/sessions', { as: admin });
    const result = await call('DELETE', `/api/me/sessions/${theirs.body.sessions[0].id}`, { as: resident });
    expect(result.status).toBe(404);
    expect(result.body.error.code).toBe('not_found');
    expect((await call('GET', '/api/me', { as: admin })).status).toBe(200);
  });

  it('should fail with 404 when revoking a session that is already revoked', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const second = await signIn(person.username);
    const list = await call('GET', '/api/me/sessions', { as: second });
    const other = list.body.sessions.find((s: { current: boolean }) => !s.current);
    expect((await call('DELETE', `/api/me/sessions/${other.id}`, { as: second })).status).toBe(200);
    expect((await call('DELETE', `/api/me/sessions/${other.id}`, { as: second })).status).toBe(404);
  });

  it('should fail with 400 naming the field when the session id is not an id', async () => {
    const result = await call('DELETE', '/api/me/sessions/not-a-uuid', { as: resident });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      { field: 'id', reason: 'field.not_an_id', message: 'must be an id' },
    ]);
  });

  it('should answer session_expired once a session has passed its expiry', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    // A session lasts SESSION_DAYS from its last use.
    testClock().advance({ days: testApp().config.sessionDays, seconds: 1 });
    const result = await call('GET', '/api/me', { as: person });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('session_expired');
    expect(
      (await call('GET', '/api/me/sessions', { as: await signIn(person.username) })).body.sessions,
    ).toHaveLength(1);
  });
});

describe('POST /api/auth/sign-out', () => {
  it('should end this session and clear the cookie', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const other = await signIn(person.username);
    const result = await call('POST', '/api/auth/sign-out', { as: person });
    expect(result.status).toBe(200);
    expect(result.cookies.find((c) => c.name === 'hearth_session')?.value).toBe('');
    expect((await call('GET', '/api/me', { as: person })).body.error.code).toBe('session_expired');
    // Only this device: the other one stays signed in.
    expect((await call('GET', '/api/me', { as: other })).status).toBe(200);
  });

  it('should answer 200 when nobody is signed in', async () => {
    expect((await call('POST', '/api/auth/sign-out')).status).toBe(200);
  });
});

describe('POST /api/auth/reset-password', () => {
  async function codeFor(person: TestPerson): Promise<string> {
    const issued = await call('POST', `/api/people/${person.id}/reset-code`, { as: admin });
    expect(issued.status).toBe(201);
    return issued.body.code;
  }

  it('should set the new password with a code, and sign out every device', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const code = await codeFor(person);
    const result = await call('POST', '/api/auth/reset-password', {
      body: { login: person.username, code: code.toLowerCase(), newPassword: 'a-brand-new-password' },
    });
    expect(result.status).toBe(200);
    expect((await call('GET', '/api/me', { as: person })).body.error.code).toBe('session_expired');
    expect(
      (await call('POST', '/api/auth/sign-in', { body: { login: person.username, password: TEST_PASSWORD } }))
        .status,
    ).toBe(401);
    expect(
      (
        await call('POST', '/api/auth/sign-in', {
          body: { login: person.username, password: 'a-brand-new-password' },
        })
      ).status,
    ).toBe(200);
  });

  it('should fail with 400 auth.reset_code_invalid when the code is used a second time', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const code = await codeFor(person);
    const body = { login: person.username, code, newPassword: 'a-brand-new-password' };
    expect((await call('POST', '/api/auth/reset-password', { body })).status).toBe(200);
    const again = await call('POST', '/api/auth/reset-password', {
      body: { ...body, newPassword: 'yet-another-password' },
    });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 'reset_code_invalid', reason: 'auth.reset_code_invalid' });
    expect(
      (
        await call('POST', '/api/auth/sign-in', {
          body: { login: person.username, password: 'a-brand-new-password' },
        })
      ).status,
    ).toBe(200);
  });

  it("should fail with 400 when the code belongs to someone else, and change nobody's password", async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const someoneElse = await buildPerson(admin, { role: 'resident', residenceId });
    const code = await codeFor(someoneElse);
    const result = await call('POST', '/api/auth/reset-password', {
      body: { login: person.username, code, newPassword: 'a-brand-new-password' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({
      code: 'reset_code_invalid',
      reason: 'auth.reset_code_invalid',
      fields: [
        {
          field: 'code',
          reason: 'auth.reset_code_invalid',
          message: authReasons['auth.reset_code_invalid'].message,
        },
      ],
    });
    expect((await call('GET', '/api/me', { as: person })).status).toBe(200);
    expect((await call('GET', '/api/me', { as: someoneElse })).status).toBe(200);
  });

  it('should fail with 400 and the same message for an unknown account', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const wrongCode = await call('POST', '/api/auth/reset-password', {
      body: { login: person.username, code: 'AAAA-BBBB-CCCC', newPassword: 'a-brand-new-password' },
    });
    const unknown = await call('POST', '/api/auth/reset-password', {
      body: { login: 'nobody-by-this-name', code: 'AAAA-BBBB-CCCC', newPassword: 'a-brand-new-password' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toBe(wrongCode.text);
  });

  it('should fail with 400 naming the field when the new password is too short', async () => {
    const result = await call('POST', '/api/auth/reset-password', {
      body: { login: resident.username, code: 'AAAA-BBBB-CCCC', newPassword: 'short' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      {
        field: 'newPassword',
        reason: 'field.too_short',
        message: 'must be at least 10 characters',
        params: { minimum: 10 },
      },
    ]);
  });
});
