// A person's clocks over time: renaming, changing who sees it, putting one away ("Past clocks") and
// bringing it back — and the journey read staying one statement however many clocks there are.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { localDate } from '../../../shared/domain/dates.ts';
import { addDays } from '../../../shared/domain/recovery-time.ts';
import { type CallResult, call, testDb } from '../../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import { recoveryClocks, recoveryStretches } from '../../platform/database/schema.ts';
import { recordMilestonesForEveryone } from './service.ts';

let admin: TestPerson;
let houseId: string;
let leader: TestPerson;
let housemate: TestPerson;
const today = () => localDate('America/Chicago');

async function clocksOf(person: TestPerson) {
  return await testDb().select().from(recoveryClocks).where(eq(recoveryClocks.personId, person.id));
}

/** A resident of the house with one clock that started `daysAgo` days ago, shown to `visibleTo`. */
async function residentWithClock(daysAgo: number, visibleTo = 'house', label = '') {
  const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
  const created = await call('POST', '/api/journey/clocks', {
    as: person,
    body: { label, startsOn: addDays(today(), -daysAgo), visibleTo },
  });
  expect(created.status).toBe(201);
  return { person, clockId: created.body.clocks[0].id as string };
}

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (
    await buildResidence(admin, { name: 'Maple House', timeZone: 'America/Chicago', bedCapacity: 40 })
  ).id;
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseId });
  housemate = await buildPerson(admin, { role: 'resident', residenceId: houseId });
});

describe('GET /api/journey, one statement', () => {
  it('should read zone, clocks, stretches, milestones and past clocks in one statement', async () => {
    const { person, clockId } = await residentWithClock(100, 'house', 'alcohol');
    await call('POST', `/api/journey/clocks/${clockId}/reset`, {
      as: person,
      body: { startsOn: addDays(today(), -40) },
    });
    const second = await call('POST', '/api/journey/clocks', {
      as: person,
      body: { label: 'opioids', startsOn: addDays(today(), -10) },
    });
    const third = await call('POST', '/api/journey/clocks', {
      as: person,
      body: { label: 'gambling', startsOn: addDays(today(), -5) },
    });
    await call('POST', `/api/journey/clocks/${third.body.clocks[2].id}/archive`, { as: person });
    expect(second.status).toBe(201);

    const pool = testDb().$client;
    const spy = vi.spyOn(pool, 'query');
    let result: CallResult;
    let calls: unknown[][];
    try {
      result = await call('GET', '/api/journey', { as: person });
    } finally {
      calls = [...spy.mock.calls];
      spy.mockRestore();
    }
    const statements = calls
      .map(([q]) => (typeof q === 'string' ? q : (q as { text: string }).text))
      // The session lookup is the same for every route; the journey's own statements are what count.
      .filter((text) => !/\bsessions\b/.test(text));
    expect(statements).toHaveLength(1);
    expect(result.status).toBe(200);
    expect(result.body.clocks.map((c: { label: string }) => c.label)).toEqual(['alcohol', 'opioids']);
    expect(result.body.clocks[0]).toMatchObject({
      resets: 1,
      current: { startsOn: addDays(today(), -40), days: 40 },
      longestDays: 59,
      totalDays: 99,
    });
    expect(
      result.body.clocks[0].reachedMilestones.map((m: { milestone: { key: string } }) => m.milestone.key),
    ).toEqual(['30d', '24h']);
    expect(result.body.pastClocks.map((c: { label: string }) => c.label)).toEqual(['gambling']);
  });
});

describe('PATCH /api/journey/clocks/:id (label and who sees it)', () => {
  it('should rename a clock, and let an empty label fall back to the default words', async () => {
    const { person, clockId } = await residentWithClock(3, 'peer_leader', 'alcohol');
    const renamed = await call('PATCH', `/api/journey/clocks/${clockId}`, {
      as: person,
      body: { label: '  Alcohol and weed  ' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.clocks[0]).toMatchObject({ label: 'Alcohol and weed', visibleTo: 'peer_leader' });
    const cleared = await call('PATCH', `/api/journey/clocks/${clockId}`, {
      as: person,
      body: { label: '' },
    });
    expect(cleared.body.clocks[0].label).toBe('');
  });

  it('should fail with 400 naming label when it is longer than 40 characters, writing nothing', async () => {
    const { person, clockId } = await residentWithClock(3, 'house', 'alcohol');
    const result = await call('PATCH', `/api/journey/clocks/${clockId}`, {
      as: person,
      body: { label: 'x'.repeat(41), visibleTo: 'only_me' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields).toEqual([
      {
        field: 'label',
        reason: 'field.too_long',
        message: 'must be at most 40 characters',
        params: { maximum: 40 },
      },
    ]);
    expect(await clocksOf(person)).toEqual([
      expect.objectContaining({ label: 'alcohol', visibleTo: 'house' }),
    ]);
  });

  it('should fail with 400 naming visibleTo for an audience that does not exist', async () => {
    const { person, clockId } = await residentWithClock(3);
    const result = await call('PATCH', `/api/journey/clocks/${clockId}`, {
      as: person,
      body: { visibleTo: 'the_world' },
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['visibleTo']);
  });
});

describe('POST /api/journey/clocks/:id/archive', () => {
  it('should move the clock to past clocks, with its history kept and kindly dated', async () => {
    const { person, clockId } = await residentWithClock(50, 'house', 'alcohol');
    await call('POST', `/api/journey/clocks/${clockId}/reset`, {
      as: person,
      body: { startsOn: addDays(today(), -20) },
    });
    const kept = await call('POST', '/api/journey/clocks', {
      as: person,
      body: { label: 'opioids', startsOn: addDays(today(), -100) },
    });
    expect(kept.body.stage).toBe('first_90_days');

    const result = await call('POST', `/api/journey/clocks/${clockId}/archive`, { as: person });
    expect(result.status).toBe(200);
    expect(result.body.clocks.map((c: { label: string }) => c.label)).toEqual(['opioids']);
    // My stage now follows the clock I still keep.
    expect(result.body.stage).toBe('months_3_to_12');
    expect(result.body.pastClocks).toEqual([
      {
        id: clockId,
        label: 'alcohol',
        visibleTo: 'house',
        archivedOn: today(),
        longestDays: 29,
        totalDays: 49,
        resets: 1,
        stretches: [
          { id: expect.any(String), startsOn: addDays(today(), -20), endsOn: today(), days: 20 },
          {
            id: expect.any(String),
            startsOn: addDays(today(), -50),
            endsOn: addDays(today(), -21),
            days: 29,
          },
        ],
      },
    ]);
    // The history itself is untouched: the running stretch stays open, so bringing it back loses nothing.
    const stretches = await testDb()
      .select()
      .from(recoveryStretches)
      .where(eq(recoveryStretches.clockId, clockId));
    expect(stretches.filter((s) => s.endsOn === null)).toHaveLength(1);
  });

  it('should change nothing when the clock is already put away', async () => {
    const { person, clockId } = await residentWithClock(5);
    await call('POST', `/api/journey/clocks/${clockId}/archive`, { as: person });
    const [before] = await clocksOf(person);
    const again = await call('POST', `/api/journey/clocks/${clockId}/archive`, { as: person });
    expect(again.status).toBe(200);
    expect(again.body.pastClocks).toHaveLength(1);
    expect((await clocksOf(person))[0]?.archivedAt).toEqual(before?.archivedAt);
  });

  it('should take the clock off the house: no celebration, no congratulation, no upcoming milestone', async () => {
    // One reached 30 days today (a celebration), the other reaches 30 days in two (an upcoming milestone).
    const { person, clockId } = await residentWithClock(30, 'house');
    const soon = await residentWithClock(28, 'house');
    const seen = await call('GET', `/api/residences/${houseId}/celebrations`, { as: housemate });
    const celebration = seen.body.celebrations.find((c: { personId: string }) => c.personId === person.id);
    expect(celebration).toBeDefined();
    const upcoming = await call('GET', `/api/residences/${houseId}/upcoming-milestones`, { as: leader });
    const hasSoon = (body: { upcoming: { personId: string }[] }) =>
      body.upcoming.some((u) => u.personId === soon.person.id);
    expect(hasSoon(upcoming.body)).toBe(true);

    await call('POST', `/api/journey/clocks/${clockId}/archive`, { as: person });
    await call('POST', `/api/journey/clocks/${soon.clockId}/archive`, { as: soon.person });

    const after = await call('GET', `/api/residences/${houseId}/celebrations`, { as: housemate });
    expect(after.body.celebrations.some((c: { personId: string }) => c.personId === person.id)).toBe(false);
    const congratulate = await call('POST', `/api/milestones/${celebration.id}/congratulations`, {
      as: housemate,
    });
    expect(congratulate.status).toBe(404);
    const upcomingAfter = await call('GET', `/api/residences/${houseId}/upcoming-milestones`, { as: leader });
    expect(hasSoon(upcomingAfter.body)).toBe(false);
  });

  it('should not record milestones of a past clock in the scheduled job, nor a reset of it', async () => {
    const { person, clockId } = await residentWithClock(2);
    await call('POST', `/api/journey/clocks/${clockId}/archive`, { as: person });
    await testDb()
      .update(recoveryStretches)
      .set({ startsOn: addDays(today(), -30) })
      .where(eq(recoveryStretches.clockId, clockId));
    await recordMilestonesForEveryone(testDb(), new Date());
    const restored = await call('POST', `/api/journey/clocks/${clockId}/restore`, { as: person });
    // Only the 24 hours recorded when it was set; 30 days appears once it is back (on reading the journey).
    expect(
      restored.body.clocks[0].reachedMilestones.map((m: { milestone: { key: string } }) => m.milestone.key),
    ).toEqual(['30d', '24h']);
    await call('POST', `/api/journey/clocks/${clockId}/archive`, { as: person });
    const reset = await call('POST', `/api/journey/clocks/${clockId}/reset`, {
      as: person,
      body: { startsOn: today() },
    });
    expect(reset.status).toBe(404);
  });

  it("should fail with 404 naming nobody for another person's clock, writing nothing", async () => {
    const { person, clockId } = await residentWithClock(5);
    for (const who of [housemate, leader, admin]) {
      const result = await call('POST', `/api/journey/clocks/${clockId}/archive`, { as: who });
      expect(result.status).toBe(404);
      expect(result.body.error).toEqual({
        code: 'not_found',
        reason: 'request.not_found',
        message: 'That recovery clock was not found.',
      });
    }
    expect((await clocksOf(person))[0]?.archivedAt).toBeNull();
  });

  it('should fail with 400 naming id for an id that is not one, and 401 signed out', async () => {
    const bad = await call('POST', '/api/journey/clocks/not-an-id/archive', { as: housemate });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['id']);
    const { clockId } = await residentWithClock(5);
    expect((await call('POST', `/api/journey/clocks/${clockId}/archive`)).status).toBe(401);
  });
});

describe('POST /api/journey/clocks/:id/restore and renaming a past clock', () => {
  it('should rename a past clock and bring it back to Today with its history', async () => {
    const { person, clockId } = await residentWithClock(12, 'peer_leader', 'alcohol');
    await call('POST', `/api/journey/clocks/${clockId}/archive`, { as: person });
    const renamed = await call('PATCH', `/api/journey/clocks/${clockId}`, {
      as: person,
      body: { label: 'drinking' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.pastClocks[0].label).toBe('drinking');
    const restored = await call('POST', `/api/journey/clocks/${clockId}/restore`, { as: person });
    expect(restored.status).toBe(200);
    expect(restored.body.pastClocks).toEqual([]);
    expect(restored.body.clocks[0]).toMatchObject({
      id: clockId,
      label: 'drinking',
      current: { startsOn: addDays(today(), -12), days: 12 },
    });
    // Bringing back a clock in use changes nothing.
    expect((await call('POST', `/api/journey/clocks/${clockId}/restore`, { as: person })).status).toBe(200);
  });

  it("should fail with 404 for another person's past clock, writing nothing", async () => {
    const { person, clockId } = await residentWithClock(5);
    await call('POST', `/api/journey/clocks/${clockId}/archive`, { as: person });
    const result = await call('POST', `/api/journey/clocks/${clockId}/restore`, { as: housemate });
    expect(result.status).toBe(404);
    const rename = await call('PATCH', `/api/journey/clocks/${clockId}`, {
      as: housemate,
      body: { label: 'mine now' },
    });
    expect(rename.status).toBe(404);
    expect((await clocksOf(person))[0]).toMatchObject({ label: '', archivedAt: expect.any(Date) });
  });
});
