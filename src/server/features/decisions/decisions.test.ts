import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  signIn,
  type TestPerson,
} from '../../../test/factories.ts';
import {
  agendaItems,
  auditEvents,
  commitments,
  houseMeetingSettings,
  houseMeetings,
  meetingAttendance,
  memberships,
  motions,
  supportLedger,
  votes,
} from '../../platform/database/schema.ts';
import { resultOf } from './motions.ts';

let admin: TestPerson;
let houseId: string;
let otherHouseId: string;
let leader: TestPerson;
let chair: TestPerson;
let secretary: TestPerson;
let carlos: TestPerson;
let dana: TestPerson;
let quinn: TestPerson;
let outsider: TestPerson;
let counselor: TestPerson;
let otherOrgAdmin: TestPerson;
let meetingId: string;
let upcomingId: string;
let otherHouseMeetingId: string;
let anonymousItemId: string;
let kitchenItemId: string;

// Meetings, items and attendance are features/meetings' to create; these tests build them directly.
async function buildMeeting(
  residenceId: string,
  state: string,
  overrides: Partial<typeof houseMeetings.$inferInsert> = {},
) {
  const [row] = await testDb()
    .insert(houseMeetings)
    .values({
      organizationId: admin.organizationId,
      residenceId,
      kind: 'regular',
      title: 'Sunday house meeting',
      startsAt: new Date('2026-11-22T18:00:00Z'),
      localDate: '2026-11-22',
      state,
      chairId: chair.id,
      secretaryId: secretary.id,
      ...overrides,
    })
    .returning({ id: houseMeetings.id });
  return row!.id;
}
async function buildItem(
  meeting: string,
  residenceId: string,
  values: Partial<typeof agendaItems.$inferInsert>,
) {
  const [row] = await testDb()
    .insert(agendaItems)
    .values({
      organizationId: admin.organizationId,
      residenceId,
      meetingId: meeting,
      title: 'An item',
      position: 1,
      ...values,
    })
    .returning({ id: agendaItems.id });
  return row!.id;
}
async function markAttendance(meeting: string, person: TestPerson, status: string) {
  await testDb()
    .insert(meetingAttendance)
    .values({ organizationId: admin.organizationId, meetingId: meeting, personId: person.id, status })
    .onConflictDoUpdate({
      target: [meetingAttendance.meetingId, meetingAttendance.personId],
      set: { status },
    });
}
const countOf = async (table: typeof commitments | typeof motions) =>
  (await testDb().select({ n: count() }).from(table))[0]!.n;
/** Support ledger entries of this test's organization (the demo organization has its own). */
const ledgerCount = async () =>
  (
    await testDb()
      .select({ n: count() })
      .from(supportLedger)
      .where(eq(supportLedger.organizationId, admin.organizationId))
  )[0]!.n;
const voteRows = async (motionId: string) =>
  await testDb().select().from(votes).where(eq(votes.motionId, motionId));

const commitment = (overrides: Record<string, unknown> = {}) => ({
  agendaItemId: kitchenItemId,
  helperId: carlos.id,
  helpedId: dana.id,
  description: 'Will drive Dana to the Tuesday meeting',
  supportKind: 'instrumental',
  dueOn: '2026-12-01',
  ...overrides,
});

beforeAll(async () => {
  admin = await setUpOrganization();
  houseId = (await buildResidence(admin, { bedCapacity: 20 })).id;
  otherHouseId = (await buildResidence(admin)).id;
  leader = await buildPerson(admin, { role: 'peer_leader', residenceId: houseId, firstName: 'Lena' });
  chair = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Ana' });
  secretary = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Ben' });
  carlos = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Carlos' });
  dana = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Dana' });
  quinn = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Quinnevere' });
  outsider = await buildPerson(admin, { role: 'resident', residenceId: otherHouseId, firstName: 'Xavi' });
  counselor = await buildPerson(admin, { role: 'counselor' });
  otherOrgAdmin = (await buildOtherOrganization()).admin;

  meetingId = await buildMeeting(houseId, 'in_progress');
  upcomingId = await buildMeeting(houseId, 'upcoming', { localDate: '2026-11-29' });
  otherHouseMeetingId = await buildMeeting(otherHouseId, 'in_progress', { chairId: outsider.id });
  anonymousItemId = await buildItem(meetingId, houseId, {
    title: 'Someone is struggling with loud music at night',
    authorId: quinn.id,
    anonymous: true,
    position: 2,
    minutes: 'We agreed on headphones after ten.',
  });
  kitchenItemId = await buildItem(meetingId, houseId, {
    title: 'The kitchen is a mess on weekends',
    authorId: carlos.id,
    position: 1,
    minutes: 'A weekend kitchen rota, 50% of it on Saturdays.',
  });
  for (const p of [chair, secretary, carlos, leader]) await markAttendance(meetingId, p, 'present');
  await markAttendance(meetingId, dana, 'absent');
  await markAttendance(meetingId, quinn, 'excused');
});

describe('recording commitments', () => {
  it('lets the chair record who helps whom, how, with which kind of support and by when', async () => {
    const result = await call('POST', `/api/meetings/${meetingId}/commitments`, {
      as: chair,
      body: commitment(),
    });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      meetingId,
      agendaItemId: kitchenItemId,
      itemTitle: 'The kitchen is a mess on weekends',
      helper: { personId: carlos.id, displayName: expect.stringMatching(/^Carlos/) },
      helped: { personId: dana.id },
      supportKind: 'instrumental',
      dueOn: '2026-12-01',
      doneAt: null,
      canMarkDone: false,
    });
    const [audit] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'commitment.record'), eq(auditEvents.subjectId, result.body.id)));
    expect(audit?.actorId).toBe(chair.id);
  });

  it('lets the secretary record a commitment to the whole house, and the peer leader one too', async () => {
    const house = await call('POST', `/api/meetings/${meetingId}/commitments`, {
      as: secretary,
      body: commitment({ helperId: secretary.id, helpedId: null, supportKind: 'affiliational', dueOn: null }),
    });
    expect(house.status).toBe(201);
    expect(house.body.helped).toBeNull();
    const byLeader = await call('POST', `/api/meetings/${meetingId}/commitments`, {
      as: leader,
      body: commitment({ helperId: leader.id, supportKind: 'emotional', agendaItemId: null }),
    });
    expect(byLeader.status).toBe(201);
    expect(byLeader.body.agendaItemId).toBeNull();
  });

  it('refuses a resident who is neither chair, secretary nor peer leader (403 decisions.not_recorder), writing nothing', async () => {
    const before = await countOf(commitments);
    const result = await call('POST', `/api/meetings/${meetingId}/commitments`, {
      as: carlos,
      body: commitment(),
    });
    expect(result.status).toBe(403);
    expect(result.body.error.reason).toBe('decisions.not_recorder');
    expect(result.body.error.message).toMatch(/chair, the secretary or the peer leader/);
    expect(await countOf(commitments)).toBe(before);
  });

  it.each([
    ['helpedId', () => ({ helpedId: outsider.id })],
    ['helperId', () => ({ helperId: outsider.id })],
    ['helpedId', () => ({ helpedId: counselor.id })],
    ['helpedId', () => ({ helpedId: otherOrgAdmin.id })],
  ])(
    'refuses a commitment naming a person outside the house (400 on %s), writing nothing',
    async (field, make) => {
      const before = await countOf(commitments);
      const result = await call('POST', `/api/meetings/${meetingId}/commitments`, {
        as: chair,
        body: commitment(make()),
      });
      expect(result.status).toBe(400);
      expect(result.body.error.reason).toBe('request.invalid');
      expect(result.body.error.fields).toEqual([
        { field, reason: 'decisions.not_house_member', message: 'is not a current member of this house' },
      ]);
      expect(await countOf(commitments)).toBe(before);
    },
  );

  it.each([
    ['supportKind', { supportKind: 'financial' }],
    ['description', { description: '   ' }],
    ['dueOn', { dueOn: '2026-13-40' }],
    ['helperId', { helperId: 'not-an-id' }],
    ['agendaItemId', { agendaItemId: '00000000-0000-4000-8000-000000000000' }],
  ])('refuses bad input naming the field (%s)', async (field, overrides) => {
    const before = await countOf(commitments);
    const result = await call('POST', `/api/meetings/${meetingId}/commitments`, {
      as: chair,
      body: commitment(overrides),
    });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body.error.fields)).toContain(field);
    expect(await countOf(commitments)).toBe(before);
  });

  it('refuses an agenda item of another meeting (400 decisions.not_an_item_of_meeting)', async () => {
    const elsewhere = await buildItem(upcomingId, houseId, { title: 'Later' });
    const result = await call('POST', `/api/meetings/${meetingId}/commitments`, {
      as: chair,
      body: commitment({ agendaItemId: elsewhere }),
    });
    expect(result.status).toBe(400);
    expect(result.body.error.fields[0]).toMatchObject({
      field: 'agendaItemId',
      reason: 'decisions.not_an_item_of_meeting',
    });
  });

  it('waits for the meeting to start (409 decisions.not_in_progress on an upcoming meeting)', async () => {
    const result = await call('POST', `/api/meetings/${upcomingId}/commitments`, {
      as: chair,
      body: commitment({ agendaItemId: null }),
    });
    expect(result.status).toBe(409);
    expect(result.body.error.reason).toBe('decisions.not_in_progress');
  });

  it('shows nothing to people outside the house: another house, counselors, admins, another organization (404)', async () => {
    for (const as of [outsider, counselor, admin, otherOrgAdmin]) {
      expect((await call('GET', `/api/meetings/${meetingId}/commitments`, { as })).status).toBe(404);
      expect(
        (await call('POST', `/api/meetings/${meetingId}/commitments`, { as, body: commitment() })).status,
      ).toBe(404);
    }
    expect((await call('GET', `/api/meetings/${meetingId}/commitments`)).status).toBe(401);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call('GET', `/api/meetings/${unknown}/commitments`, { as: chair })).status).toBe(404);
    expect(
      (await call('GET', `/api/meetings/${otherHouseMeetingId}/commitments`, { as: chair })).status,
    ).toBe(404);
    const denied = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'commitments.read'), eq(auditEvents.outcome, 'denied')));
    expect(denied.length).toBeGreaterThan(0);
  });

  it("lists a meeting's commitments (all, or one item's) with the house's current members", async () => {
    const all = await call('GET', `/api/meetings/${meetingId}/commitments`, { as: dana });
    expect(all.status).toBe(200);
    expect(all.body.commitments.length).toBe(3);
    const ids = all.body.members.map((m: { personId: string }) => m.personId);
    expect(ids).toEqual(
      expect.arrayContaining([leader.id, chair.id, secretary.id, carlos.id, dana.id, quinn.id]),
    );
    expect(ids).not.toContain(outsider.id);
    expect(ids).not.toContain(admin.id);
    const item = await call('GET', `/api/meetings/${meetingId}/commitments?itemId=${kitchenItemId}`, {
      as: dana,
    });
    expect(item.body.commitments.length).toBe(2);
    expect((await call('GET', `/api/meetings/${meetingId}/commitments?itemId=x`, { as: dana })).status).toBe(
      400,
    );
  });
});

describe('my commitments and marking them done', () => {
  it('shows each person the commitments they will keep, and the help coming to them', async () => {
    const mine = await call('GET', '/api/me/commitments', { as: carlos });
    expect(mine.status).toBe(200);
    expect(mine.body.mine.map((c: { helper: { personId: string } }) => c.helper.personId)).toEqual([
      carlos.id,
    ]);
    expect(mine.body.mine[0].canMarkDone).toBe(true);
    // The secretary's commitment to the whole house reaches Carlos too.
    expect(mine.body.forMe.map((c: { helped: null | object }) => c.helped)).toEqual([null]);
    const danas = await call('GET', '/api/me/commitments', { as: dana });
    expect(danas.body.mine).toEqual([]);
    expect(danas.body.forMe.length).toBe(3);
    const outsiders = await call('GET', '/api/me/commitments', { as: outsider });
    expect(outsiders.body).toEqual({ mine: [], forMe: [] });
    expect((await call('GET', '/api/me/commitments', { as: counselor })).body).toEqual({
      mine: [],
      forMe: [],
    });
  });

  it('lets only the helper or the peer leader mark one done; others 403 decisions.not_helper, other houses 404', async () => {
    const [c] = (await call('GET', '/api/me/commitments', { as: carlos })).body.mine;
    const byDana = await call('POST', `/api/commitments/${c.id}/done`, { as: dana, body: {} });
    expect(byDana.status).toBe(403);
    expect(byDana.body.error.reason).toBe('decisions.not_helper');
    expect((await call('POST', `/api/commitments/${c.id}/done`, { as: outsider, body: {} })).status).toBe(
      404,
    );
    expect((await call('POST', `/api/commitments/${c.id}/done`, { as: admin, body: {} })).status).toBe(404);
    expect(
      (await call('POST', `/api/commitments/${c.id}/done`, { as: otherOrgAdmin, body: {} })).status,
    ).toBe(404);
    const tooLong = await call('POST', `/api/commitments/${c.id}/done`, {
      as: carlos,
      body: { note: 'x'.repeat(281) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields[0].field).toMatch(/note/);
    expect(await ledgerCount()).toBe(0);
  });

  it('records a done commitment once, with its support ledger entry; a second time is 409 decisions.already_done and changes nothing', async () => {
    const [c] = (await call('GET', '/api/me/commitments', { as: carlos })).body.mine;
    const done = await call('POST', `/api/commitments/${c.id}/done`, {
      as: carlos,
      body: { note: 'We went together.' },
    });
    expect(done.status).toBe(200);
    expect(done.body.doneAt).not.toBeNull();
    expect(done.body.doneNote).toBe('We went together.');
    const ledger = await testDb().select().from(supportLedger).where(eq(supportLedger.commitmentId, c.id));
    expect(ledger).toEqual([
      expect.objectContaining({
        giverId: carlos.id,
        receiverId: dana.id,
        supportKind: 'instrumental',
        source: 'commitment',
        residenceId: houseId,
        note: 'We went together.',
      }),
    ]);
    const again = await call('POST', `/api/commitments/${c.id}/done`, { as: carlos, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('decisions.already_done');
    expect(again.body.error.message).toBe('This commitment is already marked done.');
    expect(await ledgerCount()).toBe(1);
    const [row] = await testDb().select().from(commitments).where(eq(commitments.id, c.id));
    expect(row?.doneNote).toBe('We went together.');
    expect((await call('GET', '/api/me/commitments', { as: carlos })).body.mine).toEqual([]);
  });

  it('lets the peer leader mark a housemate’s commitment done (a whole-house one has no receiver)', async () => {
    const open = await call('GET', `/api/residences/${houseId}/commitments`, { as: leader });
    const wholeHouse = open.body.commitments.find((c: { helped: unknown }) => c.helped === null);
    expect(wholeHouse.canMarkDone).toBe(true);
    const done = await call('POST', `/api/commitments/${wholeHouse.id}/done`, { as: leader, body: {} });
    expect(done.status).toBe(200);
    const [entry] = await testDb()
      .select()
      .from(supportLedger)
      .where(eq(supportLedger.commitmentId, wholeHouse.id));
    expect(entry).toMatchObject({ giverId: secretary.id, receiverId: null, supportKind: 'affiliational' });
  });

  it("lists a house's open commitments for the next agenda (and all with status=all), members only", async () => {
    const open = await call('GET', `/api/residences/${houseId}/commitments`, { as: carlos });
    expect(open.status).toBe(200);
    expect(open.body.commitments.map((c: { supportKind: string }) => c.supportKind)).toEqual(['emotional']);
    const all = await call('GET', `/api/residences/${houseId}/commitments?status=all`, { as: carlos });
    expect(all.body.commitments.length).toBe(3);
    expect(
      (await call('GET', `/api/residences/${houseId}/commitments?status=x`, { as: carlos })).status,
    ).toBe(400);
    for (const as of [outsider, counselor, admin, otherOrgAdmin]) {
      expect((await call('GET', `/api/residences/${houseId}/commitments`, { as })).status).toBe(404);
    }
  });
});

describe('after moving out', () => {
  it("a former resident's open commitments stay with the house, and a new one naming them is refused", async () => {
    const ed = await buildPerson(admin, { role: 'resident', residenceId: houseId, firstName: 'Ed' });
    const made = await call('POST', `/api/meetings/${meetingId}/commitments`, {
      as: chair,
      body: commitment({ helperId: ed.id, agendaItemId: null, supportKind: 'emotional' }),
    });
    expect(made.status).toBe(201);
    expect((await call('GET', '/api/me/commitments', { as: ed })).body.mine.length).toBe(1);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await testDb()
      .update(memberships)
      .set({ startsOn: '2026-01-01', endsOn: yesterday })
      .where(eq(memberships.personId, ed.id));
    const again = await signIn(ed.username);
    expect((await call('GET', '/api/me/commitments', { as: again })).body).toEqual({ mine: [], forMe: [] });
    expect(
      (await call('POST', `/api/commitments/${made.body.id}/done`, { as: again, body: {} })).status,
    ).toBe(404);
    const refused = await call('POST', `/api/meetings/${meetingId}/commitments`, {
      as: chair,
      body: commitment({ helpedId: ed.id }),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toMatchObject({
      field: 'helpedId',
      reason: 'decisions.not_house_member',
    });
    await testDb().delete(commitments).where(eq(commitments.id, made.body.id));
  });
});

describe('decisions by vote', () => {
  let motionId: string;

  it('lets the chair put a motion, tied to an agenda item', async () => {
    const result = await call('POST', `/api/meetings/${meetingId}/motions`, {
      as: chair,
      body: { text: 'A weekend kitchen rota', agendaItemId: kitchenItemId },
    });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({
      state: 'open',
      result: null,
      agendaItemId: kitchenItemId,
      movedBy: { personId: chair.id },
      votesCast: 0,
      myVote: null,
    });
    motionId = result.body.id;
  });

  it('refuses a motion from a resident who does not record, an empty one, and one on an upcoming meeting', async () => {
    const before = await countOf(motions);
    const byCarlos = await call('POST', `/api/meetings/${meetingId}/motions`, {
      as: carlos,
      body: { text: 'x' },
    });
    expect(byCarlos.status).toBe(403);
    expect(byCarlos.body.error.reason).toBe('decisions.not_recorder');
    const empty = await call('POST', `/api/meetings/${meetingId}/motions`, { as: chair, body: { text: '' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0]).toMatchObject({ field: 'text', reason: 'field.required' });
    const early = await call('POST', `/api/meetings/${upcomingId}/motions`, {
      as: chair,
      body: { text: 'x' },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.reason).toBe('decisions.not_in_progress');
    expect(
      (await call('POST', `/api/meetings/${meetingId}/motions`, { as: outsider, body: { text: 'x' } }))
        .status,
    ).toBe(404);
    expect(await countOf(motions)).toBe(before);
  });

  it('refuses a motion (409 decisions.house_decides_without_votes) while the house has chosen not to decide by vote, and takes it again once it has', async () => {
    const settings = `/api/residences/${houseId}/meeting-settings`;
    expect((await call('PATCH', settings, { as: leader, body: { decidesByVote: false } })).status).toBe(200);
    const before = await countOf(motions);
    const refused = await call('POST', `/api/meetings/${meetingId}/motions`, {
      as: chair,
      body: { text: 'Quiet hours from ten' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.reason).toBe('decisions.house_decides_without_votes');
    expect(refused.body.error.message).toMatch(/not to decide by vote/);
    expect(await countOf(motions)).toBe(before);
    const back = await call('PATCH', settings, { as: leader, body: { decidesByVote: true } });
    expect(back.body).toMatchObject({ decidesByVote: true });
    await testDb().delete(houseMeetingSettings).where(eq(houseMeetingSettings.residenceId, houseId));
  });

  it('takes one vote from each member present', async () => {
    const vote = await call('POST', `/api/motions/${motionId}/votes`, {
      as: carlos,
      body: { choice: 'for' },
    });
    expect(vote.status).toBe(201);
    expect(vote.body).toMatchObject({ myVote: 'for', votesCast: 1, votesFor: null, state: 'open' });
  });

  it('refuses a second vote by the same person (409 decisions.already_voted), keeping the first', async () => {
    const again = await call('POST', `/api/motions/${motionId}/votes`, {
      as: carlos,
      body: { choice: 'against' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('decisions.already_voted');
    expect(again.body.error.fields[0]).toMatchObject({ field: 'choice', reason: 'decisions.already_voted' });
    expect(again.body.error.message).toBe('You have already voted on this motion. Your vote is kept.');
    expect((await voteRows(motionId)).map((v) => v.choice)).toEqual(['for']);
  });

  it('refuses a vote by someone not present (403 decisions.not_present), writing nothing', async () => {
    for (const as of [dana, quinn]) {
      const result = await call('POST', `/api/motions/${motionId}/votes`, { as, body: { choice: 'for' } });
      expect(result.status).toBe(403);
      expect(result.body.error.reason).toBe('decisions.not_present');
      expect(result.body.error.message).toBe(
        'Only members present at the meeting can vote. Mark yourself present first.',
      );
    }
    expect((await voteRows(motionId)).length).toBe(1);
  });

  it('refuses a bad choice (400) and people outside the house (404)', async () => {
    const bad = await call('POST', `/api/motions/${motionId}/votes`, {
      as: chair,
      body: { choice: 'maybe' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toMatch(/choice/);
    for (const as of [outsider, counselor, admin, otherOrgAdmin]) {
      expect(
        (await call('POST', `/api/motions/${motionId}/votes`, { as, body: { choice: 'for' } })).status,
      ).toBe(404);
      expect((await call('GET', `/api/meetings/${meetingId}/motions`, { as })).status).toBe(404);
    }
    expect((await voteRows(motionId)).length).toBe(1);
  });

  it('shows counts only: how many voted while open, never who voted how; my own vote to me alone', async () => {
    const asBen = await call('GET', `/api/meetings/${meetingId}/motions`, { as: secretary });
    expect(asBen.status).toBe(200);
    expect(asBen.body.iAmPresent).toBe(true);
    expect(asBen.body.motions[0]).toMatchObject({ votesCast: 1, myVote: null, votesFor: null });
    expect(asBen.text).not.toContain(carlos.id);
    const asCarlos = await call('GET', `/api/meetings/${meetingId}/motions?itemId=${kitchenItemId}`, {
      as: carlos,
    });
    expect(asCarlos.body.motions[0].myVote).toBe('for');
    const asDana = await call('GET', `/api/meetings/${meetingId}/motions`, { as: dana });
    expect(asDana.body.iAmPresent).toBe(false);
    const audits = await testDb().select().from(auditEvents).where(eq(auditEvents.action, 'vote.cast'));
    expect(JSON.stringify(audits)).not.toMatch(/"for"/);
  });

  it('closes the vote: counts among members present against a majority of current residents', async () => {
    await call('POST', `/api/motions/${motionId}/votes`, { as: chair, body: { choice: 'for' } });
    await call('POST', `/api/motions/${motionId}/votes`, { as: secretary, body: { choice: 'against' } });
    await call('POST', `/api/motions/${motionId}/votes`, { as: leader, body: { choice: 'abstain' } });
    const byCarlos = await call('POST', `/api/motions/${motionId}/close`, { as: carlos });
    expect(byCarlos.status).toBe(403);
    expect(byCarlos.body.error.reason).toBe('decisions.not_recorder');
    expect((await call('POST', `/api/motions/${motionId}/close`, { as: outsider })).status).toBe(404);
    const closed = await call('POST', `/api/motions/${motionId}/close`, { as: chair });
    expect(closed.status).toBe(200);
    // Five residents (Ana, Ben, Carlos, Dana, Quinnevere): quorum 3; present 4 (with the peer leader).
    expect(closed.body).toMatchObject({
      state: 'closed',
      result: 'carried',
      votesFor: 2,
      votesAgainst: 1,
      abstentions: 1,
      presentCount: 4,
      quorum: 3,
    });
  });

  it('refuses votes and a second close once the vote is closed (409 decisions.vote_closed)', async () => {
    const late = await call('POST', `/api/motions/${motionId}/votes`, {
      as: carlos,
      body: { choice: 'for' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.reason).toBe('decisions.vote_closed');
    const again = await call('POST', `/api/motions/${motionId}/close`, { as: chair });
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('decisions.vote_closed');
  });

  it("uses the house's own quorum when set: too few present means no quorum", async () => {
    await testDb()
      .insert(houseMeetingSettings)
      .values({ residenceId: houseId, organizationId: admin.organizationId, quorum: 5 });
    const motion = await call('POST', `/api/meetings/${meetingId}/motions`, {
      as: leader,
      body: { text: 'Paint the porch' },
    });
    await call('POST', `/api/motions/${motion.body.id}/votes`, { as: carlos, body: { choice: 'for' } });
    const closed = await call('POST', `/api/motions/${motion.body.id}/close`, { as: secretary });
    expect(closed.body).toMatchObject({ result: 'no_quorum', quorum: 5, presentCount: 4, votesFor: 1 });
    await testDb().delete(houseMeetingSettings).where(eq(houseMeetingSettings.residenceId, houseId));
  });

  it('counts only the votes of members still present when the vote closes', async () => {
    const motion = await call('POST', `/api/meetings/${meetingId}/motions`, {
      as: chair,
      body: { text: 'Movie night on Fridays' },
    });
    await call('POST', `/api/motions/${motion.body.id}/votes`, { as: carlos, body: { choice: 'for' } });
    await call('POST', `/api/motions/${motion.body.id}/votes`, {
      as: secretary,
      body: { choice: 'against' },
    });
    await markAttendance(meetingId, carlos, 'excused');
    const closed = await call('POST', `/api/motions/${motion.body.id}/close`, { as: chair });
    expect(closed.body).toMatchObject({ result: 'failed', votesFor: 0, votesAgainst: 1, presentCount: 3 });
    await markAttendance(meetingId, carlos, 'present');
  });

  it('decides by the rule: no quorum, then more for than against carries', () => {
    expect(resultOf({ for: 3, against: 0, present: 2, quorum: 3 })).toBe('no_quorum');
    expect(resultOf({ for: 2, against: 2, present: 4, quorum: 3 })).toBe('failed');
    expect(resultOf({ for: 3, against: 2, present: 5, quorum: 3 })).toBe('carried');
  });
});

describe('minutes', () => {
  let leftOpen: string;

  it('are published only once the meeting closes (409 decisions.minutes_not_published before)', async () => {
    const motion = await call('POST', `/api/meetings/${meetingId}/motions`, {
      as: chair,
      body: { text: 'Paint the fence in spring', agendaItemId: anonymousItemId },
    });
    leftOpen = motion.body.id;
    await call('POST', `/api/motions/${leftOpen}/votes`, { as: carlos, body: { choice: 'for' } });
    await call('POST', `/api/motions/${leftOpen}/votes`, { as: chair, body: { choice: 'for' } });
    await call('POST', `/api/motions/${leftOpen}/votes`, { as: leader, body: { choice: 'for' } });
    const result = await call('GET', `/api/meetings/${meetingId}/minutes`, { as: carlos });
    expect(result.status).toBe(409);
    expect(result.body.error.reason).toBe('decisions.minutes_not_published');
    expect(result.body.error.message).toBe('The minutes are published when the meeting closes.');
  });

  it('show attendance, each item with its minutes, motions with results and commitments', async () => {
    await testDb()
      .update(houseMeetings)
      .set({ state: 'closed', closedAt: new Date() })
      .where(eq(houseMeetings.id, meetingId));
    // Still a commitment right after the meeting closes (the secretary tidies up).
    const late = await call('POST', `/api/meetings/${meetingId}/commitments`, {
      as: secretary,
      body: commitment({ helperId: chair.id, supportKind: 'informational', agendaItemId: anonymousItemId }),
    });
    expect(late.status).toBe(201);
    expect(
      (await call('POST', `/api/meetings/${meetingId}/motions`, { as: chair, body: { text: 'Too late' } }))
        .status,
    ).toBe(409);
    // A vote left open at the close takes no more votes, but the chair can still count it.
    const late2 = await call('POST', `/api/motions/${leftOpen}/votes`, {
      as: secretary,
      body: { choice: 'against' },
    });
    expect(late2.status).toBe(409);
    expect(late2.body.error.reason).toBe('decisions.vote_closed');
    const counted = await call('POST', `/api/motions/${leftOpen}/close`, { as: chair });
    expect(counted.body).toMatchObject({ result: 'carried', votesFor: 3, votesAgainst: 0 });
    const result = await call('GET', `/api/meetings/${meetingId}/minutes`, { as: carlos });
    expect(result.status).toBe(200);
    const m = result.body;
    expect(m.items[1].motions.map((x: { result: string }) => x.result)).toEqual(['carried']);
    expect(m.meeting).toMatchObject({
      id: meetingId,
      title: 'Sunday house meeting',
      chair: { personId: chair.id },
    });
    expect(m.attendance).toEqual({ present: 4, excused: 1, absent: 1 });
    expect(m.items.map((i: { title: string }) => i.title)).toEqual([
      'The kitchen is a mess on weekends',
      'Someone is struggling with loud music at night',
    ]);
    const kitchen = m.items[0];
    expect(kitchen.raisedBy.personId).toBe(carlos.id);
    expect(kitchen.minutes).toContain('rota');
    expect(kitchen.motions.map((x: { result: string }) => x.result)).toEqual(['carried']);
    expect(kitchen.commitments.length).toBe(2);
    expect(m.motions.map((x: { result: string }) => x.result)).toEqual(['no_quorum', 'failed']);
    expect(m.commitments.length).toBe(1);
    const [audit] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'minutes.read'), eq(auditEvents.actorId, carlos.id)));
    expect(audit?.subjectId).toBe(meetingId);
  });

  it('never name the author of an anonymous item, not even to the chair or the peer leader', async () => {
    for (const as of [carlos, chair, leader, quinn]) {
      const result = await call('GET', `/api/meetings/${meetingId}/minutes`, { as });
      const item = result.body.items.find((i: { id: string }) => i.id === anonymousItemId);
      expect(item).toMatchObject({ raisedBy: null, anonymous: true });
      expect(result.text).not.toContain(quinn.id);
      expect(result.text).not.toContain('Quinnevere');
    }
    const history = await call('GET', `/api/residences/${houseId}/minutes?q=music`, { as: carlos });
    expect(history.text).not.toContain(quinn.id);
  });

  it('are for the house alone: another house, counselors, admins and another organization get 404', async () => {
    for (const as of [outsider, counselor, admin, otherOrgAdmin]) {
      expect((await call('GET', `/api/meetings/${meetingId}/minutes`, { as })).status).toBe(404);
      expect((await call('GET', `/api/residences/${houseId}/minutes`, { as })).status).toBe(404);
    }
    expect((await call('GET', `/api/residences/${houseId}/minutes`)).status).toBe(401);
  });

  it('history lists closed meetings and searches item titles, minutes and motions', async () => {
    const all = await call('GET', `/api/residences/${houseId}/minutes`, { as: dana });
    expect(all.status).toBe(200);
    expect(all.body.meetings).toEqual([
      expect.objectContaining({
        id: meetingId,
        itemCount: 2,
        motionCount: 4,
        commitmentCount: 4,
        matches: [],
      }),
    ]);
    const kitchen = await call('GET', `/api/residences/${houseId}/minutes?q=KITCHEN`, { as: dana });
    expect(kitchen.body.meetings[0].matches).toEqual([
      {
        itemId: kitchenItemId,
        title: 'The kitchen is a mess on weekends',
        excerpt: expect.stringContaining('rota'),
      },
    ]);
    const byMinutes = await call('GET', `/api/residences/${houseId}/minutes?q=headphones`, { as: dana });
    expect(byMinutes.body.meetings[0].matches[0].itemId).toBe(anonymousItemId);
    const byMotion = await call('GET', `/api/residences/${houseId}/minutes?q=porch`, { as: dana });
    expect(byMotion.body.meetings.length).toBe(1);
    const percent = await call('GET', `/api/residences/${houseId}/minutes?q=50%25`, { as: dana });
    expect(percent.body.meetings.length).toBe(1);
    const wildcard = await call('GET', `/api/residences/${houseId}/minutes?q=5_%25`, { as: dana });
    expect(wildcard.body.meetings).toEqual([]);
    expect(
      (await call('GET', `/api/residences/${houseId}/minutes?q=zebra`, { as: dana })).body.meetings,
    ).toEqual([]);
    const tooLong = await call('GET', `/api/residences/${houseId}/minutes?q=${'a'.repeat(101)}`, {
      as: dana,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields[0].field).toMatch(/q/);
    const other = await call('GET', `/api/residences/${otherHouseId}/minutes`, { as: outsider });
    expect(other.body.meetings).toEqual([]);
  });
});
