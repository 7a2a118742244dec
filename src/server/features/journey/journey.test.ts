import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/domain/dates.ts';
import { addDays, addMonths } from '../../../shared/domain/recovery-time.ts';
import { call, testDb } from '../../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import { recoveryClocks, recoveryStretches, signals } from '../../platform/database/schema.ts';

let admin: TestPerson;
let me: TestPerson;
let housemate: TestPerson;
let houseId: string;
const today = () => localDate('America/Chicago');

async function clocksOf(person: TestPerson) {
  return await testDb().select().from(recoveryClocks).where(eq(recoveryClocks.personId, person.id));
}
async function stretchesOf(person: TestPerson) {
  return await testDb().select().from(recoveryStretches).where(eq(recoveryStretches.personId, person.id));
}

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (
    await buildResidence(admin, { name: 'Maple House', timeZone: 'America/Chicago', bedCapacity: 40 })
  ).id;
  me = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Rita' });
  housemate = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Hugo' });
});

describe('GET /api/journey', () => {
  it('should show no clocks to a person who has not set a recovery date', async () => {
    const result = await call('GET', '/api/journey', { as: me });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      timeZone: 'America/Chicago',
      today: today(),
      stage: null,
      stageVisibleTo: 'only_me',
      clocks: [],
      pastClocks: [],
    });
  });

  it('should fail with 401 when signed out', async () => {
    expect((await call('GET', '/api/journey')).status).toBe(401);
  });

  it("should count days in the person's own time zone when they set one", async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    await call('PATCH', '/api/me/profile', { as: person, body: { timeZone: 'Pacific/Kiritimati' } });
    const result = await call('GET', '/api/journey', { as: person });
    expect(result.body.timeZone).toBe('Pacific/Kiritimati');
    expect(result.body.today).toBe(localDate('Pacific/Kiritimati'));
  });
});

describe('milestones recorded when I open my journey', () => {
  it('should record a milestone reached since the last visit, once', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    await call('POST', '/api/journey/clocks', { as: person, body: { startsOn: addDays(today(), -5) } });
    // Time passes: the stretch now started 30 days ago.
    await testDb()
      .update(recoveryStretches)
      .set({ startsOn: addDays(today(), -30) })
      .where(eq(recoveryStretches.personId, person.id));
    const first = await call('GET', '/api/journey', { as: person });
    const keys = (r: typeof first) =>
      r.body.clocks[0].reachedMilestones.map(
        (m: { id: string; milestone: { key: string } }) => m.milestone.key,
      );
    expect(keys(first)).toEqual(['30d', '24h']);
    expect(first.body.clocks[0].reachedMilestones[0].id).toEqual(expect.any(String));
    const again = await call('GET', '/api/journey', { as: person });
    expect(again.body.clocks[0].reachedMilestones).toEqual(first.body.clocks[0].reachedMilestones);
  });
});

describe('POST /api/journey/clocks', () => {
  it('should start a clock: days, "3 months, 2 days", the next milestone and the stage', async () => {
    const startsOn = addDays(addMonths(today(), -3), -2);
    const result = await call('POST', '/api/journey/clocks', {
      as: me,
      body: { label: 'alcohol', startsOn, visibleTo: 'house' },
    });
    expect(result.status).toBe(201);
    const [clock] = result.body.clocks;
    expect(clock).toMatchObject({
      label: 'alcohol',
      visibleTo: 'house',
      current: { startsOn, breakdown: { years: 0, months: 3, days: 2 }, stage: 'months_3_to_12' },
      nextMilestone: { key: '6m', date: addMonths(startsOn, 6) },
      resets: 0,
    });
    expect(clock.current.days).toBeGreaterThanOrEqual(91);
    expect(clock.stretches).toHaveLength(1);
    expect(clock.reachedMilestones.map((m: { milestone: { key: string } }) => m.milestone.key)).toEqual([
      '90d',
      '60d',
      '30d',
      '24h',
    ]);
    expect(result.body.stage).toBe('months_3_to_12');
  });

  it('should let a person keep a second clock with its own label', async () => {
    const result = await call('POST', '/api/journey/clocks', {
      as: me,
      body: { label: 'opioids', startsOn: today() },
    });
    expect(result.status).toBe(201);
    expect(result.body.clocks).toHaveLength(2);
    expect(result.body.clocks[1]).toMatchObject({
      label: 'opioids',
      visibleTo: 'peer_leader',
      current: { days: 0, stage: 'first_90_days' },
      nextMilestone: { key: '24h', daysTo: 1 },
      reachedMilestones: [],
    });
  });

  it.each([
    [
      'a future date',
      { startsOn: addDays(localDate('Pacific/Kiritimati'), 1) },
      'journey.future_recovery_date',
      'journey.future_recovery_date',
    ],
    ['a date before 1900', { startsOn: '1899-12-31' }, 'request.invalid', 'field.years'],
    ['a date that does not exist', { startsOn: '2025-02-29' }, 'request.invalid', 'field.not_a_date'],
    ['no date', { label: 'x' }, 'request.invalid', 'field.required'],
  ])(
    'should fail with 400 naming startsOn for %s (%s), writing nothing',
    async (_what, body, reason, fieldReason) => {
      const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
      const result = await call('POST', '/api/journey/clocks', { as: person, body });
      expect(result.status).toBe(400);
      expect(result.body.error).toMatchObject({ code: 'validation_failed', reason });
      expect(result.body.error.fields).toContainEqual(
        expect.objectContaining({ field: 'startsOn', reason: fieldReason }),
      );
      expect(await clocksOf(person)).toEqual([]);
    },
  );

  it('should accept 1900-01-01, the earliest date', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const result = await call('POST', '/api/journey/clocks', {
      as: person,
      body: { startsOn: '1900-01-01' },
    });
    expect(result.status).toBe(201);
    expect(result.body.clocks[0].current.stage).toBe('years_5_plus');
  });

  it('should fail with 400 for unknown fields or a bad audience, writing nothing', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const extra = await call('POST', '/api/journey/clocks', {
      as: person,
      body: { startsOn: today(), personId: housemate.id },
    });
    expect(extra.status).toBe(400);
    const audience = await call('POST', '/api/journey/clocks', {
      as: person,
      body: { startsOn: today(), visibleTo: 'everyone' },
    });
    expect(audience.status).toBe(400);
    expect(audience.body.error.fields).toEqual([
      { field: 'visibleTo', reason: 'field.not_an_option', message: expect.any(String) },
    ]);
    expect(await clocksOf(person)).toEqual([]);
  });
});

describe('PATCH /api/journey/clocks/:id', () => {
  it('should rename a clock and change who sees it', async () => {
    const clockId = (await call('GET', '/api/journey', { as: me })).body.clocks[1].id;
    const result = await call('PATCH', `/api/journey/clocks/${clockId}`, {
      as: me,
      body: { label: 'pills', visibleTo: 'only_me' },
    });
    expect(result.status).toBe(200);
    expect(result.body.clocks[1]).toMatchObject({ id: clockId, label: 'pills', visibleTo: 'only_me' });
  });

  it("should fail with 404 for another person's clock, changing nothing", async () => {
    const clockId = (await call('GET', '/api/journey', { as: me })).body.clocks[0].id;
    const result = await call('PATCH', `/api/journey/clocks/${clockId}`, {
      as: housemate,
      body: { label: 'mine' },
    });
    expect(result.status).toBe(404);
    expect((await clocksOf(me)).find((c) => c.id === clockId)?.label).toBe('alcohol');
  });

  it('should fail with 400 for a bad id or an unknown field', async () => {
    expect((await call('PATCH', '/api/journey/clocks/nope', { as: me, body: {} })).status).toBe(400);
    const clockId = (await call('GET', '/api/journey', { as: me })).body.clocks[0].id;
    const result = await call('PATCH', `/api/journey/clocks/${clockId}`, {
      as: me,
      body: { startsOn: today() },
    });
    expect(result.status).toBe(400);
  });
});

describe('POST /api/journey/clocks/:id/reset', () => {
  it('should end the current stretch the day before, keep the history and raise a gentle signal', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const firstStart = addDays(today(), -40);
    const created = await call('POST', '/api/journey/clocks', { as: person, body: { startsOn: firstStart } });
    const clockId = created.body.clocks[0].id;
    const newStart = addDays(today(), -2);
    const result = await call('POST', `/api/journey/clocks/${clockId}/reset`, {
      as: person,
      body: { startsOn: newStart },
    });
    expect(result.status).toBe(200);
    const [clock] = result.body.clocks;
    expect(clock).toMatchObject({
      current: { startsOn: newStart, days: 2 },
      resets: 1,
      longestDays: 37,
      totalDays: 39,
      reachedMilestones: [expect.objectContaining({ milestone: expect.objectContaining({ key: '24h' }) })],
    });
    expect(clock.stretches).toEqual([
      { id: expect.any(String), startsOn: newStart, endsOn: null, days: 2 },
      { id: expect.any(String), startsOn: firstStart, endsOn: addDays(newStart, -1), days: 37 },
    ]);
    const raised = await testDb().select().from(signals).where(eq(signals.personId, person.id));
    expect(raised).toEqual([
      expect.objectContaining({
        kind: 'reset',
        severity: 'medium',
        residenceId: houseId,
        localDate: today(),
      }),
    ]);
  });

  it('should raise no signal for a clock only I see, and keep the reset in my history', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const created = await call('POST', '/api/journey/clocks', {
      as: person,
      body: { startsOn: addDays(today(), -40), visibleTo: 'only_me' },
    });
    const clockId = created.body.clocks[0].id;
    const result = await call('POST', `/api/journey/clocks/${clockId}/reset`, {
      as: person,
      body: { startsOn: addDays(today(), -2) },
    });
    expect(result.status).toBe(200);
    expect(result.body.clocks[0]).toMatchObject({ visibleTo: 'only_me', resets: 1 });
    expect(await testDb().select().from(signals).where(eq(signals.personId, person.id))).toEqual([]);
  });

  it('should fail with 409 journey.same_start when the new start is the current start, writing nothing', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const startsOn = addDays(today(), -5);
    const clockId = (await call('POST', '/api/journey/clocks', { as: person, body: { startsOn } })).body
      .clocks[0].id;
    const result = await call('POST', `/api/journey/clocks/${clockId}/reset`, {
      as: person,
      body: { startsOn },
    });
    expect(result.status).toBe(409);
    expect(result.body.error).toMatchObject({ code: 'conflict', reason: 'journey.same_start' });
    expect(result.body.error.fields).toEqual([
      { field: 'startsOn', reason: 'journey.same_start', message: expect.any(String) },
    ]);
    expect(await stretchesOf(person)).toHaveLength(1);
  });

  const future = 'journey.future_recovery_date';
  const beforeCurrent = 'journey.start_before_current';
  it.each([
    ['a future date', () => addDays(localDate('Pacific/Kiritimati'), 1), future, future],
    ['a date before 1900', () => '1899-06-01', 'request.invalid', 'field.years'],
    ['a date before the current start', () => addDays(today(), -30), beforeCurrent, beforeCurrent],
  ])(
    'should fail with 400 naming startsOn for %s, writing nothing',
    async (_what, date, reason, fieldReason) => {
      const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
      const clockId = (
        await call('POST', '/api/journey/clocks', { as: person, body: { startsOn: addDays(today(), -10) } })
      ).body.clocks[0].id;
      const result = await call('POST', `/api/journey/clocks/${clockId}/reset`, {
        as: person,
        body: { startsOn: date() },
      });
      expect(result.status).toBe(400);
      expect(result.body.error.reason).toBe(reason);
      expect(result.body.error.fields).toEqual([
        expect.objectContaining({ field: 'startsOn', reason: fieldReason }),
      ]);
      expect(await stretchesOf(person)).toHaveLength(1);
      expect(await testDb().select().from(signals).where(eq(signals.personId, person.id))).toEqual([]);
    },
  );

  it('should fail with 400 journey.start_before_current giving the current start date for its words', async () => {
    const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const startsOn = addDays(today(), -10);
    const clockId = (await call('POST', '/api/journey/clocks', { as: person, body: { startsOn } })).body
      .clocks[0].id;
    const result = await call('POST', `/api/journey/clocks/${clockId}/reset`, {
      as: person,
      body: { startsOn: addDays(today(), -30) },
    });
    expect(result.body.error).toMatchObject({
      reason: 'journey.start_before_current',
      message: `A new start must come after your current start date (${startsOn}).`,
      fields: [{ field: 'startsOn', reason: 'journey.start_before_current', params: { date: startsOn } }],
    });
  });

  it("should fail with 404 for another person's clock, writing nothing", async () => {
    const clockId = (await call('GET', '/api/journey', { as: me })).body.clocks[0].id;
    const before = await stretchesOf(me);
    const result = await call('POST', `/api/journey/clocks/${clockId}/reset`, {
      as: housemate,
      body: { startsOn: today() },
    });
    expect(result.status).toBe(404);
    expect(await stretchesOf(me)).toEqual(before);
  });

  it('should fail with 401 when signed out', async () => {
    const clockId = (await call('GET', '/api/journey', { as: me })).body.clocks[0].id;
    expect(
      (await call('POST', `/api/journey/clocks/${clockId}/reset`, { body: { startsOn: today() } })).status,
    ).toBe(401);
  });
});

describe('my stage and time zone on GET /api/me', () => {
  it('should show my stage from my first clock, and none before I set a recovery date', async () => {
    expect((await call('GET', '/api/me', { as: me })).body.stage).toBe('months_3_to_12');
    expect((await call('GET', '/api/me', { as: housemate })).body.stage).toBeNull();
  });

  it('should show and change who sees my stage, and my time zone', async () => {
    const privacy = await call('PATCH', '/api/me/privacy', { as: me, body: { stageVisibleTo: 'house' } });
    expect(privacy.status).toBe(200);
    expect(privacy.body.privacy.stageVisibleTo).toBe('house');
    const profile = await call('PATCH', '/api/me/profile', { as: me, body: { timeZone: 'America/Denver' } });
    expect(profile.body.timeZone).toBe('America/Denver');
    const cleared = await call('PATCH', '/api/me/profile', { as: me, body: { timeZone: null } });
    expect(cleared.body.timeZone).toBeNull();
  });

  it('should fail with 400 for an unknown zone or audience', async () => {
    const zone = await call('PATCH', '/api/me/profile', { as: me, body: { timeZone: 'Mars/Olympus' } });
    expect(zone.status).toBe(400);
    expect(zone.body.error.fields).toEqual([
      { field: 'timeZone', reason: 'field.time_zone', message: expect.any(String) },
    ]);
    const audience = await call('PATCH', '/api/me/privacy', { as: me, body: { stageVisibleTo: 'everyone' } });
    expect(audience.status).toBe(400);
  });
});
