import { isMeetingType } from '@code4recovery/spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import { signIn } from '../../../test/factories.ts';
import { houseMeetingSettings } from '../../platform/database/schema.ts';
import { DEMO_PASSWORD, DEMO_SLUG, seedDemo } from './seed.ts';

let leader: string;
let resident: string;

beforeAll(async () => {
  await seedDemo(testDb());
  leader = await signIn('leader1', DEMO_PASSWORD);
  resident = await signIn('brianna1', DEMO_PASSWORD);
});

describe('demo outside meetings', () => {
  it('should give a directory of about 15 meetings: AA, NA, SMART, faith-based, online, English and Spanish', async () => {
    const list = await call('GET', '/api/outside-meetings', { as: resident });
    const meetings = list.body.meetings as {
      fellowship: string;
      online: boolean;
      languages: string[];
      types: string[];
    }[];
    expect(meetings.length).toBeGreaterThanOrEqual(14);
    for (const f of ['aa', 'na', 'smart', 'faith_based'])
      expect(meetings.some((m) => m.fellowship === f)).toBe(true);
    expect(meetings.some((m) => m.online)).toBe(true);
    expect(meetings.some((m) => m.languages.includes('es'))).toBe(true);
    for (const code of ['W', 'M', 'LGBTQ', 'Y'])
      expect(meetings.some((m) => m.types.includes(code))).toBe(true);
    for (const m of meetings) for (const t of m.types) expect(isMeetingType(t), t).toBe(true);
  });

  it('should publish several of them in the public feed', async () => {
    const feed = await call('GET', `/api/public/${DEMO_SLUG}/meetings.json`);
    expect(feed.status).toBe(200);
    expect(feed.body.length).toBeGreaterThanOrEqual(5);
  });

  it('should set a weekly goal of 3 in every house, and give residents weeks of logged meetings', async () => {
    const settings = await testDb().select().from(houseMeetingSettings);
    expect(settings.length).toBeGreaterThanOrEqual(3);
    for (const s of settings) expect(s.weeklyOutsideGoal).toBe(3);
    const mine = await call('GET', '/api/outside-attendance', { as: resident });
    expect(mine.body.goal).toBe(3);
    const house = await call('GET', '/api/house', { as: leader });
    const counts = await call(
      'GET',
      `/api/residences/${house.body.houses[0].residence.id}/outside-attendance?weeks=6`,
      {
        as: leader,
      },
    );
    const total = (counts.body.residents as { counts: number[] }[])
      .flatMap((r) => r.counts)
      .reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(10);
  });
});
