import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';

let admin: TestPerson;
let houseA: { id: string };
let houseB: { id: string };
let leader: TestPerson;
let viewer: TestPerson;
let neighbour: TestPerson;
let otherHouse: TestPerson;
let counselor: TestPerson;
let otherAdmin: TestPerson;

beforeAll(async () => {
  admin = await setUpOrganization();
  houseA = await buildResidence(admin, { name: 'Maple House', bedCapacity: 20 });
  houseB = await buildResidence(admin, { name: 'Oak House', bedCapacity: 20 });
  leader = await buildPerson(admin, {
    role: 'peer_leader',
    residenceId: houseA.id,
    firstName: 'Lena',
    lastName: 'Leaderman',
  });
  viewer = await buildPerson(admin, {
    role: 'resident',
    residenceId: houseA.id,
    firstName: 'Vera',
    lastName: 'Viewerson',
    bed: 'Bed 1',
  });
  neighbour = await buildPerson(admin, {
    role: 'resident',
    residenceId: houseA.id,
    firstName: 'Nora',
    lastName: 'Zephyrine',
    pronouns: 'she/her',
  });
  await call('PATCH', '/api/me/profile', { as: neighbour, body: { recoveryPathway: 'twelve_step' } });
  otherHouse = await buildPerson(admin, { role: 'resident', residenceId: houseB.id });
  counselor = await buildPerson(admin, { role: 'counselor' });
  otherAdmin = (await buildOtherOrganization()).admin;
});

const houseOf = async (who: TestPerson) =>
  (await call('GET', `/api/residences/${houseA.id}/house`, { as: who })).body;
const seenBy = async (who: TestPerson, personId: string) => {
  const house = await houseOf(who);
  return [...house.residents, ...house.peerLeaders].find(
    (p: { personId: string }) => p.personId === personId,
  );
};

describe('GET /api/house (my house)', () => {
  it('should show a resident their house: housemates, the peer leader and their own membership', async () => {
    const result = await call('GET', '/api/house', { as: viewer });
    expect(result.status).toBe(200);
    expect(result.body.houses).toHaveLength(1);
    const house = result.body.houses[0];
    expect(house.residence).toMatchObject({ id: houseA.id, name: 'Maple House', bedCapacity: 20 });
    expect(house.peerLeaders).toEqual([
      expect.objectContaining({ personId: leader.id, displayName: 'Lena L.', isMe: false }),
    ]);
    expect(house.residents.map((r: { displayName: string }) => r.displayName)).toEqual([
      'Nora Z.',
      'Vera V.',
    ]);
    expect(house.myMembership).toMatchObject({ role: 'resident', bed: 'Bed 1' });
  });

  it('should show the peer leader the house they lead', async () => {
    const result = await call('GET', '/api/house', { as: leader });
    expect(result.body.houses.map((h: { residence: { id: string } }) => h.residence.id)).toEqual([houseA.id]);
    expect(result.body.houses[0].myMembership.role).toBe('peer_leader');
  });

  it('should show a counselor no house', async () => {
    const result = await call('GET', '/api/house', { as: counselor });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ houses: [] });
  });

  it('should show a resident of another house only their own house', async () => {
    const result = await call('GET', '/api/house', { as: otherHouse });
    expect(result.body.houses.map((h: { residence: { id: string } }) => h.residence.id)).toEqual([houseB.id]);
    expect(result.text).not.toContain('Nora');
  });
});

describe('what housemates see of each other', () => {
  it('should never show a last name, only its initial', async () => {
    for (const who of [viewer, leader, admin]) {
      const text = JSON.stringify(await houseOf(who));
      expect(text).not.toContain('Zephyrine');
      expect(text).not.toContain('Viewerson');
      expect(text).not.toContain('Leaderman');
    }
  });

  it('should show pronouns to housemates by default (visible to the house)', async () => {
    expect(await seenBy(viewer, neighbour.id)).toMatchObject({ displayName: 'Nora Z.', pronouns: 'she/her' });
  });

  it('should hide the recovery pathway by default (only me)', async () => {
    expect((await seenBy(viewer, neighbour.id)).recoveryPathway).toBeNull();
    expect((await seenBy(leader, neighbour.id)).recoveryPathway).toBeNull();
    expect((await seenBy(admin, neighbour.id)).recoveryPathway).toBeNull();
  });

  it('should always show me my own pathway and pronouns', async () => {
    expect(await seenBy(neighbour, neighbour.id)).toMatchObject({
      isMe: true,
      pronouns: 'she/her',
      recoveryPathway: 'twelve_step',
    });
  });

  it('should show the pathway to housemates once it is visible to the house, but not to an admin', async () => {
    await call('PATCH', '/api/me/privacy', { as: neighbour, body: { pathwayVisibleTo: 'house' } });
    expect((await seenBy(viewer, neighbour.id)).recoveryPathway).toBe('twelve_step');
    expect((await seenBy(admin, neighbour.id)).recoveryPathway).toBeNull();
    await call('PATCH', '/api/me/privacy', { as: neighbour, body: { pathwayVisibleTo: 'only_me' } });
  });

  it('should hide pronouns from housemates when they are only for me', async () => {
    await call('PATCH', '/api/me/privacy', { as: neighbour, body: { pronounsVisibleTo: 'only_me' } });
    expect((await seenBy(viewer, neighbour.id)).pronouns).toBeNull();
    expect((await seenBy(neighbour, neighbour.id)).pronouns).toBe('she/her');
    await call('PATCH', '/api/me/privacy', { as: neighbour, body: { pronounsVisibleTo: 'house' } });
  });

  it('should show pronouns to an admin only when visible to the whole organization', async () => {
    expect((await seenBy(admin, neighbour.id)).pronouns).toBeNull();
    await call('PATCH', '/api/me/privacy', { as: neighbour, body: { pronounsVisibleTo: 'organization' } });
    expect((await seenBy(admin, neighbour.id)).pronouns).toBe('she/her');
    expect((await seenBy(viewer, neighbour.id)).pronouns).toBe('she/her');
    await call('PATCH', '/api/me/privacy', { as: neighbour, body: { pronounsVisibleTo: 'house' } });
  });

  it('should show only the first name when the person chose first_only', async () => {
    await call('PATCH', '/api/me/privacy', { as: neighbour, body: { nameStyle: 'first_only' } });
    expect((await seenBy(viewer, neighbour.id)).displayName).toBe('Nora');
    await call('PATCH', '/api/me/privacy', { as: neighbour, body: { nameStyle: 'first_last_initial' } });
  });

  it('should not show anything else about a housemate (no username, email, bed or ids of memberships)', async () => {
    const seen = await seenBy(viewer, neighbour.id);
    expect(Object.keys(seen).sort()).toEqual([
      'displayName',
      'isMe',
      'personId',
      'pronouns',
      'recoveryPathway',
      'stage',
    ]);
  });

  it("should show a housemate's level of recovery only to the audience they chose", async () => {
    const startsOn = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
    await call('POST', '/api/journey/clocks', { as: neighbour, body: { startsOn, visibleTo: 'only_me' } });
    expect((await seenBy(viewer, neighbour.id)).stage).toBeNull();
    expect((await seenBy(neighbour, neighbour.id)).stage).toBe('months_3_to_12');
    await call('PATCH', '/api/me/privacy', { as: neighbour, body: { stageVisibleTo: 'peer_leader' } });
    expect((await seenBy(viewer, neighbour.id)).stage).toBeNull();
    expect((await seenBy(leader, neighbour.id)).stage).toBe('months_3_to_12');
    await call('PATCH', '/api/me/privacy', { as: neighbour, body: { stageVisibleTo: 'house' } });
    expect((await seenBy(viewer, neighbour.id)).stage).toBe('months_3_to_12');
    await call('PATCH', '/api/me/privacy', { as: neighbour, body: { stageVisibleTo: 'only_me' } });
    expect((await seenBy(viewer, neighbour.id)).stage).toBeNull();
  });

  it('should follow the current stretch of my first clock through resets, a new clock, archiving and restoring', async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const mover = await buildPerson(admin, { role: 'resident', residenceId: houseA.id });
    await call('PATCH', '/api/me/privacy', { as: mover, body: { stageVisibleTo: 'house' } });
    const stage = async () => (await seenBy(viewer, mover.id)).stage;
    expect(await stage()).toBeNull();
    const first = await call('POST', '/api/journey/clocks', {
      as: mover,
      body: { label: 'alcohol', startsOn: daysAgo(800) },
    });
    expect(first.status, first.text).toBe(201);
    const alcohol = first.body.clocks.find((c: { label: string }) => c.label === 'alcohol').id;
    expect(await stage()).toBe('years_1_to_5');
    // A second clock does not change the stage: it follows the first clock.
    await call('POST', '/api/journey/clocks', {
      as: mover,
      body: { label: 'opioids', startsOn: daysAgo(200) },
    });
    expect(await stage()).toBe('years_1_to_5');
    const reset = await call('POST', `/api/journey/clocks/${alcohol}/reset`, {
      as: mover,
      body: { startsOn: daysAgo(3) },
    });
    expect(reset.status, reset.text).toBe(200);
    expect(await stage()).toBe('first_90_days');
    // Put away, the next clock counts; brought back, the first one counts again.
    expect((await call('POST', `/api/journey/clocks/${alcohol}/archive`, { as: mover })).status).toBe(200);
    expect(await stage()).toBe('months_3_to_12');
    expect((await call('POST', `/api/journey/clocks/${alcohol}/restore`, { as: mover })).status).toBe(200);
    expect(await stage()).toBe('first_90_days');
  });
});

describe('GET /api/residences/:id/house', () => {
  it('should fail with 403 for a resident of another house, and record the refusal', async () => {
    const result = await call('GET', `/api/residences/${houseA.id}/house`, { as: otherHouse });
    expect(result.status).toBe(403);
    expect(result.body).toEqual({
      error: { code: 'forbidden', reason: 'request.forbidden', message: 'You do not have access to this.' },
    });
    const log = await call('GET', '/api/audit?limit=200', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({
        action: 'house.read',
        actorId: otherHouse.id,
        subjectId: houseA.id,
        outcome: 'denied',
      }),
    );
  });

  it('should fail with 403 for a counselor', async () => {
    expect((await call('GET', `/api/residences/${houseA.id}/house`, { as: counselor })).status).toBe(403);
  });

  it('should fail with 404 for an admin of another organization', async () => {
    const result = await call('GET', `/api/residences/${houseA.id}/house`, { as: otherAdmin });
    expect(result.status).toBe(404);
    expect(result.text).not.toContain('Maple');
  });

  it('should fail with 404 for a house that does not exist, even for an admin', async () => {
    expect(
      (await call('GET', '/api/residences/00000000-0000-4000-8000-000000000000/house', { as: admin })).status,
    ).toBe(404);
  });

  it('should fail with 401 when nobody is signed in', async () => {
    expect((await call('GET', `/api/residences/${houseA.id}/house`)).status).toBe(401);
  });

  it('should let an admin read any house of the organization, and record that read', async () => {
    const result = await call('GET', `/api/residences/${houseB.id}/house`, { as: admin });
    expect(result.status).toBe(200);
    expect(result.body.myMembership).toBeNull();
    const log = await call('GET', '/api/audit', { as: admin });
    expect(log.body.events).toContainEqual(
      expect.objectContaining({
        action: 'house.read',
        subjectId: houseB.id,
        actorId: admin.id,
        outcome: 'allowed',
      }),
    );
  });

  it('should not record the reads of the house by its own members', async () => {
    await call('GET', `/api/residences/${houseA.id}/house`, { as: viewer });
    const log = await call('GET', '/api/audit?limit=200', { as: admin });
    expect(log.body.events).not.toContainEqual(
      expect.objectContaining({ action: 'house.read', actorId: viewer.id }),
    );
  });
});
