// A role ends when it ends (decision 0022): a resident moved out today, or an admin whose role ended
// today, loses what the role gave at once, on two real Hearth processes that each remember sessions, and
// their open socket stops hearing the house. Dates are judged in the house's time zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../shared/domain/dates.ts';
import { addDays } from '../../../shared/domain/recovery-time.ts';
import { type CallResult, call, testDb } from '../../../test/app.ts';
import { buildPerson, buildResidence, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import { type HearthProcess, startHearthProcess, stopHearthProcess } from '../../../test/hearth-process.ts';
import { buildDecisionsWorld } from '../../../test/matrix/decisions.ts';
import { openSocket, type TestSocket } from '../../../test/realtime.ts';
import { expectNothingFor, waitFor } from '../../../test/wait.ts';
import { lookUpSession } from '../../platform/auth/sessions.ts';

let first: HearthProcess;
let second: HearthProcess;
let admin: TestPerson;
let mapleId: string;
const sockets: TestSocket[] = [];

type Answer = Pick<CallResult, 'status' | 'body'>;
async function request(
  hearth: HearthProcess,
  as: TestPerson,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(`${hearth.base}${path}`, {
    method,
    headers: { cookie: as.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function membershipOf(
  person: TestPerson,
  role: string,
): Promise<{ id: string; endsOn: string | null }> {
  const found = await call('GET', `/api/people/${person.id}`, { as: admin });
  return found.body.memberships.find((m: { role: string; current: boolean }) => m.role === role);
}

/**
 * Waits (a second at most) until this instance has heard the database announce the change: that comes
 * at commit, over LISTEN/NOTIFY, a few milliseconds after the answer to the admin who made it.
 */
async function heard(hearth: HearthProcess, person: TestPerson, path = '/api/house'): Promise<void> {
  await waitFor(
    async () => {
      const answer = await request(hearth, person, 'GET', path);
      return path === '/api/house' ? answer.body.houses.length === 0 : answer.status === 403;
    },
    { timeout: 1000 },
  ).catch(() => {});
}

async function houseConversation(hearth: HearthProcess, person: TestPerson): Promise<string> {
  const listed = await request(hearth, person, 'GET', '/api/chat/conversations');
  expect(listed.status).toBe(200);
  return listed.body.conversations.find((c: { kind: string }) => c.kind === 'house').id;
}

beforeAll(async () => {
  admin = await setUpOrganization();
  mapleId = (await buildResidence(admin, { name: 'Maple House' })).id;
  [first, second] = await Promise.all([startHearthProcess(), startHearthProcess()]);
}, 120_000);

afterAll(async () => {
  for (const s of sockets) await s.close().catch(() => {});
  await Promise.all([stopHearthProcess(first), stopHearthProcess(second)]);
}, 30_000);

describe('a resident moved out today', () => {
  it('is refused at once on chat, support, votes, agenda and house reads, on both instances, and their socket stops hearing the house', async () => {
    const ana = await buildPerson(admin, { role: 'resident', residenceId: mapleId, firstName: 'Ana' });
    const amir = await buildPerson(admin, { role: 'resident', residenceId: mapleId, firstName: 'Amir' });
    const leader = await buildPerson(admin, { role: 'peer_leader', residenceId: mapleId });
    const world = await buildDecisionsWorld(mapleId, { resident: ana, peerLeader: leader, helper: amir });
    const conversationId = await houseConversation(first, ana);
    // Both instances have seen Ana's session as a resident (and remember it).
    for (const hearth of [first, second]) {
      const house = await request(hearth, ana, 'GET', '/api/house');
      expect(house.body.houses.map((h: { residence: { id: string } }) => h.residence.id)).toEqual([mapleId]);
      expect((await request(hearth, ana, 'GET', `/api/meetings/${world.decisionsMeetingId}`)).status).toBe(
        200,
      );
    }
    const anasSocket = await openSocket(second.base, { cookie: ana.cookie });
    sockets.push(anasSocket);
    await anasSocket.waitFor('ready');

    const resident = await membershipOf(ana, 'resident');
    const ended = await call('POST', `/api/memberships/${resident.id}/end`, { as: admin, body: {} });
    expect(ended.status).toBe(200);

    for (const hearth of [first, second]) {
      await heard(hearth, ana);
      const house = await request(hearth, ana, 'GET', '/api/house');
      expect(house.status).toBe(200);
      expect(house.body.houses).toEqual([]);
      const message = await request(
        hearth,
        ana,
        'POST',
        `/api/chat/conversations/${conversationId}/messages`,
        {
          body: 'still here?',
        },
      );
      expect(message.status).toBe(404);
      expect(
        (await request(hearth, ana, 'GET', `/api/chat/conversations/${conversationId}/messages`)).status,
      ).toBe(404);
      const support = await request(hearth, ana, 'POST', '/api/support/requests', {
        supportKind: 'instrumental',
        body: 'A ride on Tuesday',
        audience: 'house',
      });
      expect(support.status).toBeGreaterThanOrEqual(400);
      expect(support.status).toBeLessThan(500);
      const vote = await request(hearth, ana, 'POST', `/api/motions/${world.decisionsMotionId}/votes`, {
        choice: 'for',
      });
      expect(vote.status).toBe(404);
      const agenda = await request(hearth, ana, 'POST', `/api/meetings/${world.decisionsMeetingId}/agenda`, {
        title: 'Chores',
      });
      expect(agenda.status).toBe(404);
      expect((await request(hearth, ana, 'GET', `/api/meetings/${world.decisionsMeetingId}`)).status).toBe(
        404,
      );
      expect((await request(hearth, ana, 'GET', `/api/residences/${mapleId}/meetings`)).status).toBe(404);
    }

    // The house goes on talking; Ana's open socket hears none of it, Amir's does.
    const amirsSocket = await openSocket(first.base, { cookie: amir.cookie });
    sockets.push(amirsSocket);
    await amirsSocket.waitFor('ready');
    const said = await request(first, amir, 'POST', `/api/chat/conversations/${conversationId}/messages`, {
      body: 'House meeting moved to 8',
    });
    expect(said.status).toBe(201);
    await amirsSocket.waitFor('event', (e) => e.type === 'chat.message');
    await expectNothingFor(300, () => {
      expect(anasSocket.events().filter((e) => e.type.startsWith('chat.'))).toEqual([]);
    });

    // Her history is kept, and she stays connected as alumni from today.
    const after = (await call('GET', `/api/people/${ana.id}`, { as: admin })).body.memberships;
    expect(after).toContainEqual(
      expect.objectContaining({ id: resident.id, endsOn: localDate('America/Chicago'), current: false }),
    );
    expect(after).toContainEqual(
      expect.objectContaining({ role: 'alumni', startsOn: localDate('America/Chicago'), current: true }),
    );
  }, 60_000);
});

describe('an admin whose role ended today', () => {
  it('can no longer list people, on either instance', async () => {
    const sam = await buildPerson(admin, { role: 'org_admin', firstName: 'Sam' });
    for (const hearth of [first, second]) {
      expect((await request(hearth, sam, 'GET', '/api/people')).status).toBe(200);
    }
    const role = await membershipOf(sam, 'org_admin');
    const ended = await request(first, admin, 'POST', `/api/memberships/${role.id}/end`, {});
    expect(ended.status).toBe(200);
    for (const hearth of [first, second]) {
      await heard(hearth, sam, '/api/people');
      expect((await request(hearth, sam, 'GET', '/api/people')).status).toBe(403);
    }
  });
});

describe("a house's own calendar", () => {
  it('ends a role on the day given in a house far east of UTC, whatever day it is in UTC', async () => {
    const zone = 'Pacific/Kiritimati'; // UTC+14: its today is often UTC's tomorrow
    const houseId = (await buildResidence(admin, { name: 'Line Islands House', timeZone: zone })).id;
    const tia = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    for (const hearth of [first, second]) {
      expect((await request(hearth, tia, 'GET', '/api/house')).body.houses).toHaveLength(1);
    }
    const resident = await membershipOf(tia, 'resident');
    const ended = await call('POST', `/api/memberships/${resident.id}/end`, {
      as: admin,
      body: { endsOn: localDate(zone), becomeAlumni: false },
    });
    expect(ended.status).toBe(200);
    for (const hearth of [first, second]) {
      await heard(hearth, tia);
      expect((await request(hearth, tia, 'GET', '/api/house')).body.houses).toEqual([]);
    }
  });

  it('starts and ends roles on the days of a house far west of UTC, and a session knows when its roles next change', async () => {
    const zone = 'Pacific/Pago_Pago'; // UTC-11: its today is often UTC's yesterday
    const houseId = (await buildResidence(admin, { name: 'Tutuila House', timeZone: zone })).id;
    const tomorrow = addDays(localDate(zone), 1);
    const midnight = (day: string) => {
      // Pago Pago keeps UTC-11 all year.
      const at = new Date(`${day}T00:00:00Z`);
      return new Date(at.getTime() + 11 * 3_600_000);
    };
    // Moving in tomorrow: not a member yet, anywhere.
    const leo = await buildPerson(admin, { role: 'alumni' });
    const moved = await call('POST', `/api/people/${leo.id}/memberships`, {
      as: admin,
      body: { role: 'resident', residenceId: houseId, startsOn: tomorrow },
    });
    expect(moved.status).toBe(201);
    expect(moved.body.memberships).toContainEqual(
      expect.objectContaining({ role: 'resident', startsOn: tomorrow, current: false }),
    );
    for (const hearth of [first, second]) {
      expect((await request(hearth, leo, 'GET', '/api/house')).body.houses).toEqual([]);
    }
    // A resident moving out tomorrow is still one today.
    const mia = await buildPerson(admin, { role: 'resident', residenceId: houseId });
    const resident = await membershipOf(mia, 'resident');
    const ending = await call('POST', `/api/memberships/${resident.id}/end`, {
      as: admin,
      body: { endsOn: tomorrow, becomeAlumni: false },
    });
    expect(ending.status).toBe(200);
    // The announcement of the scheduled end arrives: it changes nothing today.
    await expectNothingFor(100, async () => {
      for (const hearth of [first, second]) {
        expect((await request(hearth, mia, 'GET', '/api/house')).body.houses).toHaveLength(1);
      }
    });
    // Each one's session is remembered no later than the start of tomorrow in Pago Pago.
    for (const person of [leo, mia]) {
      const found = await lookUpSession(testDb(), person.cookie.replace(/^hearth_session=/, ''));
      expect(found.state).toBe('active');
      if (found.state === 'active') expect(found.rolesChangeAt).toEqual(midnight(tomorrow));
    }
  });

  it("moves its memberships' moments with the house when its time zone changes", async () => {
    const houseId = (await buildResidence(admin, { name: 'Moving House', timeZone: 'Pacific/Kiritimati' }))
      .id;
    const endsOn = localDate('Pacific/Kiritimati');
    const noa = await buildPerson(admin, { role: 'alumni' });
    const movedIn = await call('POST', `/api/people/${noa.id}/memberships`, {
      as: admin,
      body: { role: 'resident', residenceId: houseId, startsOn: addDays(endsOn, -7) },
    });
    expect(movedIn.status).toBe(201);
    const resident = await membershipOf(noa, 'resident');
    await call('POST', `/api/memberships/${resident.id}/end`, {
      as: admin,
      body: { endsOn, becomeAlumni: false },
    });
    expect(await membershipOf(noa, 'resident')).toMatchObject({ endsOn, current: false });
    // In Pago Pago that day is still to come (25 hours behind): the same end is now scheduled.
    const moved = await call('PATCH', `/api/residences/${houseId}`, {
      as: admin,
      body: { timeZone: 'Pacific/Pago_Pago' },
    });
    expect(moved.status).toBe(200);
    expect(await membershipOf(noa, 'resident')).toMatchObject({ endsOn, current: true });
    expect((await call('GET', '/api/house', { as: noa })).body.houses).toHaveLength(1);
  });
});
