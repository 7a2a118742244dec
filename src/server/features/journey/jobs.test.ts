import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/domain/dates.ts';
import { addDays } from '../../../shared/domain/recovery-time.ts';
import { call, testDb } from '../../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import { milestoneEvents, recoveryStretches } from '../../platform/database/schema.ts';
import { FIND_MILESTONES, journeyJobs } from './jobs.ts';
import { recordMilestonesForEveryone } from './service.ts';

const findMilestones = async (db: ReturnType<typeof testDb>, now = new Date()) => ({
  milestones: await recordMilestonesForEveryone(db, now),
});

let admin: TestPerson;
let houseId: string;
let housemate: TestPerson;

/** A resident in a time zone of their own with a clock started on `startsOn`. */
async function residentWithClock(timeZone: string, startsOn: string) {
  const person = await buildPerson(admin, { role: 'resident', residenceId: houseId });
  await call('PATCH', '/api/me/profile', { as: person, body: { timeZone } });
  const created = await call('POST', '/api/journey/clocks', {
    as: person,
    body: { startsOn, visibleTo: 'house' },
  });
  expect(created.status).toBe(201);
  return person;
}

/** Moves a person's current stretch to start on another day (time passing, for the test). */
async function moveStart(person: TestPerson, startsOn: string) {
  await testDb().update(recoveryStretches).set({ startsOn }).where(eq(recoveryStretches.personId, person.id));
}

const keysOf = async (person: TestPerson) =>
  (await testDb().select().from(milestoneEvents).where(eq(milestoneEvents.personId, person.id)))
    .map((e) => e.milestone)
    .sort();

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { name: 'Maple House', bedCapacity: 20 })).id;
  housemate = await buildPerson(admin, { role: 'resident', residenceId: houseId });
});

describe(`the hourly job ${FIND_MILESTONES}`, () => {
  it("records a milestone reached today in the person's own zone, once, and it shows in the house's celebrations", async () => {
    const now = new Date();
    const today = localDate('America/Chicago', now);
    const person = await residentWithClock('America/Chicago', addDays(today, -10));
    expect(await keysOf(person)).toEqual(['24h']);
    await moveStart(person, addDays(today, -60));

    const first = await findMilestones(testDb(), now);
    expect(first.milestones).toBeGreaterThanOrEqual(1);
    expect(await keysOf(person)).toEqual(['24h', '60d']);
    expect((await findMilestones(testDb(), now)).milestones).toBe(0);

    const feed = await call('GET', `/api/residences/${houseId}/celebrations`, { as: housemate });
    expect(feed.body.celebrations).toContainEqual(
      expect.objectContaining({
        personId: person.id,
        milestone: { key: '60d', unit: 'days', count: 60 },
        reachedOn: today,
      }),
    );
  });

  it("counts each person's day in their own time zone", async () => {
    const now = new Date();
    const eastToday = localDate('Pacific/Kiritimati', now); // UTC+14: always a day or two ahead of Pago Pago
    const east = await residentWithClock('Pacific/Kiritimati', addDays(eastToday, -1));
    const west = await residentWithClock(
      'Pacific/Pago_Pago',
      addDays(localDate('Pacific/Pago_Pago', now), -1),
    );
    await moveStart(east, addDays(eastToday, -90));
    await moveStart(west, addDays(eastToday, -90));
    await findMilestones(testDb(), now);
    expect(await keysOf(east)).toContain('90d');
    expect(await keysOf(west)).not.toContain('90d');
    // Once Pago Pago reaches that day too, its resident's 90 days are recorded.
    await findMilestones(testDb(), new Date(now.getTime() + 2 * 86_400_000));
    expect(await keysOf(west)).toContain('90d');
  });

  it('leaves ended stretches alone: a reset starts counting again', async () => {
    const today = localDate('America/Chicago');
    const person = await residentWithClock('America/Chicago', addDays(today, -20));
    const clockId = (await call('GET', '/api/journey', { as: person })).body.clocks[0].id;
    await call('POST', `/api/journey/clocks/${clockId}/reset`, { as: person, body: { startsOn: today } });
    await findMilestones(testDb());
    const current = await testDb()
      .select()
      .from(milestoneEvents)
      .innerJoin(recoveryStretches, eq(recoveryStretches.id, milestoneEvents.stretchId))
      .where(and(eq(milestoneEvents.personId, person.id), eq(recoveryStretches.startsOn, today)));
    expect(current).toEqual([]);
  });

  it('is declared to run every hour on the hour, and once at start', () => {
    expect(journeyJobs).toContainEqual(
      expect.objectContaining({ name: FIND_MILESTONES, cron: '0 * * * *', runAtStart: true }),
    );
  });
});
