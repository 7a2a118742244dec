import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import { signIn } from '../../../test/factories.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.ts';

let leader: string;
let resident: string;

beforeAll(async () => {
  const started = performance.now();
  await seedDemo(testDb());
  // The demo seed stays quick (it also builds "another organization" for many tests).
  expect(performance.now() - started).toBeLessThan(15_000);
  leader = await signIn('leader1', DEMO_PASSWORD);
  const me = await call('GET', '/api/house', { as: leader });
  expect(me.status).toBe(200);
  const [row] = (
    await testDb().execute<{ username: string }>(sql`select p.username from people p
      join memberships m on m.person_id = p.id and m.role = 'resident' and m.ends_on is null
      where p.username not like 'leader%' order by p.username limit 1`)
  ).rows;
  resident = await signIn(row!.username, DEMO_PASSWORD);
});

describe('demo check-ins, signals and BARC-10', () => {
  it('should give a resident months of check-ins with gaps, and none yet today', async () => {
    const list = await call('GET', '/api/check-ins?days=90', { as: resident });
    expect(list.body.checkIns.length).toBeGreaterThan(5);
    expect(list.body.checkIns.length).toBeLessThan(90);
    expect((await call('GET', '/api/check-ins/today', { as: resident })).body.checkIn).toBeNull();
  });

  it('should give a resident monthly BARC-10 scores', async () => {
    const barc = await call('GET', '/api/barc10', { as: resident });
    expect(barc.body.assessments.length).toBeGreaterThan(0);
    for (const a of barc.body.assessments)
      expect(a.total).toBe(a.answers.reduce((x: number, y: number) => x + y, 0));
  });

  it('should give the peer leader signals, some acknowledged, and house stats', async () => {
    const houses = (await call('GET', '/api/house', { as: leader })).body;
    const houseId = houses.houses[0].residence.id;
    const list = (await call('GET', `/api/residences/${houseId}/signals`, { as: leader })).body.signals;
    expect(list.length).toBeGreaterThan(0);
    expect(list.some((s: { acknowledgement: unknown }) => s.acknowledgement !== null)).toBe(true);
    const stats = (await call('GET', `/api/residences/${houseId}/check-in-stats?weeks=12`, { as: leader }))
      .body;
    expect(
      stats.weeks.filter((w: { checkInRate: number | null }) => w.checkInRate !== null).length,
    ).toBeGreaterThan(6);
  });
});
