// What PostgreSQL cannot store is a 400 naming the field on every route (decision 0024): text with a
// NUL or half a surrogate pair, dates and times outside the years 1900–2200. Each case below once
// answered 500; route-fuzz.test.ts keeps the whole class away.
import { beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../test/factories.ts';
import { buildChatWorld } from '../../test/matrix/chat.ts';
import { buildDecisionsWorld } from '../../test/matrix/decisions.ts';
import { buildSupportWorld } from '../../test/matrix/support.ts';

type People = { admin: TestPerson; leader: TestPerson; resident: TestPerson; marker: TestPerson };
let people: People;
let w: {
  house: string;
  checkInId: string;
  commitmentId: string;
  meetingId: string;
  supportRequestId: string;
  messageId: string;
  membershipPersonId: string;
  membershipId: string;
};

beforeAll(async () => {
  const admin = await setUpOrganization();
  const house = (await buildResidence(admin, { bedCapacity: 10 })).id;
  const leader = await buildPerson(admin, { role: 'peer_leader', residenceId: house });
  const resident = await buildPerson(admin, { role: 'resident', residenceId: house });
  const marker = await buildPerson(admin, { role: 'resident', residenceId: house });
  const spare = await buildPerson(admin, { role: 'counselor' });
  people = { admin, leader, resident, marker };
  const checkIn = await call('POST', '/api/check-ins', {
    as: marker,
    body: { idempotencyKey: 'storable-check-in', mood: 3, craving: 2 },
  });
  const decisions = await buildDecisionsWorld(house, { resident, peerLeader: leader, helper: marker });
  const support = await buildSupportWorld(house, { orgAdmin: admin, marker });
  const chat = await buildChatWorld({ marker, resident });
  const spareView = await call('GET', `/api/people/${spare.id}`, { as: admin });
  w = {
    house,
    checkInId: checkIn.body.id,
    commitmentId: decisions.decisionsCommitmentId,
    meetingId: decisions.decisionsMeetingId,
    supportRequestId: support.supportRequestId,
    messageId: chat.toReportMessageId,
    membershipPersonId: spare.id,
    membershipId: spareView.body.memberships[0].id,
  };
});

type Case = {
  name: string;
  as: keyof People | null;
  method: string;
  url: () => string;
  body?: unknown | (() => unknown);
  field: string;
};

const NUL = 'before\u0000after';

const CASES: Case[] = [
  {
    name: 'sign-in login',
    as: null,
    method: 'POST',
    url: () => '/api/auth/sign-in',
    body: { login: NUL, password: 'whatever-it-is' },
    field: 'login',
  },
  {
    name: 'sign-in password',
    as: null,
    method: 'POST',
    url: () => '/api/auth/sign-in',
    body: { login: 'someone', password: NUL },
    field: 'password',
  },
  {
    name: 'program name',
    as: 'admin',
    method: 'POST',
    url: () => '/api/programs',
    body: { name: NUL, focus: [] },
    field: 'name',
  },
  {
    name: 'clock label',
    as: 'marker',
    method: 'POST',
    url: () => '/api/journey/clocks',
    body: { label: NUL, startsOn: '2025-01-01' },
    field: 'label',
  },
  {
    name: 'check-in edit',
    as: 'marker',
    method: 'PATCH',
    url: () => `/api/check-ins/${w.checkInId}`,
    body: { gratitude: NUL },
    field: 'gratitude',
  },
  {
    name: 'commitment done note',
    as: 'leader',
    method: 'POST',
    url: () => `/api/commitments/${w.commitmentId}/done`,
    body: { note: NUL },
    field: 'note',
  },
  {
    name: 'offer note',
    as: 'resident',
    method: 'POST',
    url: () => `/api/support/requests/${w.supportRequestId}/responses`,
    body: { note: NUL },
    field: 'note',
  },
  {
    name: 'report reason',
    as: 'resident',
    method: 'POST',
    url: () => `/api/chat/messages/${w.messageId}/report`,
    body: { reason: NUL },
    field: 'reason',
  },
  {
    name: 'half a surrogate pair in a list',
    as: 'admin',
    method: 'POST',
    url: () => '/api/programs',
    body: { name: 'Track', description: 'x\ud800y', focus: [] },
    field: 'description',
  },
  {
    name: 'a field name with a NUL',
    as: 'admin',
    method: 'POST',
    url: () => '/api/programs',
    body: { name: 'Track', focus: [], 'a\u0000': 1 },
    field: 'a\\u0000',
  },
  {
    name: 'public feed slug',
    as: null,
    method: 'GET',
    url: () => '/api/public/%00/meetings.json',
    field: 'slug',
  },
  {
    name: 'query text',
    as: 'marker',
    method: 'GET',
    url: () => '/api/outside-meetings?q=%00',
    field: 'q',
  },
  {
    name: 'meeting in year 0000',
    as: 'admin',
    method: 'POST',
    url: () => `/api/residences/${w.house}/meetings`,
    body: { kind: 'one_off', title: 'Talk', date: '0000-01-01', time: '19:00' },
    field: 'date',
  },
  {
    name: 'meeting in year 9999',
    as: 'admin',
    method: 'POST',
    url: () => `/api/residences/${w.house}/meetings`,
    body: { kind: 'one_off', title: 'Talk', date: '9999-12-31', time: '19:00' },
    field: 'date',
  },
  {
    name: 'series from year 9999',
    as: 'admin',
    method: 'POST',
    url: () => `/api/residences/${w.house}/meeting-series`,
    body: { rrule: 'FREQ=WEEKLY;BYDAY=WE', startsOn: '9999-12-01', startTime: '18:00' },
    field: 'startsOn',
  },
  {
    name: 'series from year 0000',
    as: 'admin',
    method: 'POST',
    url: () => `/api/residences/${w.house}/meeting-series`,
    body: { rrule: 'FREQ=WEEKLY;BYDAY=WE', startsOn: '0000-01-01', startTime: '18:00' },
    field: 'startsOn',
  },
  {
    name: 'membership from year 0000',
    as: 'admin',
    method: 'POST',
    url: () => `/api/people/${w.membershipPersonId}/memberships`,
    body: { role: 'alumni', startsOn: '0000-01-01' },
    field: 'startsOn',
  },
  {
    name: 'membership ending in year 9999',
    as: 'admin',
    method: 'POST',
    url: () => `/api/memberships/${w.membershipId}/end`,
    body: { endsOn: '9999-12-31' },
    field: 'endsOn',
  },
  {
    name: 'commitment due in year 9999',
    as: 'leader',
    method: 'POST',
    url: () => `/api/meetings/${w.meetingId}/commitments`,
    body: () => ({
      helperId: people.marker.id,
      helpedId: null,
      description: 'Dinner',
      supportKind: 'affiliational',
      dueOn: '9999-12-31',
    }),
    field: 'dueOn',
  },
  {
    name: 'notifications before year 0000',
    as: 'marker',
    method: 'GET',
    url: () => '/api/notifications?before=0000-01-01T00:00:00Z',
    field: 'before',
  },
  {
    name: 'audit before year 0000',
    as: 'admin',
    method: 'GET',
    url: () => '/api/audit?before=0000-01-01T00:00:00Z',
    field: 'before',
  },
  {
    name: 'sleep too short for the column',
    as: 'marker',
    method: 'PATCH',
    url: () => `/api/check-ins/${w.checkInId}`,
    body: { sleepHours: 6e-323 },
    field: 'sleepHours',
  },
];

describe('input PostgreSQL cannot store', () => {
  it.each(CASES)(
    'should refuse the $name with a 400 naming $field',
    async ({ as, method, url, body, field }) => {
      const result = await call(method, url(), {
        as: as ? people[as] : null,
        body: typeof body === 'function' ? body() : body,
      });
      expect(result.status, result.text).toBe(400);
      expect(result.body.error.code).toBe('validation_failed');
      expect(result.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
    },
  );

  it('should leave out an imported feed row with a NUL in its text, and name the field in the report', async () => {
    const feed = JSON.stringify([
      { name: 'Night\u0000owls', slug: 'night-owls', day: 1, time: '19:00', timezone: 'America/Chicago' },
      { name: 'Early birds', slug: 'early-birds', day: 2, time: '07:00', timezone: 'America/Chicago' },
    ]);
    const result = await call('POST', '/api/outside-meetings/import', {
      as: people.admin,
      body: { feed, timeZone: 'America/Chicago' },
    });
    expect(result.status, result.text).toBe(200);
    expect(result.body.inserted).toBe(1);
    expect(result.body.skipped).toEqual([
      {
        index: 0,
        slug: 'night-owls',
        field: 'name',
        reason: 'outside_meetings.row_unstorable',
        message: 'must not contain the NUL character (U+0000)',
      },
    ]);
  });

  it('should take dates at both ends of the range: a recovery date in 1900, a commitment due in 2200', async () => {
    const clock = await call('POST', '/api/journey/clocks', {
      as: people.marker,
      body: { label: 'since long ago', startsOn: '1900-01-01' },
    });
    expect(clock.status, clock.text).toBe(201);
    const commitment = await call('POST', `/api/meetings/${w.meetingId}/commitments`, {
      as: people.leader,
      body: {
        helperId: people.marker.id,
        helpedId: null,
        description: 'Far ahead',
        supportKind: 'affiliational',
        dueOn: '2200-12-31',
      },
    });
    expect(commitment.status, commitment.text).toBe(201);
  });
});
