import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SUPPORT_KINDS } from '../../../shared/domain/vocabulary.ts';
import { call, testDb } from '../../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import {
  agendaItems,
  commitments,
  houseMeetings,
  meetingAttendance,
  motions,
  organizations,
  residences,
  supportLedger,
  votes,
} from '../../platform/database/schema.ts';
import { seedDecisions } from './decisions-seed.ts';
import { DEMO_SLUG, seedDemo } from './seed.ts';

let admin: TestPerson;
let houseId: string;
let people: TestPerson[];
const meetingIds: string[] = [];
const absentId = () => people[4]!.id;

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { bedCapacity: 10 })).id;
  people = [];
  for (const firstName of ['Ana', 'Ben', 'Carlos', 'Dana', 'Eve']) {
    people.push(await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName }));
  }
  // Six weekly meetings, the last one three days ago; the meetings seed would make these.
  for (let week = 6; week >= 1; week--) {
    const startsAt = new Date(Date.now() - (week * 7 - 4) * 86_400_000);
    const [meeting] = await testDb()
      .insert(houseMeetings)
      .values({
        organizationId: admin.organizationId,
        residenceId: houseId,
        kind: 'regular',
        title: 'Sunday house meeting',
        startsAt,
        localDate: startsAt.toISOString().slice(0, 10),
        state: 'closed',
        closedAt: startsAt,
        chairId: people[0]!.id,
        secretaryId: people[1]!.id,
      })
      .returning({ id: houseMeetings.id });
    meetingIds.push(meeting!.id);
    await testDb()
      .insert(agendaItems)
      .values(
        [
          { kind: 'business', title: 'House business', position: 1 },
          { kind: 'problem', title: 'Rides to work', position: 2, authorId: people[2]!.id },
          {
            kind: 'problem',
            title: 'Feeling alone at night',
            position: 3,
            authorId: people[3]!.id,
            anonymous: true,
          },
        ].map((i) => ({
          ...i,
          organizationId: admin.organizationId,
          residenceId: houseId,
          meetingId: meeting!.id,
        })),
      );
    await testDb()
      .insert(meetingAttendance)
      .values(
        people.map((p, i) => ({
          organizationId: admin.organizationId,
          meetingId: meeting!.id,
          personId: p.id,
          status: i === 4 ? 'absent' : 'present',
        })),
      );
  }
  await seedDecisions(testDb(), admin.organizationId);
});

describe('demo decisions', () => {
  it('gives closed meetings commitments of all four kinds, older ones mostly done with a ledger entry each', async () => {
    const rows = await testDb().select().from(commitments).where(eq(commitments.residenceId, houseId));
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((c) => c.supportKind))).toEqual(new Set(SUPPORT_KINDS));
    const done = rows.filter((c) => c.doneAt);
    const open = rows.filter((c) => !c.doneAt);
    expect(done.length).toBeGreaterThan(0);
    expect(open.length).toBeGreaterThan(0);
    const ledger = await testDb()
      .select()
      .from(supportLedger)
      .where(
        inArray(
          supportLedger.commitmentId,
          rows.map((c) => c.id),
        ),
      );
    expect(ledger.map((l) => l.commitmentId).sort()).toEqual(done.map((c) => c.id).sort());
    // Nobody helps themselves, and helpers were at the meeting.
    for (const c of rows) {
      expect(c.helpedId).not.toBe(c.helperId);
      expect(c.helperId).not.toBe(absentId());
    }
  });

  it('records decisions with votes by members present and a result', async () => {
    const list = await testDb().select().from(motions).where(inArray(motions.meetingId, meetingIds));
    expect(list.length).toBe(3);
    expect(list.every((m) => m.state === 'closed' && m.result !== null)).toBe(true);
    const allVotes = await testDb()
      .select()
      .from(votes)
      .where(
        inArray(
          votes.motionId,
          list.map((m) => m.id),
        ),
      );
    expect(allVotes.some((v) => v.personId === absentId())).toBe(false);
    for (const m of list) {
      const mine = allVotes.filter((v) => v.motionId === m.id);
      expect(m.votesFor! + m.votesAgainst! + m.abstentions!).toBe(mine.length);
    }
  });

  it('shows the seeded minutes to the house', async () => {
    const minutes = await call('GET', `/api/meetings/${meetingIds[0]}/minutes`, { as: people[2]! });
    expect(minutes.status).toBe(200);
    expect(minutes.body.motions.length + minutes.body.items[0].motions.length).toBe(1);
    const anonymous = minutes.body.items.find((i: { title: string }) => i.title === 'Feeling alone at night');
    expect(anonymous).toMatchObject({ anonymous: true, raisedBy: null });
  });
});

describe('the demo seed', () => {
  it("gives each demo house's past meetings decisions and commitments, some done and some open", async () => {
    await seedDemo(testDb());
    const [org] = await testDb().select().from(organizations).where(eq(organizations.slug, DEMO_SLUG));
    const houses = await testDb().select().from(residences).where(eq(residences.organizationId, org!.id));
    expect(houses.length).toBe(3);
    for (const house of houses) {
      const made = await testDb().select().from(commitments).where(eq(commitments.residenceId, house.id));
      expect(
        made.some((c) => c.doneAt),
        `${house.name} has done commitments`,
      ).toBe(true);
      expect(
        made.some((c) => !c.doneAt),
        `${house.name} has open commitments`,
      ).toBe(true);
      const meetings = await testDb()
        .select()
        .from(houseMeetings)
        .where(eq(houseMeetings.residenceId, house.id));
      const decided = await testDb()
        .select()
        .from(motions)
        .where(
          inArray(
            motions.meetingId,
            meetings.map((m) => m.id),
          ),
        );
      expect(decided.length, `${house.name} has decisions`).toBeGreaterThan(0);
      expect(decided.every((m) => m.result !== null)).toBe(true);
    }
    const all = await testDb().select().from(commitments).where(eq(commitments.organizationId, org!.id));
    expect(new Set(all.map((c) => c.supportKind))).toEqual(new Set(SUPPORT_KINDS));
    const results = await testDb().select().from(motions).where(eq(motions.organizationId, org!.id));
    expect(new Set(results.map((m) => m.result))).toContain('carried');
  });
});
