// The house's side of the journey: who sees whose milestones, congratulations, upcoming milestones.
import { beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/domain/dates.ts';
import { addDays } from '../../../shared/domain/recovery-time.ts';
import { call } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';

let admin: TestPerson;
let houseA: string;
let houseB: string;
let leaderA: TestPerson;
let leaderB: TestPerson;
let counselor: TestPerson;
let otherAdmin: TestPerson;
let hugo: TestPerson; // housemate without a clock
let bea: TestPerson; // resident of house B
const people: Record<string, TestPerson> = {};
const today = () => localDate('America/Chicago');

/** A resident of house A whose clock started `daysAgo` days ago, shown to `visibleTo`. */
async function resident(firstName: string, daysAgo: number, visibleTo: string) {
  const person = await buildPerson(admin, { role: 'resident', residenceId: houseA, firstName });
  const result = await call('POST', '/api/journey/clocks', {
    as: person,
    body: { startsOn: addDays(today(), -daysAgo), visibleTo },
  });
  expect(result.status).toBe(201);
  people[firstName] = person;
  return person;
}

const celebrationsFor = async (who: TestPerson | null, house = houseA) =>
  await call('GET', `/api/residences/${house}/celebrations`, { as: who });
const namesIn = (body: { celebrations: { displayName: string; milestone: { key: string } }[] }) =>
  body.celebrations.map((c) => `${c.displayName.split(' ')[0]} ${c.milestone.key}`).sort();
async function eventOf(name: string, key: string) {
  const journey = await call('GET', '/api/journey', { as: people[name] });
  return journey.body.clocks[0].reachedMilestones.find(
    (m: { milestone: { key: string } }) => m.milestone.key === key,
  ).id as string;
}

beforeAll(async () => {
  admin = await setUpOrganization();
  houseA = (await buildResidence(admin, { name: 'Maple House', bedCapacity: 20 })).id;
  houseB = (await buildResidence(admin, { name: 'Oak House', bedCapacity: 20 })).id;
  leaderA = await buildPerson(admin, { role: 'peer_leader', residenceId: houseA });
  leaderB = await buildPerson(admin, { role: 'peer_leader', residenceId: houseB });
  counselor = await buildPerson(admin, { role: 'counselor' });
  hugo = await buildPerson(admin, { role: 'resident', residenceId: houseA, firstName: 'Hugo' });
  bea = await buildPerson(admin, { role: 'resident', residenceId: houseB, firstName: 'Bea' });
  await resident('Rita', 30, 'house'); // 30 days today
  await resident('Pia', 60, 'peer_leader'); // 60 days today
  await resident('Sam', 80, 'only_me'); // 90 days in 10 days
  await resident('Olga', 1, 'organization'); // 24 hours today
  await resident('Una', 80, 'peer_leader'); // 90 days in 10 days
  await resident('Orla', 77, 'organization'); // 90 days in 13 days
  otherAdmin = (await buildOtherOrganization()).admin;
});

describe('GET /api/residences/:id/celebrations', () => {
  it("should show a housemate this week's milestones shown to the house or organization", async () => {
    const result = await celebrationsFor(hugo);
    expect(result.status).toBe(200);
    expect(namesIn(result.body)).toEqual(['Olga 24h', 'Rita 30d']);
    expect(result.body.celebrations[0]).toEqual({
      id: expect.any(String),
      personId: expect.any(String),
      displayName: expect.stringMatching(/^(Rita|Olga) /),
      milestone: expect.any(Object),
      reachedOn: today(),
      congratulations: 0,
      congratulatedByMe: false,
      isMe: false,
    });
  });

  it('should show the peer leader also what was shown to the peer leader, never what is only mine', async () => {
    expect(namesIn((await celebrationsFor(leaderA)).body)).toEqual(['Olga 24h', 'Pia 60d', 'Rita 30d']);
  });

  it('should show a person their own milestone, marked as theirs', async () => {
    const result = await celebrationsFor(people.Sam as TestPerson);
    expect(namesIn(result.body)).toEqual(['Olga 24h', 'Rita 30d']);
    const mine = await celebrationsFor(people.Rita as TestPerson);
    expect(mine.body.celebrations.find((c: { isMe: boolean }) => c.isMe)).toMatchObject({
      milestone: { key: '30d' },
    });
  });

  it('should show an admin only milestones shown to the organization', async () => {
    expect(namesIn((await celebrationsFor(admin)).body)).toEqual(['Olga 24h']);
  });

  it('should not show milestones older than a week', async () => {
    const names = namesIn((await celebrationsFor(leaderA)).body);
    expect(names).not.toContain('Rita 24h');
    expect(names).not.toContain('Una 60d');
  });

  it('should fail with 403 for a peer leader or resident of another house, and a counselor', async () => {
    for (const who of [leaderB, bea, counselor]) expect((await celebrationsFor(who)).status).toBe(403);
  });

  it('should fail with 404 for an admin of another organization, 401 when signed out, 400 for a bad id', async () => {
    expect((await celebrationsFor(otherAdmin)).status).toBe(404);
    expect((await celebrationsFor(null)).status).toBe(401);
    expect((await call('GET', '/api/residences/nope/celebrations', { as: hugo })).status).toBe(400);
  });

  it('should show house B its own (empty) feed', async () => {
    expect((await celebrationsFor(bea, houseB)).body).toEqual({ celebrations: [] });
  });
});

describe('POST /api/milestones/:id/congratulations', () => {
  it('should congratulate once: 201, then 200 with the same count', async () => {
    const id = await eventOf('Rita', '30d');
    const first = await call('POST', `/api/milestones/${id}/congratulations`, { as: hugo });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ milestoneEventId: id, congratulations: 1, congratulatedByMe: true });
    const again = await call('POST', `/api/milestones/${id}/congratulations`, { as: hugo });
    expect(again.status).toBe(200);
    expect(again.body.congratulations).toBe(1);
    const byLeader = await call('POST', `/api/milestones/${id}/congratulations`, { as: leaderA });
    expect(byLeader.body.congratulations).toBe(2);

    const feed = await celebrationsFor(hugo);
    expect(feed.body.celebrations.find((c: { id: string }) => c.id === id)).toMatchObject({
      congratulations: 2,
      congratulatedByMe: true,
    });
    const journey = await call('GET', '/api/journey', { as: people.Rita });
    expect(journey.body.clocks[0].reachedMilestones[0]).toMatchObject({ id, congratulations: 2 });
  });

  it('should let an admin congratulate a milestone shown to the organization', async () => {
    const id = await eventOf('Olga', '24h');
    expect((await call('POST', `/api/milestones/${id}/congratulations`, { as: admin })).status).toBe(201);
  });

  it("should fail with 404 for a milestone the clock's audience leaves the caller out of", async () => {
    const pia = await eventOf('Pia', '60d');
    const sam = await eventOf('Sam', '60d');
    const rita = await eventOf('Rita', '30d');
    const olga = await eventOf('Olga', '24h');
    const cases: [TestPerson, string][] = [
      [hugo, pia],
      [hugo, sam],
      [leaderA, sam],
      [leaderB, rita],
      [bea, rita],
      [counselor, olga],
      [admin, rita],
      [otherAdmin, olga],
    ];
    for (const [who, id] of cases) {
      const result = await call('POST', `/api/milestones/${id}/congratulations`, { as: who });
      expect(result.status, result.text).toBe(404);
    }
    const journey = await call('GET', '/api/journey', { as: people.Pia });
    expect(journey.body.clocks[0].reachedMilestones[0].congratulations).toBe(0);
  });

  it('should fail with 400 journey.own_milestone for my own milestone, 400 for a bad id, 404 for an unknown one, 401 signed out', async () => {
    const rita = await eventOf('Rita', '30d');
    const own = await call('POST', `/api/milestones/${rita}/congratulations`, { as: people.Rita });
    expect(own.status).toBe(400);
    expect(own.body.error).toMatchObject({ code: 'bad_request', reason: 'journey.own_milestone' });
    expect((await call('POST', '/api/milestones/nope/congratulations', { as: hugo })).status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call('POST', `/api/milestones/${unknown}/congratulations`, { as: hugo })).status).toBe(404);
    expect((await call('POST', `/api/milestones/${rita}/congratulations`)).status).toBe(401);
  });
});

describe('GET /api/residences/:id/upcoming-milestones', () => {
  const upcomingFor = async (who: TestPerson | null, house = houseA) =>
    await call('GET', `/api/residences/${house}/upcoming-milestones`, { as: who });

  it("should show the house's peer leader the next 14 days, only of people who show it to them", async () => {
    const result = await upcomingFor(leaderA);
    expect(result.status).toBe(200);
    expect(result.body.upcoming).toEqual([
      {
        personId: people.Una?.id,
        displayName: expect.stringMatching(/^Una /),
        milestone: { key: '90d', unit: 'days', count: 90 },
        date: addDays(today(), 10),
        daysTo: 10,
      },
      expect.objectContaining({ personId: people.Orla?.id, daysTo: 13 }),
    ]);
  });

  it('should show an admin only people who show it to the organization', async () => {
    const result = await upcomingFor(admin);
    expect(result.body.upcoming.map((u: { personId: string }) => u.personId)).toEqual([people.Orla?.id]);
  });

  it('should fail with 403 for residents, a counselor and the peer leader of another house', async () => {
    for (const who of [hugo, bea, counselor, leaderB]) expect((await upcomingFor(who)).status).toBe(403);
  });

  it('should fail with 404 for an admin of another organization and 401 signed out', async () => {
    expect((await upcomingFor(otherAdmin)).status).toBe(404);
    expect((await upcomingFor(null)).status).toBe(401);
  });
});

describe('audit of reads about other people', () => {
  it("should record an admin's and a peer leader's reads, and refusals", async () => {
    await celebrationsFor(admin);
    await call('GET', `/api/residences/${houseA}/upcoming-milestones`, { as: leaderA });
    await celebrationsFor(leaderB);
    const log = await call('GET', '/api/audit?limit=200', { as: admin });
    const events = log.body.events;
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'celebrations.read',
        actorId: admin.id,
        subjectId: houseA,
        outcome: 'allowed',
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'upcoming-milestones.read',
        actorId: leaderA.id,
        outcome: 'allowed',
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ action: 'celebrations.read', actorId: leaderB.id, outcome: 'denied' }),
    );
  });
});
