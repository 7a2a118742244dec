// A congratulation and a milestone reached notify their person, and nobody else.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/domain/dates.ts';
import { addDays } from '../../../shared/domain/recovery-time.ts';
import { call, testDb } from '../../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import { milestoneEvents, notifications, recoveryStretches } from '../../platform/database/schema.ts';
import { recordMilestonesForEveryone } from './service.ts';

let admin: TestPerson;
let houseId: string;

const noticesOf = (person: TestPerson, kind: 'congratulations' | 'milestone_reached') =>
  testDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, person.id), eq(notifications.kind, kind)));

async function residentWithClock(visibleTo: string, startsOn: string) {
  const person = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Rosa' });
  await call('PATCH', '/api/me/profile', { as: person, body: { timeZone: 'America/Chicago' } });
  const created = await call('POST', '/api/journey/clocks', { as: person, body: { startsOn, visibleTo } });
  expect(created.status).toBe(201);
  return person;
}

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { name: 'Maple House', bedCapacity: 20 })).id;
});

describe('journey notifications', () => {
  it('should tell the person of a milestone reached today, once, and nobody else — a clock only they see too', async () => {
    const now = new Date();
    const today = localDate('America/Chicago', now);
    const housemate = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const rosa = await residentWithClock('only_me', addDays(today, -10));
    // Starting a clock with an old date records history; it is not news.
    expect(await noticesOf(rosa, 'milestone_reached')).toEqual([]);
    await testDb()
      .update(recoveryStretches)
      .set({ startsOn: addDays(today, -30) })
      .where(eq(recoveryStretches.personId, rosa.id));
    await recordMilestonesForEveryone(testDb(), now);
    await recordMilestonesForEveryone(testDb(), now);
    const notices = await noticesOf(rosa, 'milestone_reached');
    expect(notices.map((n) => n.data)).toEqual([
      expect.objectContaining({ milestone: '30d', reachedOn: today, urgent: false }),
    ]);
    const everyone = await testDb()
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'milestone_reached'));
    expect(everyone.map((n) => n.personId)).toEqual([rosa.id]);
    expect(await noticesOf(housemate, 'milestone_reached')).toEqual([]);
    // The list shows it with a screen to open.
    const list = (await call('GET', '/api/notifications', { as: rosa })).body.notifications;
    expect(list).toContainEqual(expect.objectContaining({ kind: 'milestone_reached', readAt: null }));
  });

  it('should tell the person who congratulated them, once per peer', async () => {
    const today = localDate('America/Chicago', new Date());
    const rosa = await residentWithClock('house', addDays(today, -1));
    const peer = await buildPerson(admin, {
      role: 'resident',
      residenceId: houseId,
      firstName: 'Tomas',
      lastName: 'Vega',
    });
    const [event] = await testDb()
      .select()
      .from(milestoneEvents)
      .where(eq(milestoneEvents.personId, rosa.id));
    expect((await call('POST', `/api/milestones/${event!.id}/congratulations`, { as: peer })).status).toBe(
      201,
    );
    expect((await call('POST', `/api/milestones/${event!.id}/congratulations`, { as: peer })).status).toBe(
      200,
    );
    const notices = await noticesOf(rosa, 'congratulations');
    expect(notices.map((n) => n.data)).toEqual([
      expect.objectContaining({ milestoneEventId: event!.id, milestone: '24h', personName: 'Tomas V.' }),
    ]);
    expect(await noticesOf(peer, 'congratulations')).toEqual([]);
  });
});
