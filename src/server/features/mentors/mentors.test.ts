import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import { auditEvents, notifications, realtimeEvents } from '../../platform/database/schema.ts';

let admin: TestPerson;
let mapleId: string;
let oakId: string;
let nora: TestPerson; // newcomer in Maple, 20 days, Spanish
let maria: TestPerson; // peer leader of Maple, two years, shares her level with the organization, Spanish
let omar: TestPerson; // Oak, three years but keeps it to himself, moved in the same day as Nora
let sam: TestPerson; // Maple, a year along, not open to mentoring
let alma: TestPerson; // alumna, open to mentoring
let counselor: TestPerson;
let otherOrgAdmin: TestPerson;

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function withClock(person: TestPerson, days: number, stageVisibleTo: string) {
  const clock = await call('POST', '/api/journey/clocks', { as: person, body: { startsOn: daysAgo(days) } });
  expect(clock.status, clock.text).toBe(201);
  const privacy = await call('PATCH', '/api/me/privacy', { as: person, body: { stageVisibleTo } });
  expect(privacy.status, privacy.text).toBe(200);
}
const openToMentoring = async (person: TestPerson, open = true) =>
  expect(
    (await call('PATCH', '/api/mentors/settings', { as: person, body: { openToMentoring: open } })).status,
  ).toBe(200);
const suggestionsFor = async (person: TestPerson) =>
  await call('GET', '/api/mentors/suggestions', { as: person });

beforeAll(async () => {
  admin = await setUpOrganization();
  mapleId = (await buildResidence(admin, { name: 'Maple House' })).id;
  oakId = (await buildResidence(admin, { name: 'Oak House' })).id;
  nora = await buildPerson(admin, {
    role: 'resident',
    residenceId: mapleId,
    firstName: 'Nora',
    language: 'es',
  });
  maria = await buildPerson(admin, {
    role: 'peer_leader',
    residenceId: mapleId,
    firstName: 'Maria',
    lastName: 'Quintero',
    language: 'es',
  });
  omar = await buildPerson(admin, { role: 'resident', residenceId: oakId, firstName: 'Omar' });
  sam = await buildPerson(admin, { role: 'resident', residenceId: mapleId, firstName: 'Sam' });
  alma = await buildPerson(admin, { role: 'alumni', firstName: 'Alma' });
  counselor = await buildPerson(admin, { role: 'counselor' });
  otherOrgAdmin = (await buildOtherOrganization()).admin;
  await withClock(nora, 20, 'only_me');
  await withClock(maria, 800, 'organization');
  await withClock(omar, 1200, 'only_me');
  await withClock(sam, 400, 'house');
  for (const p of [maria, omar, alma]) await openToMentoring(p);
  await call('POST', '/api/skills', { as: nora, body: { skill: 'cooking', direction: 'learn' } });
  await call('POST', '/api/skills', { as: maria, body: { skill: 'cooking', direction: 'teach' } });
});

describe('mentor suggestions', () => {
  it('should suggest peers further along who are open to mentoring, best fit first, with the reasons', async () => {
    const result = await suggestionsFor(nora);
    expect(result.status, result.text).toBe(200);
    expect(result.body.suggestions).toEqual([
      {
        person: { personId: maria.id, displayName: 'Maria Q.' },
        alumni: false,
        stage: 'years_1_to_5',
        reasons: ['residence', 'language', 'skills'],
        sharedSkills: [{ skill: 'cooking', label: '' }],
      },
      {
        person: { personId: alma.id, displayName: expect.stringMatching(/^Alma/) },
        alumni: true,
        stage: null,
        reasons: [],
        sharedSkills: [],
      },
    ]);
    // Omar kept his level of recovery to himself and moved in the same day: not suggested. Sam is not open.
    expect(result.text).not.toContain(omar.id);
    expect(result.text).not.toContain(sam.id);
    expect(result.text).not.toContain('Quintero');
    const [audit] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, nora.id), eq(auditEvents.action, 'mentors.suggestions.read')));
    expect(audit?.detail).toEqual({ count: 2 });
  });

  it('should suggest nobody to an alumna, and be for peers only', async () => {
    expect((await suggestionsFor(alma)).body.suggestions).toEqual([]);
    expect((await suggestionsFor(counselor)).status).toBe(403);
    expect((await suggestionsFor(otherOrgAdmin)).status).toBe(403);
    expect((await call('GET', '/api/mentors')).status).toBe(401);
  });

  it('should fail with 400 for a setting that is not true or false', async () => {
    const bad = await call('PATCH', '/api/mentors/settings', { as: maria, body: { openToMentoring: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'openToMentoring', reason: 'field.wrong_type' });
  });
});

describe('asking for a mentor', () => {
  let mentorshipId: string;

  it('should fail with 400 mentors.mentor_or_mentee when the request names nobody, or both sides', async () => {
    const nobody = await call('POST', '/api/mentorships', { as: nora, body: {} });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.fields).toEqual([
      expect.objectContaining({ field: 'mentorId', reason: 'mentors.mentor_or_mentee' }),
    ]);
    const both = await call('POST', '/api/mentorships', {
      as: nora,
      body: { mentorId: maria.id, menteeId: sam.id },
    });
    expect(both.status).toBe(400);
    expect(both.body.error.fields[0].reason).toBe('mentors.mentor_or_mentee');
  });

  it('should fail with 400 mentors.is_you when I ask myself', async () => {
    const me = await call('POST', '/api/mentorships', { as: nora, body: { mentorId: nora.id } });
    expect(me.status).toBe(400);
    expect(me.body.error).toMatchObject({
      code: 'validation_failed',
      reason: 'mentors.is_you',
      fields: [expect.objectContaining({ field: 'mentorId', reason: 'mentors.is_you' })],
    });
  });

  it('should fail with 400 mentors.not_further_along when I cannot tell they are further along', async () => {
    const hidden = await call('POST', '/api/mentorships', { as: nora, body: { mentorId: omar.id } });
    expect(hidden.status).toBe(400);
    expect(hidden.body.error.reason).toBe('mentors.not_further_along');
  });

  it('should fail with 409 mentors.not_open when they are not open to mentoring', async () => {
    const closed = await call('POST', '/api/mentorships', { as: nora, body: { mentorId: sam.id } });
    expect(closed.status).toBe(409);
    expect(closed.body.error).toMatchObject({
      code: 'conflict',
      reason: 'mentors.not_open',
      fields: [expect.objectContaining({ field: 'mentorId' })],
    });
  });

  it('should fail with 403 mentors.for_residents when an alumna asks for a mentor', async () => {
    const asked = await call('POST', '/api/mentorships', { as: alma, body: { mentorId: maria.id } });
    expect(asked.status).toBe(403);
    expect(asked.body.error).toMatchObject({ code: 'forbidden', reason: 'mentors.for_residents' });
  });

  it('should refuse a stranger from another organization as not found, and tell nobody of a refused request', async () => {
    const stranger = await call('POST', '/api/mentorships', {
      as: nora,
      body: { mentorId: otherOrgAdmin.id },
    });
    expect(stranger.status).toBe(404);
    expect(stranger.body.error.reason).toBe('request.not_found');
    expect(
      await testDb()
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.kind, 'mentor_request'),
            eq(notifications.organizationId, admin.organizationId),
          ),
        ),
    ).toEqual([]);
  });

  it('should send the request to the mentor, who is told', async () => {
    const asked = await call('POST', '/api/mentorships', { as: nora, body: { mentorId: maria.id } });
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body).toMatchObject({
      mentor: { personId: maria.id },
      mentee: { personId: nora.id },
      myRole: 'mentee',
      state: 'proposed',
      requestedByMe: true,
      canAccept: false,
      conversationId: null,
    });
    mentorshipId = asked.body.id;
    const told = await testDb()
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.kind, 'mentor_request'), eq(notifications.organizationId, admin.organizationId)),
      );
    expect(told.map((n) => n.personId)).toEqual([maria.id]);
    const again = await call('POST', '/api/mentorships', { as: nora, body: { mentorId: maria.id } });
    expect(again.status).toBe(409);
    expect(again.body.error.reason).toBe('mentors.already_paired');
    const overview = await call('GET', '/api/mentors', { as: maria });
    expect(overview.body.openToMentoring).toBe(true);
    expect(overview.body.canHaveMentor).toBe(false);
    expect(overview.body.mentorships).toEqual([
      expect.objectContaining({ id: mentorshipId, canAccept: true }),
    ]);
  });

  it('should need the other person to accept; then it opens their private thread', async () => {
    const own = await call('POST', `/api/mentorships/${mentorshipId}/accept`, { as: nora });
    expect(own.status).toBe(409);
    expect(own.body.error.reason).toBe('mentors.answer_is_theirs');
    expect((await call('POST', `/api/mentorships/${mentorshipId}/accept`, { as: omar })).status).toBe(404);
    expect(
      (await call('POST', `/api/mentorships/${mentorshipId}/accept`, { as: otherOrgAdmin })).status,
    ).toBe(403);
    const accepted = await call('POST', `/api/mentorships/${mentorshipId}/accept`, { as: maria });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      state: 'active',
      myRole: 'mentor',
      conversationId: expect.any(String),
    });
    const told = await testDb()
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.kind, 'mentor_accepted'),
          eq(notifications.organizationId, admin.organizationId),
        ),
      );
    expect(told.map((n) => n.personId)).toEqual([nora.id]);
    // Once paired, Maria is no longer suggested to Nora.
    expect((await suggestionsFor(nora)).text).not.toContain(maria.id);
  });

  it('should keep a shared check-in log for the two of them only', async () => {
    const wrote = await call('POST', `/api/mentorships/${mentorshipId}/check-ins`, {
      as: maria,
      body: { note: 'Walked to the noon meeting together' },
    });
    expect(wrote.status, wrote.text).toBe(201);
    const log = await call('GET', `/api/mentorships/${mentorshipId}/check-ins`, { as: nora });
    expect(log.status).toBe(200);
    expect(log.body.checkIns).toEqual([
      {
        id: expect.any(String),
        author: { personId: maria.id, displayName: 'Maria Q.' },
        mine: false,
        note: 'Walked to the noon meeting together',
        createdAt: expect.any(String),
      },
    ]);
    const empty = await call('POST', `/api/mentorships/${mentorshipId}/check-ins`, {
      as: nora,
      body: { note: '  ' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0]).toMatchObject({ field: 'note', reason: 'field.required' });
    for (const outsider of [sam, omar]) {
      const seen = await call('GET', `/api/mentorships/${mentorshipId}/check-ins`, { as: outsider });
      expect(seen.status).toBe(404);
      expect(seen.text).not.toContain('noon meeting');
    }
    const denied = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'mentorship_log.read'), eq(auditEvents.outcome, 'denied')));
    expect(denied.map((a) => a.actorId).sort()).toEqual([sam.id, omar.id].sort());
  });

  it('should reach only the pair with its live events', async () => {
    const events = await testDb()
      .select()
      .from(realtimeEvents)
      .where(
        and(like(realtimeEvents.type, 'mentor.%'), eq(realtimeEvents.organizationId, admin.organizationId)),
      );
    expect(events.map((e) => e.type)).toEqual(['mentor.requested', 'mentor.accepted', 'mentor.check_in']);
    for (const e of events) expect([...e.recipients].sort()).toEqual([maria.id, nora.id].sort());
  });

  it('should let either of them end it without a reason; the log stays readable but closed', async () => {
    const ended = await call('POST', `/api/mentorships/${mentorshipId}/end`, { as: nora });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ state: 'ended', conversationId: null, endedAt: expect.any(String) });
    const again = await call('POST', `/api/mentorships/${mentorshipId}/end`, { as: maria });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      reason: 'mentors.already_over',
      message: 'This mentorship is already ended.',
      fields: [expect.objectContaining({ field: 'id', params: { state: 'ended' } })],
    });
    const late = await call('POST', `/api/mentorships/${mentorshipId}/check-ins`, {
      as: maria,
      body: { note: 'Hi' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.reason).toBe('mentors.log_closed');
    expect(
      (await call('GET', `/api/mentorships/${mentorshipId}/check-ins`, { as: maria })).body.checkIns,
    ).toHaveLength(1);
  });

  it('should list the newer residents of my houses I could offer to mentor', async () => {
    const newcomersOf = async (person: TestPerson) =>
      (await call('GET', '/api/mentors/newcomers', { as: person })).body.newcomers.map(
        (n: { person: { personId: string } }) => n.person.personId,
      );
    // Tess (100 days, shared with the house) is newer than Maria (800 days); Sam (400 days) is in the same
    // level as Maria and moved in the same day, and Nora keeps her level to herself: Maria cannot tell
    // they are newer. Omar (his level kept) and Tess's twin in Oak House live elsewhere.
    const tess = await buildPerson(admin, { role: 'resident', residenceId: mapleId, firstName: 'Tess' });
    await withClock(tess, 100, 'house');
    const elsewhere = await buildPerson(admin, { role: 'resident', residenceId: oakId, firstName: 'Tom' });
    await withClock(elsewhere, 100, 'organization');
    const listed = await newcomersOf(maria);
    expect(listed).toContain(tess.id);
    expect(listed).not.toContain(sam.id);
    expect(listed).not.toContain(elsewhere.id);
    expect(listed).not.toContain(alma.id);
    expect(listed).not.toContain(maria.id);
    // Nobody is newer than Tess, as far as she can tell.
    expect(await newcomersOf(tess)).toEqual([]);
    const answer = await call('GET', '/api/mentors/newcomers', { as: maria });
    expect(answer.status).toBe(200);
    expect(
      answer.body.newcomers.find((n: { person: { personId: string } }) => n.person.personId === tess.id),
    ).toMatchObject({ stage: 'months_3_to_12' });
  });

  it('should let a peer further along offer to mentor a newcomer, who may decline', async () => {
    // Nora's level of recovery is hers: until she shares it, Maria cannot tell she is newer (same move-in day).
    const unknown = await call('POST', '/api/mentorships', { as: maria, body: { menteeId: nora.id } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.reason).toBe('mentors.not_newer');
    await call('PATCH', '/api/me/privacy', { as: nora, body: { stageVisibleTo: 'house' } });
    const offered = await call('POST', '/api/mentorships', { as: maria, body: { menteeId: nora.id } });
    expect(offered.status, offered.text).toBe(201);
    expect(offered.body).toMatchObject({ myRole: 'mentor', state: 'proposed' });
    const backwards = await call('POST', '/api/mentorships', { as: nora, body: { menteeId: maria.id } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields[0]).toMatchObject({ field: 'menteeId', reason: 'mentors.not_newer' });
    const declined = await call('POST', `/api/mentorships/${offered.body.id}/decline`, { as: nora });
    expect(declined.status).toBe(200);
    expect(declined.body.state).toBe('declined');
    const late = await call('POST', `/api/mentorships/${offered.body.id}/accept`, { as: nora });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({
      reason: 'mentors.request_answered',
      message: 'This request is already declined.',
    });
  });

  it('should fail with 400 mentors.mentee_is_alumni when offering to mentor an alumna', async () => {
    const offered = await call('POST', '/api/mentorships', { as: maria, body: { menteeId: alma.id } });
    expect(offered.status).toBe(400);
    expect(offered.body.error).toMatchObject({
      reason: 'mentors.mentee_is_alumni',
      fields: [expect.objectContaining({ field: 'menteeId', reason: 'mentors.mentee_is_alumni' })],
    });
  });
});
