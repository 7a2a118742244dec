// The role × route matrix's world and runner: every API route, called by every kind of person, including
// people of another house and an admin of another organization. Each area's rows are in rows/<area>.ts and
// run in the area's access-matrix.test.ts; platform/access-matrix.test.ts checks every route has a row.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, call } from '../app.ts';
import {
  accountInput,
  buildInvitation,
  buildOtherOrganization,
  buildPerson,
  buildProgram,
  buildResidence,
  setUpOrganization,
  signIn,
  type TestPerson,
} from '../factories.ts';
import { buildAppWithRouteList } from '../routes.ts';
import { buildChatWorld } from './chat.ts';
import { buildDecisionsWorld } from './decisions.ts';
import { buildMeetingsWorld } from './meetings.ts';
import { buildNotificationsWorld } from './notifications.ts';
import { buildOutsideWorld } from './outside-meetings.ts';
import { buildReachOutWorld } from './reach-out.ts';
import { buildPeersWorld } from './skills.ts';
import { buildSupportWorld } from './support.ts';

export const ROLES = [
  'anonymous',
  'resident',
  'peerLeader',
  'counselor',
  'orgAdmin',
  'alumni',
  'otherHouseResident',
  'otherOrgAdmin',
] as const;
type RoleName = (typeof ROLES)[number];

// Expected status per role. Columns, in order:
//   anon  = not signed in          resident = resident of house A     leader = peer leader of house A
//   couns = counselor              admin    = admin of the org        alumni = alumnus of house A
//   house = resident of house B    org      = admin of ANOTHER organization
// 401 = sign in first, 403 = not your role, 404 = not in your organization (nothing is revealed).
export type Expected = Record<string, [number, number, number, number, number, number, number, number]>;

export type World = {
  people: Record<Exclude<RoleName, 'anonymous'>, TestPerson>;
  houseA: string;
  houseB: string;
  marker: TestPerson;
  markerSessionId: string;
  spare: TestPerson;
  spareCounselorMembershipId: string;
  programId: string;
  pendingInvitationId: string;
  previewCode: string;
  usedCode: string;
  markerCheckInId: string;
  markerSignalId: string;
  markerBarc10Id: string;
  markerClockId: string;
  markerMilestoneId: string;
  counselorAssignmentId?: string;
  decisions?: Awaited<ReturnType<typeof buildDecisionsWorld>>;
  meetings?: Awaited<ReturnType<typeof buildMeetingsWorld>>;
  outside?: Awaited<ReturnType<typeof buildOutsideWorld>>;
  peers?: Awaited<ReturnType<typeof buildPeersWorld>>;
  reachOut?: Awaited<ReturnType<typeof buildReachOutWorld>>;
  chat?: Awaited<ReturnType<typeof buildChatWorld>>;
  support?: Awaited<ReturnType<typeof buildSupportWorld>>;
  notifications?: Awaited<ReturnType<typeof buildNotificationsWorld>>;
};

/** The parts of the world only some areas' rows need. */
export type WorldPart =
  | 'decisions'
  | 'meetings'
  | 'outside'
  | 'peers'
  | 'reachOut'
  | 'chat'
  | 'support'
  | 'notifications';

export type Request = { method: string; url: string; body?: unknown; freshSession?: boolean };
export type Requests = Record<string, (w: World) => Request>;
export type AreaMatrix = { parts: WorldPart[]; expected: Expected; requests: Requests };

// A resident of house A whose details nobody but an admin should ever see in full.
const MARKER_FIRST = 'Wilhelmina';
const MARKER_LAST = 'Zephyrine';
const MARKER_GRATITUDE = 'MarkerGratitude';

/** What each role must never find in any response body. */
function mustNotSee(role: RoleName, w: World): string[] {
  // A check-in's words belong to the resident alone: no role ever sees them.
  const privateWords = [MARKER_GRATITUDE];
  if (role === 'orgAdmin') return privateWords;
  const lastName = [MARKER_LAST, ...privateWords];
  if (role === 'resident' || role === 'peerLeader') return lastName; // housemates: first name and initial only
  const outsider = [...lastName, MARKER_FIRST, w.marker.id];
  if (role === 'anonymous' || role === 'otherOrgAdmin') {
    return [
      ...outsider,
      w.houseA,
      w.houseB,
      w.people.orgAdmin.id,
      w.people.orgAdmin.organizationId,
      w.programId,
    ];
  }
  return outsider;
}

/** The people, houses and the marker's records every row needs, and the parts these rows need. */
async function buildWorld(parts: WorldPart[]): Promise<World> {
  const orgAdmin = await setUpOrganization();
  const houseA = (await buildResidence(orgAdmin, { name: 'Maple House', bedCapacity: 20 })).id;
  const houseB = (await buildResidence(orgAdmin, { name: 'Oak House', bedCapacity: 20 })).id;
  const marker = await buildPerson(orgAdmin, {
    role: 'resident',
    residenceId: houseA,
    firstName: MARKER_FIRST,
    lastName: MARKER_LAST,
  });
  const spare = await buildPerson(orgAdmin, { role: 'alumni' });
  const spareCounselor = await buildPerson(orgAdmin, { role: 'counselor' });
  const spareMemberships = (await call('GET', `/api/people/${spareCounselor.id}`, { as: orgAdmin })).body
    .memberships;
  const used = await buildInvitation(orgAdmin, { role: 'counselor' });
  await call('POST', `/api/invitations/code/${used.code}/accept`, { body: accountInput() });
  const world: World = {
    people: {
      resident: await buildPerson(orgAdmin, { role: 'resident', residenceId: houseA }),
      peerLeader: await buildPerson(orgAdmin, { role: 'peer_leader', residenceId: houseA }),
      counselor: await buildPerson(orgAdmin, { role: 'counselor' }),
      orgAdmin,
      alumni: await buildPerson(orgAdmin, { role: 'alumni', residenceId: houseA }),
      otherHouseResident: await buildPerson(orgAdmin, { role: 'resident', residenceId: houseB }),
      otherOrgAdmin: (await buildOtherOrganization()).admin,
    },
    houseA,
    houseB,
    marker,
    markerSessionId: (await call('GET', '/api/me/sessions', { as: marker })).body.sessions[0].id,
    spare,
    spareCounselorMembershipId: spareMemberships[0].id,
    programId: (await buildProgram(orgAdmin)).id,
    pendingInvitationId: (await buildInvitation(orgAdmin, { role: 'resident', residenceId: houseA })).id,
    previewCode: (await buildInvitation(orgAdmin, { role: 'counselor' })).code,
    usedCode: used.code,
    markerCheckInId: '',
    markerSignalId: '',
    markerBarc10Id: '',
    markerClockId: '',
    markerMilestoneId: '',
  };
  // The marker checks in with a strong craving (a signal for house A) and answers BARC-10.
  const checkIn = await call('POST', '/api/check-ins', {
    as: marker,
    body: { idempotencyKey: 'marker-check-in', mood: 2, craving: 9, gratitude: MARKER_GRATITUDE },
  });
  world.markerCheckInId = checkIn.body.id;
  const houseSignals = await call('GET', `/api/residences/${houseA}/signals`, { as: orgAdmin });
  world.markerSignalId = houseSignals.body.signals[0].id;
  world.markerBarc10Id = (
    await call('POST', '/api/barc10', { as: marker, body: { answers: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5] } })
  ).body.id;
  // The marker's recovery clock, shown to their house: 20 days in, so 24 hours is reached and 30 days is near.
  const twentyDaysAgo = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  const clock = await call('POST', '/api/journey/clocks', {
    as: marker,
    body: { startsOn: twentyDaysAgo, visibleTo: 'house' },
  });
  world.markerClockId = clock.body.clocks[0].id;
  world.markerMilestoneId = clock.body.clocks[0].reachedMilestones[0].id;
  // Counselor assignments (helper B): the counselor works with house A's resident (the POST row assigns
  // them to the marker instead).
  world.counselorAssignmentId = (
    await call('POST', '/api/counselor-assignments', {
      as: orgAdmin,
      body: { counselorId: world.people.counselor.id, residentId: world.people.resident.id },
    })
  ).body.id;
  if (parts.includes('outside')) world.outside = await buildOutsideWorld(orgAdmin, marker);
  if (parts.includes('reachOut')) world.reachOut = await buildReachOutWorld(orgAdmin, houseA, marker);
  if (parts.includes('notifications')) world.notifications = await buildNotificationsWorld(marker);
  if (parts.includes('chat')) world.chat = await buildChatWorld({ marker, resident: world.people.resident });
  if (parts.includes('support')) world.support = await buildSupportWorld(houseA, { orgAdmin, marker });
  if (parts.includes('decisions'))
    world.decisions = await buildDecisionsWorld(houseA, {
      resident: world.people.resident,
      peerLeader: world.people.peerLeader,
      helper: marker,
    });
  if (parts.includes('meetings'))
    world.meetings = await buildMeetingsWorld(houseA, {
      orgAdmin: world.people.orgAdmin,
      peerLeader: world.people.peerLeader,
      marker,
    });
  if (parts.includes('peers'))
    world.peers = await buildPeersWorld(houseA, {
      orgAdmin: world.people.orgAdmin,
      marker,
      peerLeader: world.people.peerLeader,
      alumni: world.people.alumni,
    });
  return world;
}

/** The matrix of one area: each of its routes as each kind of person, on a world of this test file. */
export function describeAccessMatrix(area: string, { parts, expected, requests }: AreaMatrix): void {
  let world: World;
  let catalogued: FastifyInstance;

  beforeAll(async () => {
    catalogued = (await buildAppWithRouteList()).app;
    world = await buildWorld(parts);
  });

  afterAll(async () => {
    await catalogued.close();
  });

  describe(`role × route matrix: ${area}`, () => {
    it('should say how every route of its table is called, and call nothing it has no row for', () => {
      expect(Object.keys(requests).sort()).toEqual(Object.keys(expected).sort());
    });

    const cases = Object.entries(expected).flatMap(([route, statuses]) =>
      ROLES.map((role, i) => ({ route, role, status: statuses[i]! })),
    );

    it.each(cases)('$route as $role → $status', async ({ route, role, status }) => {
      const request = requests[route]!(world);
      let cookie: string | undefined;
      if (role !== 'anonymous') {
        const person = world.people[role];
        cookie = request.freshSession ? await signIn(person.username, person.password) : person.cookie;
      }
      const result: CallResult = await call(request.method, request.url, {
        app: catalogued,
        as: cookie,
        body: request.body,
      });
      expect(result.status, result.text).toBe(status);

      if (status >= 400) {
        // An error says what went wrong and nothing else.
        expect(Object.keys(result.body)).toEqual(['error']);
        expect(result.body.error).toEqual({
          code: expect.any(String),
          reason: expect.stringMatching(/^[a-z0-9_]+\.[a-z0-9_]+$/),
          message: expect.any(String),
          ...(result.body.error.fields ? { fields: expect.any(Array) } : {}),
        });
        if (status === 403) expect(result.body.error.code).toBe('forbidden');
        if (status === 401 && route !== 'POST /api/auth/sign-in')
          expect(result.body.error.code).toBe('not_signed_in');
      }
      for (const secret of mustNotSee(role, world)) {
        expect(result.text, `${role} saw ${secret}`).not.toContain(secret);
      }
    });
  });
}
