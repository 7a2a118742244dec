import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import { signIn } from '../../../test/factories.ts';
import {
  congratulations,
  people,
  recoveryClocks,
  recoveryStretches,
} from '../../platform/database/schema.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.ts';

let leader: string;
let resident: string;

beforeAll(async () => {
  await seedDemo(testDb());
  leader = await signIn('leader1', DEMO_PASSWORD);
  resident = await signIn('brianna1', DEMO_PASSWORD);
});

describe('demo recovery journey', () => {
  it('should give every resident a clock, the demo resident included', async () => {
    const journey = await call('GET', '/api/journey', { as: resident });
    expect(journey.status).toBe(200);
    expect(journey.body.clocks.length).toBeGreaterThan(0);
    const house = await call('GET', '/api/house', { as: leader });
    const residents = house.body.houses[0].residents as { personId: string }[];
    const clocks = await testDb().select().from(recoveryClocks);
    for (const r of residents) expect(clocks.some((c) => c.personId === r.personId)).toBe(true);
  });

  it('should spread people over the four levels of recovery, with resets, two clocks and congratulations', async () => {
    const stretches = await testDb().select().from(recoveryStretches);
    const clocks = await testDb().select().from(recoveryClocks);
    const current = stretches.filter((s) => s.endsOn === null);
    const today = new Date().toISOString().slice(0, 10);
    const daysOf = (s: { startsOn: string }) => (Date.parse(today) - Date.parse(s.startsOn)) / 86_400_000;
    expect(current.some((s) => daysOf(s) < 90)).toBe(true);
    expect(current.some((s) => daysOf(s) >= 100 && daysOf(s) < 360)).toBe(true);
    expect(current.some((s) => daysOf(s) >= 370 && daysOf(s) < 1800)).toBe(true);
    expect(current.some((s) => daysOf(s) >= 1830)).toBe(true);
    expect(stretches.some((s) => s.endsOn !== null)).toBe(true);
    const perPerson = new Map<string, number>();
    for (const c of clocks.filter((c) => c.archivedAt === null))
      perPerson.set(c.personId, (perPerson.get(c.personId) ?? 0) + 1);
    expect([...perPerson.values()].filter((n) => n === 2)).toHaveLength(2);
    expect(new Set(clocks.map((c) => c.visibleTo)).size).toBeGreaterThanOrEqual(3);
    expect((await testDb().select().from(congratulations)).length).toBeGreaterThan(0);
  });

  it('should give a few residents a past clock, readable only to them with its history', async () => {
    const past = (await testDb().select().from(recoveryClocks)).filter((c) => c.archivedAt !== null);
    expect(past.length).toBeGreaterThan(0);
    const owner = (await testDb().select().from(people).where(eq(people.id, past[0]!.personId)))[0]!;
    const journey = await call('GET', '/api/journey', { as: await signIn(owner.username, DEMO_PASSWORD) });
    expect(journey.body.pastClocks).toEqual([
      expect.objectContaining({ label: 'nicotine', resets: 1, stretches: expect.any(Array) }),
    ]);
    expect(journey.body.clocks.some((c: { id: string }) => c.id === past[0]!.id)).toBe(false);
  });

  it('should give each peer leader celebrations and upcoming milestones to look at', async () => {
    for (const n of [1, 2, 3]) {
      const cookie = n === 1 ? leader : await signIn(`leader${n}`, DEMO_PASSWORD);
      const house = (await call('GET', '/api/house', { as: cookie })).body.houses[0].residence.id;
      const celebrations = await call('GET', `/api/residences/${house}/celebrations`, { as: cookie });
      const upcoming = await call('GET', `/api/residences/${house}/upcoming-milestones`, { as: cookie });
      expect(celebrations.body.celebrations.length + upcoming.body.upcoming.length).toBeGreaterThan(0);
    }
  });

  it('should keep a reset in the history of the person who had one', async () => {
    const ended = (await testDb().select().from(recoveryStretches)).find((s) => s.endsOn !== null);
    const next = await testDb()
      .select()
      .from(recoveryStretches)
      .where(eq(recoveryStretches.clockId, ended!.clockId));
    expect(next.some((s) => s.endsOn === null)).toBe(true);
  });
});
