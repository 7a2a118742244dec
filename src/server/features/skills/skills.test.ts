import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../../shared/domain/notifications.ts';
import { call, testDb } from '../../../test/app.ts';
import {
  buildOtherOrganization,
  buildPerson,
  buildResidence,
  setUpOrganization,
  type TestPerson,
} from '../../../test/factories.ts';
import { notifications, realtimeEvents, supportLedger } from '../../platform/database/schema.ts';

let admin: TestPerson;
let mapleId: string;
let oakId: string;
let ana: TestPerson; // Maple, can teach cooking
let ben: TestPerson; // Maple, wants to learn cooking
let cara: TestPerson; // Oak, wants to learn cooking
let counselor: TestPerson;
let alum: TestPerson;
let otherOrgAdmin: TestPerson;

const addSkill = (as: TestPerson, body: Record<string, unknown>) => call('POST', '/api/skills', { as, body });
const notificationsOf = (person: TestPerson, kind: NotificationKind) =>
  testDb()
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, person.id), eq(notifications.kind, kind)));
const eventsOfType = (prefix: string) =>
  testDb()
    .select()
    .from(realtimeEvents)
    .where(
      and(like(realtimeEvents.type, `${prefix}%`), eq(realtimeEvents.organizationId, admin.organizationId)),
    );

beforeAll(async () => {
  admin = await setUpOrganization();
  mapleId = (await buildResidence(admin, { name: 'Maple House' })).id;
  oakId = (await buildResidence(admin, { name: 'Oak House' })).id;
  ana = await buildPerson(admin, {
    role: 'resident',
    residenceId: mapleId,
    firstName: 'Ana',
    lastName: 'Zamora',
  });
  ben = await buildPerson(admin, { role: 'resident', residenceId: mapleId, firstName: 'Ben' });
  cara = await buildPerson(admin, { role: 'resident', residenceId: oakId, firstName: 'Cara' });
  counselor = await buildPerson(admin, { role: 'counselor' });
  alum = await buildPerson(admin, { role: 'alumni', firstName: 'Alma' });
  otherOrgAdmin = (await buildOtherOrganization()).admin;
});

describe('my skills', () => {
  it('should list what I can teach and want to learn, shared with my house by default', async () => {
    const added = await addSkill(ana, { skill: 'cooking', direction: 'teach' });
    expect(added.status, added.text).toBe(201);
    expect(added.body).toEqual({ id: expect.any(String), skill: 'cooking', label: '', direction: 'teach' });
    const own = await addSkill(ana, { skill: 'other', label: 'Guitar basics', direction: 'teach' });
    expect(own.status).toBe(201);
    const mine = await call('GET', '/api/skills', { as: ana });
    expect(mine.status).toBe(200);
    expect(mine.body.skillsVisibleTo).toBe('house');
    expect(mine.body.listings.map((l: { skill: string; label: string }) => `${l.skill}/${l.label}`)).toEqual([
      'cooking/',
      'other/Guitar basics',
    ]);
  });

  it('should fail with 400 naming the field for an unknown skill, a stray direction or markup in a label', async () => {
    const unknown = await addSkill(ana, { skill: 'juggling', direction: 'teach' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'validation_failed', reason: 'request.invalid' });
    expect(unknown.body.error.fields).toEqual([
      expect.objectContaining({ field: 'skill', reason: 'field.not_an_option' }),
    ]);
    const direction = await addSkill(ana, { skill: 'budgeting', direction: 'both' });
    expect(direction.status).toBe(400);
    expect(direction.body.error.fields[0]).toMatchObject({
      field: 'direction',
      reason: 'field.not_an_option',
    });
    const markup = await addSkill(ana, { skill: 'other', label: '<b>Guitar</b>', direction: 'teach' });
    expect(markup.status).toBe(400);
    expect(markup.body.error.fields[0]).toMatchObject({ field: 'label', reason: 'field.characters' });
  });

  it('should fail with 400 skills.label_needed when a skill not on the list has no words', async () => {
    const noLabel = await addSkill(ana, { skill: 'other', direction: 'learn' });
    expect(noLabel.status).toBe(400);
    expect(noLabel.body.error.fields).toEqual([
      expect.objectContaining({ field: 'label', reason: 'skills.label_needed' }),
    ]);
  });

  it('should fail with 400 skills.label_only_for_other when a skill on the list has own words', async () => {
    const stray = await addSkill(ana, { skill: 'budgeting', label: 'x', direction: 'learn' });
    expect(stray.status).toBe(400);
    expect(stray.body.error.fields).toEqual([
      expect.objectContaining({ field: 'label', reason: 'skills.label_only_for_other' }),
    ]);
  });

  it('should fail with 409 skills.already_listed when the same skill is listed twice (own words in any case)', async () => {
    const again = await addSkill(ana, { skill: 'cooking', direction: 'teach' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'conflict',
      reason: 'skills.already_listed',
      fields: [expect.objectContaining({ field: 'skill', reason: 'skills.already_listed' })],
    });
    const shouted = await addSkill(ana, { skill: 'other', label: 'GUITAR BASICS', direction: 'teach' });
    expect(shouted.status).toBe(409);
    expect(shouted.body.error.reason).toBe('skills.already_listed');
  });

  it('should take a skill off my list, and not find another person’s', async () => {
    const added = await addSkill(ben, { skill: 'fitness', direction: 'teach' });
    const theirs = await call('DELETE', `/api/skills/${added.body.id}`, { as: ana });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.reason).toBe('request.not_found');
    expect((await call('DELETE', `/api/skills/${added.body.id}`, { as: ben })).status).toBe(200);
    expect((await call('DELETE', `/api/skills/${added.body.id}`, { as: ben })).status).toBe(404);
  });

  it('should be for peers only: counselors and admins get 403, anonymous 401', async () => {
    const counselors = await call('GET', '/api/skills', { as: counselor });
    expect(counselors.status).toBe(403);
    expect(counselors.body.error.reason).toBe('request.forbidden');
    expect((await call('GET', '/api/skills', { as: admin })).status).toBe(403);
    expect((await call('GET', '/api/skills/matches', { as: otherOrgAdmin })).status).toBe(403);
    const anonymous = await call('GET', '/api/skills');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.reason).toBe('request.not_signed_in');
    expect((await call('GET', '/api/skills', { as: alum })).status).toBe(200);
  });
});

describe('suggested matches', () => {
  it('should tell a housemate who can teach what I want to learn, and tell her of me', async () => {
    const added = await addSkill(ben, { skill: 'cooking', direction: 'learn' });
    expect(added.status).toBe(201);
    const matches = await call('GET', '/api/skills/matches', { as: ben });
    expect(matches.status).toBe(200);
    expect(matches.body.house).toEqual([
      {
        listingId: expect.any(String),
        person: { personId: ana.id, displayName: 'Ana Z.' },
        skill: 'cooking',
        label: '',
        direction: 'teach',
      },
    ]);
    expect(matches.body.organization).toEqual([]);
    expect(matches.text).not.toContain('Zamora');
    const told = await notificationsOf(ana, 'skill_match');
    expect(told).toHaveLength(1);
    expect(told[0]!.data).toMatchObject({ skill: 'cooking', direction: 'learn', personId: ben.id });
    const anaMatches = await call('GET', '/api/skills/matches', { as: ana });
    expect(anaMatches.body.house.map((m: { person: { personId: string } }) => m.person.personId)).toEqual([
      ben.id,
    ]);
  });

  it('should keep my skills in my house until I share them with the organization', async () => {
    expect((await addSkill(cara, { skill: 'cooking', direction: 'learn' })).status).toBe(201);
    // Ana shares with her house only: Cara (another house) neither sees her nor tells her anything.
    expect((await call('GET', '/api/skills/matches', { as: cara })).body).toEqual({
      house: [],
      organization: [],
    });
    expect(await notificationsOf(ana, 'skill_match')).toHaveLength(1);
    const events = await eventsOfType('skills.');
    for (const e of events) expect(e.recipients).not.toContain(cara.id);

    const shared = await call('PATCH', '/api/skills/settings', {
      as: ana,
      body: { skillsVisibleTo: 'organization' },
    });
    expect(shared.status).toBe(200);
    expect(shared.body.skillsVisibleTo).toBe('organization');
    const now = await call('GET', '/api/skills/matches', { as: cara });
    expect(now.body.house).toEqual([]);
    expect(now.body.organization.map((m: { person: { personId: string } }) => m.person.personId)).toEqual([
      ana.id,
    ]);
    // Ben still shares with his house only: Cara does not see him.
    expect(now.text).not.toContain(ben.id);
  });

  it('should fail with 400 for a setting that is not house or organization', async () => {
    const bad = await call('PATCH', '/api/skills/settings', { as: ana, body: { skillsVisibleTo: 'world' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({
      field: 'skillsVisibleTo',
      reason: 'field.not_an_option',
    });
  });
});

describe('skill sessions', () => {
  let anaCookingId: string;
  let sessionId: string;

  beforeAll(async () => {
    const mine = await call('GET', '/api/skills', { as: ana });
    anaCookingId = mine.body.listings.find((l: { skill: string }) => l.skill === 'cooking').id;
  });

  it('should propose a session through a listing: teacher and learner follow from it', async () => {
    const proposed = await call('POST', '/api/skill-sessions', {
      as: ben,
      body: { listingId: anaCookingId },
    });
    expect(proposed.status, proposed.text).toBe(201);
    expect(proposed.body).toMatchObject({
      skill: 'cooking',
      teacher: { personId: ana.id, displayName: 'Ana Z.' },
      learner: { personId: ben.id },
      supportKind: 'instrumental',
      state: 'proposed',
      myRole: 'learner',
      proposedByMe: true,
      canAccept: false,
      canMarkDone: false,
    });
    sessionId = proposed.body.id;
    const told = await notificationsOf(ana, 'skill_session');
    expect(told.map((n) => n.data)).toEqual([expect.objectContaining({ sessionId, state: 'proposed' })]);
    const events = (await eventsOfType('skills.session')).filter(
      (e) => (e.payload as { sessionId?: string }).sessionId === sessionId,
    );
    expect(events.map((e) => [...e.recipients].sort())).toEqual([[ana.id, ben.id].sort()]);
  });

  it('should fail with 409 skills.session_already_planned for a second open session for the same skill between the same two', async () => {
    const again = await call('POST', '/api/skill-sessions', { as: ben, body: { listingId: anaCookingId } });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      reason: 'skills.session_already_planned',
      fields: [expect.objectContaining({ field: 'listingId' })],
    });
  });

  it('should fail with 400 skills.own_listing on my own listing, and 404 on a listing I may not see', async () => {
    const own = await call('POST', '/api/skill-sessions', { as: ana, body: { listingId: anaCookingId } });
    expect(own.status).toBe(400);
    expect(own.body.error).toMatchObject({
      code: 'validation_failed',
      reason: 'skills.own_listing',
      fields: [expect.objectContaining({ field: 'listingId', reason: 'skills.own_listing' })],
    });
    const bens = await call('GET', '/api/skills', { as: ben });
    const benCooking = bens.body.listings.find((l: { skill: string }) => l.skill === 'cooking').id;
    // Ben shares with Maple only: Cara in Oak is not told it exists.
    expect(
      (await call('POST', '/api/skill-sessions', { as: cara, body: { listingId: benCooking } })).status,
    ).toBe(404);
    const bad = await call('POST', '/api/skill-sessions', {
      as: ben,
      body: { listingId: anaCookingId, supportKind: 'emotional' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'supportKind', reason: 'field.not_an_option' });
  });

  it('should fail with 409 skills.session_proposed_by_you when the proposer accepts their own session', async () => {
    const own = await call('POST', `/api/skill-sessions/${sessionId}/accept`, { as: ben });
    expect(own.status).toBe(409);
    expect(own.body.error).toMatchObject({ code: 'conflict', reason: 'skills.session_proposed_by_you' });
  });

  it('should fail with 409 skills.session_not_accepted when a session not yet accepted is marked done', async () => {
    const early = await call('POST', `/api/skill-sessions/${sessionId}/done`, { as: ana });
    expect(early.status).toBe(409);
    expect(early.body.error.reason).toBe('skills.session_not_accepted');
  });

  it('should be accepted by the other person only, and done only once arranged', async () => {
    expect((await call('POST', `/api/skill-sessions/${sessionId}/accept`, { as: ben })).status).toBe(409);
    expect((await call('POST', `/api/skill-sessions/${sessionId}/accept`, { as: cara })).status).toBe(404);
    expect((await call('POST', `/api/skill-sessions/${sessionId}/done`, { as: ana })).status).toBe(409);
    const accepted = await call('POST', `/api/skill-sessions/${sessionId}/accept`, { as: ana });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'arranged', myRole: 'teacher', canMarkDone: true });
  });

  it('should record the help in the support ledger when marked done, once', async () => {
    const done = await call('POST', `/api/skill-sessions/${sessionId}/done`, { as: ben });
    expect(done.status).toBe(200);
    expect(done.body.state).toBe('done');
    const ledger = await testDb()
      .select()
      .from(supportLedger)
      .where(and(eq(supportLedger.source, 'skill'), eq(supportLedger.organizationId, admin.organizationId)));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      giverId: ana.id,
      receiverId: ben.id,
      supportKind: 'instrumental',
      residenceId: mapleId,
      note: null,
    });
    const twice = await call('POST', `/api/skill-sessions/${sessionId}/done`, { as: ana });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      reason: 'skills.session_changed',
      message: 'This session is already done.',
      fields: [expect.objectContaining({ field: 'id', params: { state: 'done' } })],
    });
    const late = await call('POST', `/api/skill-sessions/${sessionId}/cancel`, { as: ana });
    expect(late.status).toBe(409);
    expect(late.body.error.reason).toBe('skills.session_changed');
    const listed = await call('GET', '/api/skill-sessions', { as: ana });
    expect(listed.body.sessions.map((s: { id: string; state: string }) => [s.id, s.state])).toEqual([
      [sessionId, 'done'],
    ]);
    expect((await call('GET', '/api/skill-sessions', { as: cara })).body.sessions).toEqual([]);
  });

  it('should fail with 400 for ids that are not ids, and 404 for a session that does not exist', async () => {
    const bad = await call('POST', '/api/skill-sessions', { as: ben, body: { listingId: 'cooking' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'listingId', reason: 'field.not_an_id' });
    const path = await call('POST', '/api/skill-sessions/not-an-id/accept', { as: ana });
    expect(path.status).toBe(400);
    expect(path.body.error.fields[0]).toMatchObject({ field: 'id', reason: 'field.not_an_id' });
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await call('POST', `/api/skill-sessions/${nobody}/done`, { as: ana })).status).toBe(404);
    expect((await call('POST', '/api/skill-sessions', { as: ben, body: { listingId: nobody } })).status).toBe(
      404,
    );
  });

  it('should let either person call off a planned session, with no ledger entry', async () => {
    const proposed = await call('POST', '/api/skill-sessions', {
      as: cara,
      body: {
        listingId: anaCookingId,
        supportKind: 'informational',
        plannedFor: '2030-05-01T18:00:00-05:00',
      },
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.plannedFor).toBe('2030-05-01T23:00:00.000Z');
    const cancelled = await call('POST', `/api/skill-sessions/${proposed.body.id}/cancel`, { as: ana });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');
    const after = await call('POST', `/api/skill-sessions/${proposed.body.id}/accept`, { as: ana });
    expect(after.status).toBe(409);
    expect(after.body.error).toMatchObject({
      reason: 'skills.session_changed',
      message: 'This session is already cancelled.',
    });
    const ledger = await testDb()
      .select()
      .from(supportLedger)
      .where(and(eq(supportLedger.source, 'skill'), eq(supportLedger.organizationId, admin.organizationId)));
    expect(ledger).toHaveLength(1);
  });
});
