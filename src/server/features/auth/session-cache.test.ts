import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/domain/dates.ts';
import { buildTestApp, call, sessionCookieFrom, testDb } from '../../../test/app.ts';
import {
  buildPerson,
  buildResidence,
  setUpOrganization,
  TEST_PASSWORD,
  type TestPerson,
} from '../../../test/factories.ts';
import { expectNothingFor, waitFor } from '../../../test/wait.ts';

/** Two instances with a minute's session memory on one database, as behind a load balancer. */
describe('the session memory of several app instances', () => {
  let a: FastifyInstance;
  let b: FastifyInstance;
  let admin: TestPerson;
  /** Builds houses and people: the admin's own sessions are signed out and revoked by the tests. */
  let builder: TestPerson;

  async function listening(app: FastifyInstance) {
    await waitFor(() => app.sessionCache.enabled, { timeout: 5000 }).catch(() => {});
    expect(app.sessionCache.enabled).toBe(true);
  }

  /** Polls for up to 3 s: the change reaches the other instance when the database announces it. */
  async function eventually(check: () => Promise<boolean>) {
    return await waitFor(check, { timeout: 3000, interval: 50 }).catch(() => false);
  }

  beforeAll(async () => {
    a = await buildTestApp({ SESSION_CACHE_MS: '60000' });
    b = await buildTestApp({ SESSION_CACHE_MS: '60000' });
    await Promise.all([a.ready(), b.ready()]);
    await Promise.all([listening(a), listening(b)]);
    admin = await setUpOrganization();
    builder = await buildPerson(admin, { role: 'org_admin' });
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  async function freshSession(person: TestPerson = admin) {
    const signedIn = await call('POST', '/api/auth/sign-in', {
      app: a,
      body: { login: person.username, password: TEST_PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    return sessionCookieFrom(signedIn);
  }

  it('should end a session on every instance when it is signed out on one', async () => {
    const cookie = await freshSession();
    expect((await call('GET', '/api/me', { app: b, as: cookie })).status).toBe(200);
    expect(b.sessionCache.size).toBeGreaterThan(0);
    expect((await call('POST', '/api/auth/sign-out', { app: a, as: cookie })).status).toBe(200);
    expect((await call('GET', '/api/me', { app: a, as: cookie })).status).toBe(401);
    const refused = await eventually(
      async () => (await call('GET', '/api/me', { app: b, as: cookie })).status === 401,
    );
    expect(refused).toBe(true);
    const after = await call('GET', '/api/me', { app: b, as: cookie });
    expect(after.body.error.code).toBe('session_expired');
  });

  it('should end a session revoked straight in the database (another instance, a restore) on every instance', async () => {
    const cookie = await freshSession();
    expect((await call('GET', '/api/me', { app: a, as: cookie })).status).toBe(200);
    expect((await call('GET', '/api/me', { app: b, as: cookie })).status).toBe(200);
    await testDb().execute(
      sql`update sessions set revoked_at = now() where person_id = ${admin.id} and revoked_at is null`,
    );
    for (const app of [a, b]) {
      expect(
        await eventually(async () => (await call('GET', '/api/me', { app, as: cookie })).status === 401),
      ).toBe(true);
    }
  });

  it('should take a role away on every instance as soon as it ends', async () => {
    const cookie = await freshSession();
    expect((await call('GET', '/api/people', { app: b, as: cookie })).status).toBe(200);
    await testDb().execute(
      sql`update memberships set starts_on = current_date - 10, ends_on = current_date - 1 where person_id = ${admin.id} and role = 'org_admin'`,
    );
    try {
      expect(
        await eventually(
          async () => (await call('GET', '/api/people', { app: b, as: cookie })).status === 403,
        ),
      ).toBe(true);
    } finally {
      await testDb().execute(
        sql`update memberships set starts_on = current_date, ends_on = null where person_id = ${admin.id} and role = 'org_admin'`,
      );
    }
    expect(
      await eventually(async () => (await call('GET', '/api/people', { app: b, as: cookie })).status === 200),
    ).toBe(true);
  });

  it("should keep other people's sessions in memory when one person's change is announced", async () => {
    const cookie = await freshSession();
    expect((await call('GET', '/api/me', { app: b, as: cookie })).status).toBe(200);
    const before = b.sessionCache.size;
    await testDb().execute(sql`select pg_notify('hearth_sessions', gen_random_uuid()::text)`);
    await expectNothingFor(200, () => {
      expect(b.sessionCache.size).toBe(before);
    });
  });

  // A person's day is counted in the time zone their session carries: a change of it reaches every instance.
  const zoneOn = async (app: FastifyInstance, cookie: string) =>
    (await call('GET', '/api/check-ins/today', { app, as: cookie })).body.timeZone as string;

  it("should count a resident's day in their house's new time zone on every instance at once", async () => {
    const house = await buildResidence(builder, { timeZone: 'Pacific/Pago_Pago', bedCapacity: 10 });
    const resident = await buildPerson(builder, { role: 'resident', residenceId: house.id });
    const cookie = await freshSession(resident);
    expect(await zoneOn(b, cookie)).toBe('Pacific/Pago_Pago');
    await testDb().execute(
      sql`update residences set time_zone = 'Pacific/Kiritimati' where id = ${house.id}`,
    );
    for (const app of [a, b]) {
      expect(await eventually(async () => (await zoneOn(app, cookie)) === 'Pacific/Kiritimati')).toBe(true);
    }
    // Checked in on the house's new day (Kiritimati, UTC+14, is always a day ahead of Pago Pago, UTC−11).
    const made = await call('POST', '/api/check-ins', {
      app: b,
      as: cookie,
      body: { idempotencyKey: `zone-${house.id}`, mood: 4, craving: 1 },
    });
    expect(made.status, made.text).toBe(201);
    expect(made.body.localDate).toBe(localDate('Pacific/Kiritimati'));
  });

  it("should count a person's day in their own new time zone on every instance at once", async () => {
    const house = await buildResidence(builder, { timeZone: 'Pacific/Pago_Pago', bedCapacity: 10 });
    const resident = await buildPerson(builder, { role: 'resident', residenceId: house.id });
    const cookie = await freshSession(resident);
    expect(await zoneOn(b, cookie)).toBe('Pacific/Pago_Pago');
    await testDb().execute(sql`update people set time_zone = 'Asia/Tokyo' where id = ${resident.id}`);
    for (const app of [a, b]) {
      expect(await eventually(async () => (await zoneOn(app, cookie)) === 'Asia/Tokyo')).toBe(true);
    }
    await testDb().execute(sql`update people set time_zone = null where id = ${resident.id}`);
    expect(await eventually(async () => (await zoneOn(b, cookie)) === 'Pacific/Pago_Pago')).toBe(true);
  });

  it("should count a resident's day in the time zone of the house they moved to, on every instance", async () => {
    const from = await buildResidence(builder, { timeZone: 'Pacific/Pago_Pago', bedCapacity: 10 });
    const to = await buildResidence(builder, { timeZone: 'Europe/Madrid', bedCapacity: 10 });
    const resident = await buildPerson(builder, { role: 'resident', residenceId: from.id });
    const cookie = await freshSession(resident);
    expect(await zoneOn(b, cookie)).toBe('Pacific/Pago_Pago');
    await testDb().execute(
      sql`update memberships set residence_id = ${to.id} where person_id = ${resident.id} and role = 'resident'`,
    );
    for (const app of [a, b]) {
      expect(await eventually(async () => (await zoneOn(app, cookie)) === 'Europe/Madrid')).toBe(true);
    }
  });

  it("should raise signals by the organization's new thresholds on every instance as soon as they change", async () => {
    const house = await buildResidence(builder, { timeZone: 'UTC', bedCapacity: 10 });
    const resident = await buildPerson(builder, { role: 'resident', residenceId: house.id });
    const cookie = await freshSession(resident);
    const token = cookie.split('=')[1]!;
    expect((await call('GET', '/api/check-ins/today', { app: b, as: cookie })).status).toBe(200);
    expect(b.sessionCache.get(token)?.state).toBe('active');
    await testDb().execute(
      sql`insert into organization_settings (organization_id, craving_threshold) values (${admin.organizationId}, 5)
        on conflict (organization_id) do update set craving_threshold = 5`,
    );
    try {
      for (const app of [a, b])
        expect(await eventually(async () => app.sessionCache.get(token) === null)).toBe(true);
      const made = await call('POST', '/api/check-ins', {
        app: b,
        as: cookie,
        body: { idempotencyKey: `thresholds-${house.id}`, mood: 3, craving: 6 },
      });
      expect(made.status, made.text).toBe(201);
      const raised = await testDb().execute<{ kind: string }>(
        sql`select kind from signals where person_id = ${resident.id}`,
      );
      expect(raised.rows.map((r) => r.kind)).toEqual(['craving']);
    } finally {
      await testDb().execute(
        sql`delete from organization_settings where organization_id = ${admin.organizationId}`,
      );
    }
  });
});
