// Sign-in slows down per (login, address) and never keeps a known device out because of others' failures.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authReasons } from '../../../shared/contracts/auth.ts';
import { LIMIT_MESSAGES } from '../../../shared/contracts/limits.ts';
import { buildTestApp, type CallResult, call, sessionCookieFrom } from '../../../test/app.ts';
import { testClock } from '../../../test/clock.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import { FIRST_WAIT_SECONDS, FLOOD_SPACING_SECONDS } from '../../platform/auth/sign-in-limits.ts';

let admin: TestPerson;
let residenceId: string;
let other: FastifyInstance;

beforeAll(async () => {
  admin = await setUpOrganization();
  residenceId = (await buildResidence(admin, { bedCapacity: 40 })).id;
  other = await buildTestApp();
  await other.ready();
});

afterAll(async () => {
  await other.close();
});

type Try = { password: string; from: string; device?: string | undefined; app?: FastifyInstance };
const signInAs = (person: TestPerson, t: Try) =>
  call('POST', '/api/auth/sign-in', {
    body: { login: person.username, password: t.password },
    remoteAddress: t.from,
    ...(t.device ? { as: t.device } : {}),
    ...(t.app ? { app: t.app } : {}),
  });

function deviceCookieFrom(result: CallResult): string {
  const found = result.cookies.find((c) => c.name === 'hearth_device');
  if (!found) throw new Error(`No device cookie (status ${result.status})`);
  return `hearth_device=${found.value}`;
}

/** The person waits. */
async function wait(seconds: number) {
  testClock().advance({ seconds });
}

const fail = async (person: TestPerson, from: string, times: number, device?: string) => {
  for (let i = 0; i < times; i++) {
    const result = await signInAs(person, { password: `wrong-${i}-password`, from, device });
    expect(result.status).toBe(401);
    expect(result.body).toEqual({
      error: {
        code: 'sign_in_failed',
        reason: 'auth.sign_in_failed',
        message: authReasons['auth.sign_in_failed'].message,
      },
    });
  }
};

/** An attacker's tries: each fails, or waits once the account is flooded. */
const attack = async (person: TestPerson, from: string) => {
  const result = await signInAs(person, { password: 'a-guessed-password', from });
  expect([401, 429]).toContain(result.status);
};

describe('sign-in limits', () => {
  it('should slow one address down after 5 failures, with Retry-After, on every instance', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    await fail(person, '127.0.0.2', 5);
    // The other instance shares the count: the right password waits too, and no session is made.
    const paused = await signInAs(person, { password: person.password, from: '127.0.0.2', app: other });
    expect(paused.status).toBe(429);
    expect(paused.body).toEqual({
      error: { code: 'too_many_requests', reason: 'limits.sign_in', message: LIMIT_MESSAGES.signIn },
    });
    expect(Number(paused.headers['retry-after'])).toBeGreaterThan(FIRST_WAIT_SECONDS - 3);
    expect(Number(paused.headers['retry-after'])).toBeLessThanOrEqual(FIRST_WAIT_SECONDS);
    expect(paused.cookies).toHaveLength(0);
    // The same account from another address is not slowed down.
    expect((await signInAs(person, { password: person.password, from: '127.0.0.3' })).status).toBe(200);
  });

  it('should double the wait with each further failure, and let the right password in once it has passed', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    await fail(person, '127.0.0.4', 5);
    await wait(FIRST_WAIT_SECONDS + 1);
    await fail(person, '127.0.0.4', 1);
    const paused = await signInAs(person, { password: person.password, from: '127.0.0.4' });
    expect(paused.status).toBe(429);
    expect(Number(paused.headers['retry-after'])).toBeGreaterThan(2 * FIRST_WAIT_SECONDS - 3);
    await wait(2 * FIRST_WAIT_SECONDS + 1);
    expect((await signInAs(person, { password: person.password, from: '127.0.0.4' })).status).toBe(200);
  });

  it("should never refuse the right password from a known device because of others' failures", async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const first = await signInAs(person, { password: person.password, from: '127.0.0.5' });
    expect(first.status).toBe(200);
    const device = deviceCookieFrom(first);
    expect(first.cookies.find((c) => c.name === 'hearth_device')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/auth',
    });
    // Someone who knows the username tries from many addresses, and a lot from the house's own network.
    await fail(person, '127.0.0.5', 5);
    for (let a = 10; a < 40; a++) await attack(person, `127.0.0.${a}`);
    // The resident's phone, on that very network, signs in at once; on the other instance too.
    const mine = await signInAs(person, { password: person.password, from: '127.0.0.5', device, app: other });
    expect(mine.status).toBe(200);
    expect((await call('GET', '/api/me', { as: sessionCookieFrom(mine) })).body.id).toBe(person.id);
    // A device already known gets no new cookie.
    expect(mine.cookies.find((c) => c.name === 'hearth_device')).toBeUndefined();
    // Without the device cookie, that network waits.
    expect((await signInAs(person, { password: person.password, from: '127.0.0.5' })).status).toBe(429);
  });

  it('should slow a new device during a flood from many addresses, not lock it out', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    for (let a = 40; a < 70; a++) await attack(person, `127.0.0.${a}`);
    const slowed = await signInAs(person, { password: person.password, from: '127.0.1.1' });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(FLOOD_SPACING_SECONDS);
    await wait(FLOOD_SPACING_SECONDS + 1);
    expect((await signInAs(person, { password: person.password, from: '127.0.1.1' })).status).toBe(200);
  });

  it('should not trust a device for an email that other accounts share', async () => {
    const victim = await buildPerson(admin, { role: 'resident', residenceId, email: 'shared@example.org' });
    const attacker = await buildPerson(admin, { role: 'resident', residenceId, email: 'shared@example.org' });
    const device = deviceCookieFrom(
      await signInAs(attacker, { password: attacker.password, from: '127.0.0.9' }),
    );
    const byEmail = { ...victim, username: 'shared@example.org' };
    await fail(byEmail, '127.0.0.9', 5);
    // The attacker's own known device is no way around the wait for the victim's address.
    const tried = await signInAs(byEmail, { password: 'one-more-guess', from: '127.0.0.9', device });
    expect(tried.status).toBe(429);
  });

  it('should know the phone that accepted an invitation', async () => {
    const invitation = await call('POST', '/api/invitations', {
      as: admin,
      body: { role: 'resident', residenceId },
    });
    const account = {
      firstName: 'Noor',
      username: 'noor-joins',
      password: 'a long enough password',
      language: 'en',
    };
    const joined = await call('POST', `/api/invitations/code/${invitation.body.code}/accept`, {
      body: account,
      remoteAddress: '127.0.0.12',
    });
    expect(joined.status).toBe(201);
    const device = deviceCookieFrom(joined);
    const person = { ...admin, username: account.username, password: account.password };
    await fail(person, '127.0.0.12', 5);
    expect((await signInAs(person, { password: account.password, from: '127.0.0.12', device })).status).toBe(
      200,
    );
  });

  it("should count a known device's own failures against it", async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const device = deviceCookieFrom(await signInAs(person, { password: person.password, from: '127.0.0.6' }));
    await fail(person, '127.0.0.6', 5, device);
    expect((await signInAs(person, { password: person.password, from: '127.0.0.6', device })).status).toBe(
      429,
    );
  });

  it('should forget known devices when a password is reset with a code', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId });
    const device = deviceCookieFrom(await signInAs(person, { password: person.password, from: '127.0.0.7' }));
    const code = await call('POST', `/api/people/${person.id}/reset-code`, { as: admin });
    expect(code.status).toBe(201);
    const reset = await call('POST', '/api/auth/reset-password', {
      body: { login: person.username, code: code.body.code, newPassword: 'a brand new password' },
      remoteAddress: '127.0.0.8',
    });
    expect(reset.status).toBe(200);
    const renewed = { ...person, password: 'a brand new password' };
    await fail(renewed, '127.0.0.7', 5);
    // The old device is a new one now: the address's failures make it wait.
    expect((await signInAs(renewed, { password: renewed.password, from: '127.0.0.7', device })).status).toBe(
      429,
    );
    // The device that used the code is known from now on.
    const resetDevice = deviceCookieFrom(reset);
    await fail(renewed, '127.0.0.8', 5);
    expect(
      (await signInAs(renewed, { password: renewed.password, from: '127.0.0.8', device: resetDevice }))
        .status,
    ).toBe(200);
  });
});
