import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import { signIn } from '../../../test/factories.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.ts';

let leader: string;

beforeAll(async () => {
  await seedDemo(testDb());
  leader = await signIn('leader1', DEMO_PASSWORD);
});

describe('demo reach out now', () => {
  it('should give the first house one past alert, answered by its peer leader within minutes and closed', async () => {
    const me = await call('GET', '/api/me', { as: leader });
    const houseId = me.body.memberships.find((m: { role: string }) => m.role === 'peer_leader').residenceId;
    const record = await call('GET', `/api/residences/${houseId}/reach-out-alerts`, { as: leader });
    expect(record.status).toBe(200);
    expect(record.body.alerts).toHaveLength(1);
    const [alert] = record.body.alerts;
    expect(alert).toMatchObject({ state: 'closed', escalatedAt: null, alerted: { house: 3, escalation: 0 } });
    expect(alert.acknowledgements).toEqual([
      { personId: me.body.id, displayName: expect.any(String), at: expect.any(String) },
    ]);
    expect(Date.parse(alert.acknowledgements[0].at) - Date.parse(alert.createdAt)).toBe(2 * 60_000);
  });

  it('should leave nobody with an open alert or an alert waiting for them', async () => {
    const state = await call('GET', '/api/reach-out', { as: leader });
    expect(state.body.myAlert).toBeNull();
    expect(state.body.forMe).toEqual([]);
  });
});
