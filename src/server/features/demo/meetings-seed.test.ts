import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import { signIn } from '../../../test/factories.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.ts';

let leader: string;
let residenceId: string;

beforeAll(async () => {
  await seedDemo(testDb());
  leader = await signIn('leader1', DEMO_PASSWORD);
  const house = await call('GET', '/api/house', { as: leader });
  residenceId = house.body.houses[0].residence.id;
});

describe('demo house meetings', () => {
  it('should give each house six closed Sunday meetings with minutes and eight weeks ahead', async () => {
    const list = await call('GET', `/api/residences/${residenceId}/meetings?pastLimit=50`, { as: leader });
    expect(list.status).toBe(200);
    expect(list.body.series).toHaveLength(1);
    expect(list.body.past).toHaveLength(6);
    expect(list.body.upcoming.length).toBeGreaterThanOrEqual(8);
    const chairs = new Set(list.body.past.map((m: { chair: { personId: string } }) => m.chair.personId));
    expect(chairs.size).toBeGreaterThan(3);
    const closed = await call('GET', `/api/meetings/${list.body.past[0].id}`, { as: leader });
    expect(closed.body.state).toBe('closed');
    expect(
      closed.body.attendance.filter((a: { status: string }) => a.status === 'present').length,
    ).toBeGreaterThan(2);
    const problems = closed.body.agenda.filter((i: { kind: string }) => i.kind === 'problem');
    expect(problems.length).toBeGreaterThan(0);
    for (const item of problems) expect(item.minutes).not.toBe('');
    const next = await call('GET', `/api/meetings/${list.body.upcoming[0].id}`, { as: leader });
    expect(next.body.agenda.some((i: { kind: string }) => i.kind === 'problem')).toBe(true);
    const reminders = await call('GET', '/api/notifications', { as: leader });
    // Other areas' demo notifications (a past reach-out alert) share the list; the reminder is one of them.
    expect(
      reminders.body.notifications.filter((n: { kind: string }) => n.kind === 'meeting_reminder'),
    ).toMatchObject([{ kind: 'meeting_reminder', meetingId: list.body.upcoming[0].id, readAt: null }]);
  });

  it('should raise some items without a name, hidden from peers who are not the chair', async () => {
    const list = await call('GET', `/api/residences/${residenceId}/meetings?pastLimit=50`, { as: leader });
    const details = await Promise.all(
      list.body.past.map((m: { id: string }) => call('GET', `/api/meetings/${m.id}`, { as: leader })),
    );
    const anonymous = details.flatMap((d) =>
      d.body.agenda
        .filter((i: { anonymous: boolean }) => i.anonymous)
        .map((i: { id: string }) => ({ item: i, meeting: d.body })),
    );
    expect(anonymous.length).toBeGreaterThan(0);
    // The peer leader sees who raised it; a housemate who neither chaired nor raised it does not.
    const { item, meeting } = anonymous[0]!;
    expect(item.author).not.toBeNull();
    const leaderId = (await call('GET', '/api/me', { as: leader })).body.id;
    const peer = meeting.attendance.find(
      (a: { personId: string }) =>
        ![item.author.personId, meeting.chair.personId, leaderId].includes(a.personId),
    );
    expect(peer).toBeDefined();
    // Demo usernames are the first name and the house number (house 1 here).
    const peerLogin = `${peer.displayName.split(' ')[0].toLowerCase()}1`;
    const asPeer = await call('GET', `/api/meetings/${meeting.id}`, {
      as: await signIn(peerLogin, DEMO_PASSWORD),
    });
    expect(asPeer.status).toBe(200);
    const seen = asPeer.body.agenda.find((i: { id: string }) => i.id === item.id);
    expect(seen).toMatchObject({ anonymous: true, author: null });
    expect(JSON.stringify(asPeer.body.agenda)).not.toContain(item.author.personId);
  });
});
