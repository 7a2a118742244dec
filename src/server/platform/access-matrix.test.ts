// The role × route matrix: every API route, called by every kind of person, including people of
// another house and an admin of another organization. The route list comes from the app itself, so
// a new route without a row here fails this test.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallResult, call } from '../../test/app.ts';
import {
  accountInput,
  buildInvitation,
  buildOtherOrganization,
  buildPerson,
  buildProgram,
  buildResidence,
  residenceInput,
  setUpOrganization,
  signIn,
  type TestPerson,
} from '../../test/factories.ts';
import { apiRouteKeys, buildAppWithRouteList } from '../../test/routes.ts';
import { buildChatWorld } from '../features/chat/matrix-world.ts';
import { buildDecisionsWorld } from '../features/decisions/matrix-world.ts';
import { buildMeetingsWorld } from '../features/meetings/matrix-world.ts';
import { buildNotificationsWorld, MATRIX_PUSH_KEYS } from '../features/notifications/matrix-world.ts';
import { buildOutsideWorld } from '../features/outside-meetings/matrix-world.ts';
import { buildReachOutWorld } from '../features/reach-out/matrix-world.ts';
import { buildPeersWorld } from '../features/skills/matrix-world.ts';
import { buildSupportWorld } from '../features/support/matrix-world.ts';

const ROLES = [
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
// biome-ignore format: the table reads best with its columns aligned
const EXPECTED: Record<string, [number, number, number, number, number, number, number, number]> = {
  //                                          anon resident leader couns admin alumni house  org
  'GET /api/openapi.json':                   [200,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/docs':                           [200,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/health':                         [200,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/ping':                           [200,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/setup':                          [200,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/setup':                         [410,   410,   410,   410,  410,  410,   410,  410],
  'POST /api/auth/sign-in':                  [401,   401,   401,   401,  401,  401,   401,  401],
  'POST /api/auth/sign-out':                 [200,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/auth/reset-password':           [400,   400,   400,   400,  400,  400,   400,  400],
  'GET /api/me':                             [401,   200,   200,   200,  200,  200,   200,  200],
  'PATCH /api/me/profile':                   [401,   200,   200,   200,  200,  200,   200,  200],
  'PATCH /api/me/privacy':                   [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/me/sessions':                    [401,   200,   200,   200,  200,  200,   200,  200],
  'DELETE /api/me/sessions/:id':             [401,   404,   404,   404,  404,  404,   404,  404],
  'GET /api/house':                          [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/residences':                     [401,   403,   403,   403,  200,  403,   403,  200],
  'POST /api/residences':                    [401,   403,   403,   403,  201,  403,   403,  201],
  'GET /api/residences/:id':                 [401,   403,   403,   403,  200,  403,   403,  404],
  'PATCH /api/residences/:id':               [401,   403,   403,   403,  200,  403,   403,  404],
  'GET /api/residences/:id/house':           [401,   200,   200,   403,  200,  403,   403,  404],
  'GET /api/programs':                       [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/programs':                      [401,   403,   403,   403,  201,  403,   403,  201],
  'PATCH /api/programs/:id':                 [401,   403,   403,   403,  200,  403,   403,  404],
  'GET /api/invitations':                    [401,   403,   403,   403,  200,  403,   403,  200],
  'POST /api/invitations':                   [401,   403,   403,   403,  201,  403,   403,  201],
  'DELETE /api/invitations/:id':             [401,   403,   403,   403,  200,  403,   403,  404],
  'GET /api/invitations/code/:code':         [200,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/invitations/code/:code/accept': [410,   410,   410,   410,  410,  410,   410,  410],
  'GET /api/people':                         [401,   403,   403,   403,  200,  403,   403,  200],
  'GET /api/people/:id':                     [401,   403,   403,   403,  200,  403,   403,  404],
  'POST /api/people/:id/memberships':        [401,   403,   403,   403,  201,  403,   403,  404],
  'POST /api/memberships/:id/end':           [401,   403,   403,   403,  200,  403,   403,  404],
  'POST /api/people/:id/reset-code':         [401,   403,   201,   403,  201,  403,   403,  404],
  'POST /api/counselor-assignments':         [401,   403,   403,   403,  201,  403,   403,  400],
  // Counselor assignments (helper B): the admin's; another organization's admin lists none and ends nothing.
  'GET /api/counselor-assignments':          [401,   403,   403,   403,  200,  403,   403,  200],
  'POST /api/counselor-assignments/:id/end': [401,   403,   403,   403,  200,  403,   403,  404],
  'GET /api/audit':                          [401,   403,   403,   403,  200,  403,   403,  200],
  // Check-ins and BARC-10 are each person's own: anyone signed in keeps their own, nobody reads another's.
  'POST /api/check-ins':                     [401,   201,   201,   201,  201,  201,   201,  201],
  'GET /api/check-ins/today':                [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/check-ins':                      [401,   200,   200,   200,  200,  200,   200,  200],
  'PATCH /api/check-ins/:id':                [401,   404,   404,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/check-in-stats':  [401,   403,   200,   403,  200,  403,   403,  404],
  'GET /api/residences/:id/signals':         [401,   403,   200,   403,  200,  403,   403,  404],
  // The peer leader acknowledges first; the admin then finds it already acknowledged (history kept).
  'POST /api/signals/:id/acknowledge':       [401,   403,   200,   403,  409,  403,   403,  404],
  'GET /api/organization/settings':          [401,   403,   403,   403,  200,  403,   403,  200],
  'PATCH /api/organization/settings':        [401,   403,   403,   403,  200,  403,   403,  200],
  'GET /api/barc10':                         [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/barc10':                        [401,   201,   201,   201,  201,  201,   201,  201],
  'GET /api/barc10/:id/fhir':                [401,   404,   404,   404,  404,  404,   404,  404],
  // Recovery time is the person's own; others see a milestone only when its clock's audience includes them
  // (the marker's clock: 'house'), and another person's clock is not found.
  'GET /api/journey':                        [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/journey/clocks':                [401,   201,   201,   201,  201,  201,   201,  201],
  'PATCH /api/journey/clocks/:id':           [401,   404,   404,   404,  404,  404,   404,  404],
  'POST /api/journey/clocks/:id/reset':      [401,   404,   404,   404,  404,  404,   404,  404],
  // Journey (helper B): putting a clock away and bringing it back are the owner's alone; others get a 404.
  'POST /api/journey/clocks/:id/archive':    [401,   404,   404,   404,  404,  404,   404,  404],
  'POST /api/journey/clocks/:id/restore':    [401,   404,   404,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/celebrations':    [401,   200,   200,   403,  200,  403,   403,  404],
  'POST /api/milestones/:id/congratulations':[401,   201,   201,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/upcoming-milestones': [401, 403, 200,   403,  200,  403,   403,  404],
  // Decisions (helper D): commitments, votes and minutes are house A's alone: its residents and peer leaders;
  // counselors, admins, alumni and everyone else find nothing (404). The chair, secretary or peer leader records.
  'GET /api/meetings/:id/commitments':       [401,   200,   200,   404,  404,  404,   404,  404],
  'POST /api/meetings/:id/commitments':      [401,   403,   201,   404,  404,  404,   404,  404],
  'GET /api/me/commitments':                 [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/commitments/:id/done':          [401,   403,   200,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/commitments':     [401,   200,   200,   404,  404,  404,   404,  404],
  'GET /api/meetings/:id/motions':           [401,   200,   200,   404,  404,  404,   404,  404],
  'POST /api/meetings/:id/motions':          [401,   403,   201,   404,  404,  404,   404,  404],
  'POST /api/motions/:id/votes':             [401,   201,   201,   404,  404,  404,   404,  404],
  'POST /api/motions/:id/close':             [401,   403,   200,   404,  404,  404,   404,  404],
  'GET /api/meetings/:id/minutes':           [401,   200,   200,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/minutes':         [401,   200,   200,   404,  404,  404,   404,  404],
  // House meetings (helper C): only house A's residents and peer leaders see its meetings and their words;
  // the org admin manages the schedule and sees when meetings are (never agenda or minutes text);
  // counselors, alumni, another house and another organization find nothing. Any member may call an
  // emergency meeting; the chair, secretary or peer leader runs one.
  'GET /api/residences/:id/meetings':        [401,   200,   200,   404,  200,  404,   404,  404],
  'POST /api/residences/:id/meetings':       [401,   201,   201,   404,  201,  404,   404,  404],
  'POST /api/residences/:id/meeting-series': [401,   403,   201,   403,  201,  403,   403,  404],
  'PATCH /api/meeting-series/:id':           [401,   403,   200,   403,  200,  403,   403,  404],
  'DELETE /api/meeting-series/:id':          [401,   403,   200,   403,  200,  403,   403,  404],
  'GET /api/meetings/:id':                   [401,   200,   200,   404,  200,  404,   404,  404],
  'PATCH /api/meetings/:id':                 [401,   403,   200,   404,  403,  404,   404,  404],
  // The peer leader cancels first; the admin then finds it already cancelled.
  'POST /api/meetings/:id/cancel':           [401,   403,   200,   404,  409,  404,   404,  404],
  'POST /api/meetings/:id/start':            [401,   403,   200,   404,  403,  404,   404,  404],
  'POST /api/meetings/:id/close':            [401,   403,   200,   404,  403,  404,   404,  404],
  'POST /api/meetings/:id/attendance':       [401,   200,   200,   404,  403,  404,   404,  404],
  'POST /api/meetings/:id/agenda':           [401,   201,   201,   404,  403,  404,   404,  404],
  'POST /api/meetings/:id/agenda/order':     [401,   403,   200,   404,  403,  404,   404,  404],
  'PATCH /api/agenda-items/:id':             [401,   403,   200,   404,  403,  404,   404,  404],
  // The peer leader takes the marker's item off; after that it is gone for everyone.
  'DELETE /api/agenda-items/:id':            [401,   403,   200,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/meeting-settings':   [401, 403, 200,   403,  200,  403,   403,  404],
  'PATCH /api/residences/:id/meeting-settings': [401, 403, 200,   403,  200,  403,   403,  404],
  'GET /api/notifications':                  [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/notifications/:id/read':        [401,   404,   404,   404,  404,  404,   404,  404],
  // Notifications and push (issue 5, H2): everyone signed in has their own list, settings and devices;
  // nobody reaches another's (the marker's device: 404). The test push runs before anyone subscribes
  // here, so it never posts to the example endpoint.
  'POST /api/notifications/read-all':        [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/notifications/settings':         [401,   200,   200,   200,  200,  200,   200,  200],
  'PATCH /api/notifications/settings':       [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/push/key':                       [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/push/subscriptions':             [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/push/test':                     [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/push/subscriptions':            [401,   201,   201,   201,  201,  201,   201,  201],
  'DELETE /api/push/subscriptions/:id':      [401,   404,   404,   404,  404,  404,   404,  404],
  // Outside meetings and calendars (helper E): anyone signed in browses the directory and logs their own
  // meetings; peer leaders add, admins curate and import; the leader sees house A's weekly counts. The public
  // feed is open to all; a calendar file is open to whoever holds its secret address; a feed is revoked by
  // its owner or an admin (others: 404).
  'GET /api/outside-meetings':               [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/outside-meetings':              [401,   403,   201,   403,  201,  403,   403,  201],
  'PATCH /api/outside-meetings/:id':         [401,   403,   403,   403,  200,  403,   403,  404],
  'DELETE /api/outside-meetings/:id':        [401,   403,   403,   403,  200,  403,   403,  404],
  'POST /api/outside-meetings/import':       [401,   403,   403,   403,  200,  403,   403,  200],
  'GET /api/outside-attendance':             [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/outside-attendance':            [401,   201,   201,   201,  201,  201,   201,  201],
  'DELETE /api/outside-attendance/:id':      [401,   404,   404,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/outside-attendance': [401, 403, 200,   403,  200,  403,   403,  404],
  'GET /api/public/:slug/meetings.json':     [200,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/calendar-feeds':                 [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/calendar-feeds':                [401,   201,   201,   201,  201,  201,   201,  201],
  'DELETE /api/calendar-feeds/:id':          [401,   404,   404,   404,  200,  404,   404,  404],
  'GET /api/calendar/:file':                 [200,   200,   200,   200,  200,  200,   200,  200],
  // Reach out now (helper H6): anyone signed in may reach out (their own alert) and sees their own screen; only
  // people who live in or lead a house may be on call. The marker's alert reached house A's peer leader alone:
  // he reads and answers it, the admin reads it as the record; everyone else finds nothing. The housemate's
  // alert is closed only by her or by someone who answered (the leader has not: 403).
  'GET /api/reach-out/crisis-lines':         [200,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/reach-out':                      [401,   200,   200,   200,  200,  200,   200,  200],
  'POST /api/reach-out/availability':        [401,   200,   200,   403,  403,  403,   200,  403],
  'POST /api/reach-out/alerts':              [401,   201,   201,   201,  201,  201,   201,  201],
  'GET /api/reach-out/alerts/:id':           [401,   404,   200,   404,  200,  404,   404,  404],
  'POST /api/reach-out/alerts/:id/acknowledge': [401, 404,  200,   404,  404,  404,   404,  404],
  'POST /api/reach-out/alerts/:id/close':    [401,   404,   403,   404,  404,  404,   404,  404],
  'GET /api/residences/:id/reach-out-alerts': [401,  403,   200,   403,  200,  403,   403,  404],
  'GET /api/reach-out/settings':             [401,   403,   403,   403,  200,  403,   403,  200],
  'PATCH /api/reach-out/settings':           [401,   403,   403,   403,  200,  403,   403,  200],
  // Realtime (helper H1): the WebSocket needs a session; a plain GET without the upgrade is a clear 400.
  // Who may connect with which channels is tested in platform/realtime/realtime.test.ts.
  'GET /api/realtime':                       [401,   400,   400,   400,  400,  400,   400,  400],
  // Chat (helper H5): house A's conversation is its residents' and peer leaders'; everyone else finds nothing
  // (404) and writes nothing. Only the peer leader hides a reported message; the reports list is empty for others.
  'GET /api/chat/conversations':             [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/chat/conversations/:conversationId': [401, 200, 200,   404,  404,  404,   404,  404],
  'GET /api/chat/conversations/:conversationId/messages':  [401, 200, 200, 404, 404, 404, 404, 404],
  'POST /api/chat/conversations/:conversationId/messages': [401, 201, 201, 404, 404, 404, 404, 404],
  'POST /api/chat/conversations/:conversationId/read':     [401, 200, 200, 404, 404, 404, 404, 404],
  // Only someone who joined a thread without their name may show it; in the house conversation it already is (409).
  'PATCH /api/chat/conversations/:conversationId/my-name': [401, 409, 409, 404, 404, 404, 404, 404],
  'POST /api/chat/messages/:messageId/report': [401, 201, 201,   404,  404,  404,   404,  404],
  'POST /api/chat/messages/:messageId/hide': [401,   403,   200,   404,  404,  404,   404,  404],
  'GET /api/chat/reports':                   [401,   200,   200,   200,  200,  200,   200,  200],
  // Support (helper H3): anyone signed in browses what reaches them (counselors and admins: nothing); peers post.
  // House A's anonymous request is its members' alone (others: 404); only its author accepts or withdraws it,
  // only the person helped marks "this helped"; counts by kind per house: peer leaders and admins.
  'POST /api/support/requests':              [401,   201,   201,   403,  403,  201,   201,  403],
  'GET /api/support/requests':               [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/support/mine':                   [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/support/requests/:id':           [401,   200,   200,   404,  404,  404,   404,  404],
  'POST /api/support/requests/:id/withdraw': [401,   403,   403,   404,  404,  404,   404,  404],
  'POST /api/support/requests/:id/responses': [401,  201,   201,   404,  404,  404,   404,  404],
  'POST /api/support/responses/:id/accept':  [401,   403,   403,   404,  404,  404,   404,  404],
  'POST /api/support/responses/:id/withdraw': [401,  403,   403,   404,  404,  404,   404,  404],
  'POST /api/support/responses/:id/helped':  [401,   403,   403,   404,  404,  404,   404,  404],
  'GET /api/support/ledger/mine':            [401,   200,   200,   200,  200,  200,   200,  200],
  'GET /api/support/ledger/houses':          [401,   403,   200,   403,  200,  403,   403,  200],
  // Skills exchange and mentors (helper H4): peers only (residents, peer leaders, alumni); counselors and admins
  // 403. The marker shares skills with house A only; a session or mentorship is its two people's alone (404).
  'GET /api/skills':                         [401,   200,   200,   403,  403,  200,   200,  403],
  'POST /api/skills':                        [401,   201,   201,   403,  403,  201,   201,  403],
  'DELETE /api/skills/:id':                  [401,   404,   404,   403,  403,  404,   404,  403],
  'PATCH /api/skills/settings':              [401,   200,   200,   403,  403,  200,   200,  403],
  'GET /api/skills/matches':                 [401,   200,   200,   403,  403,  200,   200,  403],
  'GET /api/skill-sessions':                 [401,   200,   200,   403,  403,  200,   200,  403],
  'POST /api/skill-sessions':                [401,   201,   201,   403,  403,  404,   404,  403],
  'POST /api/skill-sessions/:id/accept':     [401,   404,   200,   403,  403,  404,   404,  403],
  'POST /api/skill-sessions/:id/cancel':     [401,   404,   200,   403,  403,  404,   404,  403],
  'POST /api/skill-sessions/:id/done':       [401,   404,   200,   403,  403,  404,   404,  403],
  'GET /api/mentors':                        [401,   200,   200,   403,  403,  200,   200,  403],
  'GET /api/mentors/suggestions':            [401,   200,   200,   403,  403,  200,   200,  403],
  // Asking the alumna to mentor: a resident may (any house); the peer leader is no newcomer; she cannot ask herself.
  'POST /api/mentorships':                   [401,   201,   403,   403,  403,  400,   201,  403],
  'PATCH /api/mentors/settings':             [401,   200,   200,   403,  403,  200,   200,  403],
  // The newcomer's request to the alumna: she accepts, they write in their log, then she ends it.
  'POST /api/mentorships/:id/accept':        [401,   404,   404,   403,  403,  200,   404,  403],
  'GET /api/mentorships/:id/check-ins':      [401,   404,   404,   403,  403,  200,   404,  403],
  'POST /api/mentorships/:id/check-ins':     [401,   404,   404,   403,  403,  201,   404,  403],
  'POST /api/mentorships/:id/end':           [401,   404,   404,   403,  403,  200,   404,  403],
  // The marker's request to the peer leader, who declines.
  'POST /api/mentorships/:id/decline':       [401,   404,   200,   403,  403,  404,   404,  403],
};

type World = {
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

type Request = { method: string; url: string; body?: unknown; freshSession?: boolean };

// How each route is called: always with a valid request, aimed at records of the first organization.
/** Sign-in and reset tries of unknown logins, each its own (see below). */
let unknownLogins = 0;

const REQUESTS: Record<string, (w: World) => Request> = {
  'GET /api/openapi.json': () => ({ method: 'GET', url: '/api/openapi.json' }),
  'GET /api/docs': () => ({ method: 'GET', url: '/api/docs' }),
  'GET /api/health': () => ({ method: 'GET', url: '/api/health' }),
  'GET /api/ping': () => ({ method: 'GET', url: '/api/ping' }),
  'GET /api/setup': () => ({ method: 'GET', url: '/api/setup' }),
  'POST /api/setup': () => ({
    method: 'POST',
    url: '/api/setup',
    body: { token: 'a-token-nobody-was-given', organizationName: 'Takeover Homes', admin: accountInput() },
  }),
  'POST /api/auth/sign-in': () => ({
    method: 'POST',
    url: '/api/auth/sign-in',
    // A login of its own each time: five failures of one login from one address make the next one wait.
    body: { login: `nobody-by-this-name-${++unknownLogins}`, password: 'whatever-it-is' },
  }),
  'POST /api/auth/sign-out': () => ({ method: 'POST', url: '/api/auth/sign-out', freshSession: true }),
  'POST /api/auth/reset-password': () => ({
    method: 'POST',
    url: '/api/auth/reset-password',
    body: {
      login: `nobody-by-this-name-${++unknownLogins}`,
      code: 'AAAA-BBBB-CCCC',
      newPassword: 'a-new-password-1',
    },
  }),
  'GET /api/me': () => ({ method: 'GET', url: '/api/me' }),
  'PATCH /api/me/profile': () => ({ method: 'PATCH', url: '/api/me/profile', body: { language: 'en' } }),
  'PATCH /api/me/privacy': () => ({
    method: 'PATCH',
    url: '/api/me/privacy',
    body: { nameStyle: 'first_last_initial' },
  }),
  'GET /api/me/sessions': () => ({ method: 'GET', url: '/api/me/sessions' }),
  // Someone else's session: nobody may sign another person out.
  'DELETE /api/me/sessions/:id': (w) => ({ method: 'DELETE', url: `/api/me/sessions/${w.markerSessionId}` }),
  'GET /api/house': () => ({ method: 'GET', url: '/api/house' }),
  'GET /api/residences': () => ({ method: 'GET', url: '/api/residences' }),
  'POST /api/residences': () => ({ method: 'POST', url: '/api/residences', body: residenceInput() }),
  'GET /api/residences/:id': (w) => ({ method: 'GET', url: `/api/residences/${w.houseA}` }),
  'PATCH /api/residences/:id': (w) => ({
    method: 'PATCH',
    url: `/api/residences/${w.houseA}`,
    body: { address: '1 Changed Rd' },
  }),
  'GET /api/residences/:id/house': (w) => ({ method: 'GET', url: `/api/residences/${w.houseA}/house` }),
  'GET /api/programs': () => ({ method: 'GET', url: '/api/programs' }),
  'POST /api/programs': () => ({
    method: 'POST',
    url: '/api/programs',
    body: { name: 'A new track', focus: ['parents_with_children'] },
  }),
  'PATCH /api/programs/:id': (w) => ({
    method: 'PATCH',
    url: `/api/programs/${w.programId}`,
    body: { description: 'Changed' },
  }),
  'GET /api/invitations': () => ({ method: 'GET', url: '/api/invitations' }),
  'POST /api/invitations': () => ({ method: 'POST', url: '/api/invitations', body: { role: 'counselor' } }),
  'DELETE /api/invitations/:id': (w) => ({
    method: 'DELETE',
    url: `/api/invitations/${w.pendingInvitationId}`,
  }),
  'GET /api/invitations/code/:code': (w) => ({
    method: 'GET',
    url: `/api/invitations/code/${w.previewCode}`,
  }),
  'POST /api/invitations/code/:code/accept': (w) => ({
    method: 'POST',
    url: `/api/invitations/code/${w.usedCode}/accept`,
    body: accountInput(),
  }),
  'GET /api/people': () => ({ method: 'GET', url: '/api/people' }),
  'GET /api/people/:id': (w) => ({ method: 'GET', url: `/api/people/${w.marker.id}` }),
  'POST /api/people/:id/memberships': (w) => ({
    method: 'POST',
    url: `/api/people/${w.spare.id}/memberships`,
    body: { role: 'counselor' },
  }),
  'POST /api/memberships/:id/end': (w) => ({
    method: 'POST',
    url: `/api/memberships/${w.spareCounselorMembershipId}/end`,
    body: {},
  }),
  'POST /api/people/:id/reset-code': (w) => ({
    method: 'POST',
    url: `/api/people/${w.marker.id}/reset-code`,
  }),
  'POST /api/counselor-assignments': (w) => ({
    method: 'POST',
    url: '/api/counselor-assignments',
    body: { counselorId: w.people.counselor.id, residentId: w.marker.id },
  }),
  'GET /api/counselor-assignments': () => ({ method: 'GET', url: '/api/counselor-assignments' }),
  'POST /api/counselor-assignments/:id/end': (w) => ({
    method: 'POST',
    url: `/api/counselor-assignments/${w.counselorAssignmentId}/end`,
  }),
  'GET /api/audit': () => ({ method: 'GET', url: '/api/audit' }),
  'POST /api/check-ins': () => ({
    method: 'POST',
    url: '/api/check-ins',
    body: { idempotencyKey: 'matrix-check-in-1', mood: 4, craving: 2, sleepHours: 7, triggers: ['stress'] },
  }),
  'GET /api/check-ins/today': () => ({ method: 'GET', url: '/api/check-ins/today' }),
  'GET /api/check-ins': () => ({ method: 'GET', url: '/api/check-ins?days=30' }),
  // The marker's own check-in: nobody else may change it, or learn that it exists.
  'PATCH /api/check-ins/:id': (w) => ({
    method: 'PATCH',
    url: `/api/check-ins/${w.markerCheckInId}`,
    body: { reflection: 'okay' },
  }),
  'GET /api/residences/:id/check-in-stats': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/check-in-stats?weeks=4`,
  }),
  'GET /api/residences/:id/signals': (w) => ({ method: 'GET', url: `/api/residences/${w.houseA}/signals` }),
  'POST /api/signals/:id/acknowledge': (w) => ({
    method: 'POST',
    url: `/api/signals/${w.markerSignalId}/acknowledge`,
    body: { note: 'Talked after dinner' },
  }),
  'GET /api/organization/settings': () => ({ method: 'GET', url: '/api/organization/settings' }),
  'PATCH /api/organization/settings': () => ({
    method: 'PATCH',
    url: '/api/organization/settings',
    body: { cravingThreshold: 8 },
  }),
  'GET /api/barc10': () => ({ method: 'GET', url: '/api/barc10' }),
  'POST /api/barc10': () => ({
    method: 'POST',
    url: '/api/barc10',
    body: { answers: [4, 4, 5, 3, 4, 5, 5, 6, 4, 5] },
  }),
  'GET /api/barc10/:id/fhir': (w) => ({ method: 'GET', url: `/api/barc10/${w.markerBarc10Id}/fhir` }),
  'GET /api/journey': () => ({ method: 'GET', url: '/api/journey' }),
  'POST /api/journey/clocks': () => ({
    method: 'POST',
    url: '/api/journey/clocks',
    body: { label: 'alcohol', startsOn: '2025-01-01' },
  }),
  'PATCH /api/journey/clocks/:id': (w) => ({
    method: 'PATCH',
    url: `/api/journey/clocks/${w.markerClockId}`,
    body: { visibleTo: 'organization' },
  }),
  'POST /api/journey/clocks/:id/reset': (w) => ({
    method: 'POST',
    url: `/api/journey/clocks/${w.markerClockId}/reset`,
    body: { startsOn: '2025-06-01' },
  }),
  // Journey (helper B): the marker's own clock.
  'POST /api/journey/clocks/:id/archive': (w) => ({
    method: 'POST',
    url: `/api/journey/clocks/${w.markerClockId}/archive`,
  }),
  'POST /api/journey/clocks/:id/restore': (w) => ({
    method: 'POST',
    url: `/api/journey/clocks/${w.markerClockId}/restore`,
  }),
  'GET /api/residences/:id/celebrations': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/celebrations`,
  }),
  'POST /api/milestones/:id/congratulations': (w) => ({
    method: 'POST',
    url: `/api/milestones/${w.markerMilestoneId}/congratulations`,
  }),
  'GET /api/residences/:id/upcoming-milestones': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/upcoming-milestones`,
  }),
  // Decisions (helper D): house A's meeting in progress (resident and peer leader present), its open motion,
  // the marker's commitment to the resident, and a closed meeting's minutes.
  'GET /api/meetings/:id/commitments': (w) => ({
    method: 'GET',
    url: `/api/meetings/${w.decisions!.decisionsMeetingId}/commitments`,
  }),
  'POST /api/meetings/:id/commitments': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.decisions!.decisionsMeetingId}/commitments`,
    body: { helperId: w.marker.id, helpedId: null, description: 'Game night', supportKind: 'affiliational' },
  }),
  'GET /api/me/commitments': () => ({ method: 'GET', url: '/api/me/commitments' }),
  'POST /api/commitments/:id/done': (w) => ({
    method: 'POST',
    url: `/api/commitments/${w.decisions!.decisionsCommitmentId}/done`,
    body: {},
  }),
  'GET /api/residences/:id/commitments': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/commitments`,
  }),
  'GET /api/meetings/:id/motions': (w) => ({
    method: 'GET',
    url: `/api/meetings/${w.decisions!.decisionsMeetingId}/motions`,
  }),
  'POST /api/meetings/:id/motions': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.decisions!.decisionsMeetingId}/motions`,
    body: { text: 'A house dinner on Sundays' },
  }),
  'POST /api/motions/:id/votes': (w) => ({
    method: 'POST',
    url: `/api/motions/${w.decisions!.decisionsMotionId}/votes`,
    body: { choice: 'for' },
  }),
  'POST /api/motions/:id/close': (w) => ({
    method: 'POST',
    url: `/api/motions/${w.decisions!.decisionsMotionId}/close`,
  }),
  'GET /api/meetings/:id/minutes': (w) => ({
    method: 'GET',
    url: `/api/meetings/${w.decisions!.decisionsClosedMeetingId}/minutes`,
  }),
  'GET /api/residences/:id/minutes': (w) => ({ method: 'GET', url: `/api/residences/${w.houseA}/minutes` }),
  // House meetings (helper C): house A's schedule, built by buildMeetingsWorld.
  'GET /api/residences/:id/meetings': (w) => ({ method: 'GET', url: `/api/residences/${w.houseA}/meetings` }),
  'POST /api/residences/:id/meetings': (w) => ({
    method: 'POST',
    url: `/api/residences/${w.houseA}/meetings`,
    body: { kind: 'emergency', title: 'Talk tonight', date: '2030-01-06', time: '21:00' },
  }),
  'POST /api/residences/:id/meeting-series': (w) => ({
    method: 'POST',
    url: `/api/residences/${w.houseA}/meeting-series`,
    body: { rrule: 'FREQ=WEEKLY;BYDAY=WE', startsOn: '2030-01-01', startTime: '18:00' },
  }),
  'PATCH /api/meeting-series/:id': (w) => ({
    method: 'PATCH',
    url: `/api/meeting-series/${w.meetings!.seriesId}`,
    body: { location: 'Kitchen' },
  }),
  'DELETE /api/meeting-series/:id': (w) => ({
    method: 'DELETE',
    url: `/api/meeting-series/${w.meetings!.spareSeriesId}`,
  }),
  'GET /api/meetings/:id': (w) => ({ method: 'GET', url: `/api/meetings/${w.meetings!.meetingId}` }),
  'PATCH /api/meetings/:id': (w) => ({
    method: 'PATCH',
    url: `/api/meetings/${w.meetings!.meetingId}`,
    body: { chairId: w.marker.id, secretaryId: w.people.peerLeader.id },
  }),
  'POST /api/meetings/:id/cancel': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.cancelMeetingId}/cancel`,
  }),
  'POST /api/meetings/:id/start': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.runMeetingId}/start`,
  }),
  'POST /api/meetings/:id/close': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.runMeetingId}/close`,
  }),
  'POST /api/meetings/:id/attendance': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.runningMeetingId}/attendance`,
    body: { personId: w.people.resident.id, status: 'present' },
  }),
  'POST /api/meetings/:id/agenda': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.meetingId}/agenda`,
    body: { title: 'The kitchen on weekends', anonymous: true },
  }),
  'POST /api/meetings/:id/agenda/order': (w) => ({
    method: 'POST',
    url: `/api/meetings/${w.meetings!.emergencyMeetingId}/agenda/order`,
    body: { itemIds: [w.meetings!.orderItemId] },
  }),
  'PATCH /api/agenda-items/:id': (w) => ({
    method: 'PATCH',
    url: `/api/agenda-items/${w.meetings!.minutesItemId}`,
    body: { minutes: 'Quiet from ten; agreed.' },
  }),
  'DELETE /api/agenda-items/:id': (w) => ({
    method: 'DELETE',
    url: `/api/agenda-items/${w.meetings!.removableItemId}`,
  }),
  'GET /api/residences/:id/meeting-settings': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/meeting-settings`,
  }),
  'PATCH /api/residences/:id/meeting-settings': (w) => ({
    method: 'PATCH',
    url: `/api/residences/${w.houseA}/meeting-settings`,
    body: { quorum: 3 },
  }),
  'GET /api/notifications': () => ({ method: 'GET', url: '/api/notifications' }),
  // The marker's own reminder: nobody else may mark it read, or learn that it exists.
  'POST /api/notifications/:id/read': (w) => ({
    method: 'POST',
    url: `/api/notifications/${w.meetings!.markerNotificationId}/read`,
  }),
  'POST /api/notifications/read-all': () => ({ method: 'POST', url: '/api/notifications/read-all' }),
  'GET /api/notifications/settings': () => ({ method: 'GET', url: '/api/notifications/settings' }),
  'PATCH /api/notifications/settings': () => ({
    method: 'PATCH',
    url: '/api/notifications/settings',
    body: { mutedTopics: ['chat'], quietFrom: '22:00', quietUntil: '07:00' },
  }),
  'GET /api/push/key': () => ({ method: 'GET', url: '/api/push/key' }),
  'GET /api/push/subscriptions': () => ({ method: 'GET', url: '/api/push/subscriptions' }),
  'POST /api/push/test': () => ({ method: 'POST', url: '/api/push/test' }),
  'POST /api/push/subscriptions': () => ({
    method: 'POST',
    url: '/api/push/subscriptions',
    body: { endpoint: 'https://push.example.org/matrix-device', keys: MATRIX_PUSH_KEYS },
  }),
  'DELETE /api/push/subscriptions/:id': (w) => ({
    method: 'DELETE',
    url: `/api/push/subscriptions/${w.notifications!.markerDeviceId}`,
  }),
  'GET /api/outside-meetings': () => ({ method: 'GET', url: '/api/outside-meetings?type=O' }),
  'POST /api/outside-meetings': () => ({
    method: 'POST',
    url: '/api/outside-meetings',
    body: {
      name: 'Thursday Step Study',
      days: [4],
      time: '18:30',
      timeZone: 'America/Chicago',
      types: ['ST'],
    },
  }),
  'PATCH /api/outside-meetings/:id': (w) => ({
    method: 'PATCH',
    url: `/api/outside-meetings/${w.outside!.outsideMeetingId}`,
    body: { notes: 'Coffee at 18:45' },
  }),
  'DELETE /api/outside-meetings/:id': (w) => ({
    method: 'DELETE',
    url: `/api/outside-meetings/${w.outside!.outsideMeetingToDeleteId}`,
  }),
  'POST /api/outside-meetings/import': () => ({
    method: 'POST',
    url: '/api/outside-meetings/import',
    body: {
      feed: JSON.stringify([{ name: 'Imported Noon', slug: 'imported-noon', day: 1, time: '12:00' }]),
      timeZone: 'America/Chicago',
    },
  }),
  'GET /api/outside-attendance': () => ({ method: 'GET', url: '/api/outside-attendance' }),
  'POST /api/outside-attendance': () => ({
    method: 'POST',
    url: '/api/outside-attendance',
    body: { name: 'Noon meeting downtown', attendedOn: new Date().toISOString().slice(0, 10) },
  }),
  // The marker's own entry: nobody else may remove it, or learn that it exists.
  'DELETE /api/outside-attendance/:id': (w) => ({
    method: 'DELETE',
    url: `/api/outside-attendance/${w.outside!.markerAttendanceId}`,
  }),
  'GET /api/residences/:id/outside-attendance': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/outside-attendance`,
  }),
  'GET /api/public/:slug/meetings.json': (w) => ({ method: 'GET', url: w.outside!.feedPath }),
  'GET /api/calendar-feeds': () => ({ method: 'GET', url: '/api/calendar-feeds' }),
  'POST /api/calendar-feeds': () => ({
    method: 'POST',
    url: '/api/calendar-feeds',
    body: { scope: 'person' },
  }),
  'DELETE /api/calendar-feeds/:id': (w) => ({
    method: 'DELETE',
    url: `/api/calendar-feeds/${w.outside!.markerCalendarFeedId}`,
  }),
  // Chat (helper H5): house A's conversation and the marker's messages there.
  'GET /api/chat/conversations': () => ({ method: 'GET', url: '/api/chat/conversations' }),
  'GET /api/chat/conversations/:conversationId': (w) => ({
    method: 'GET',
    url: `/api/chat/conversations/${w.chat!.houseConversationId}`,
  }),
  'GET /api/chat/conversations/:conversationId/messages': (w) => ({
    method: 'GET',
    url: `/api/chat/conversations/${w.chat!.houseConversationId}/messages`,
  }),
  'POST /api/chat/conversations/:conversationId/messages': (w) => ({
    method: 'POST',
    url: `/api/chat/conversations/${w.chat!.houseConversationId}/messages`,
    body: { body: 'Anyone up for a walk?' },
  }),
  'POST /api/chat/conversations/:conversationId/read': (w) => ({
    method: 'POST',
    url: `/api/chat/conversations/${w.chat!.houseConversationId}/read`,
    body: { seq: 0 },
  }),
  'PATCH /api/chat/conversations/:conversationId/my-name': (w) => ({
    method: 'PATCH',
    url: `/api/chat/conversations/${w.chat!.houseConversationId}/my-name`,
    body: { shown: true },
  }),
  'POST /api/chat/messages/:messageId/report': (w) => ({
    method: 'POST',
    url: `/api/chat/messages/${w.chat!.toReportMessageId}/report`,
    body: { reason: 'Not kind' },
  }),
  'POST /api/chat/messages/:messageId/hide': (w) => ({
    method: 'POST',
    url: `/api/chat/messages/${w.chat!.toHideMessageId}/hide`,
  }),
  'GET /api/chat/reports': () => ({ method: 'GET', url: '/api/chat/reports' }),
  // Support (helper H3): the marker's anonymous house request, a second one, and a housemate's offer.
  'POST /api/support/requests': () => ({
    method: 'POST',
    url: '/api/support/requests',
    body: { supportKind: 'emotional', body: 'Someone to talk to tonight', audience: 'organization' },
  }),
  'GET /api/support/requests': () => ({ method: 'GET', url: '/api/support/requests' }),
  'GET /api/support/mine': () => ({ method: 'GET', url: '/api/support/mine' }),
  'GET /api/support/requests/:id': (w) => ({
    method: 'GET',
    url: `/api/support/requests/${w.support!.supportRequestId}`,
  }),
  'POST /api/support/requests/:id/withdraw': (w) => ({
    method: 'POST',
    url: `/api/support/requests/${w.support!.supportWithdrawId}/withdraw`,
  }),
  'POST /api/support/requests/:id/responses': (w) => ({
    method: 'POST',
    url: `/api/support/requests/${w.support!.supportRequestId}/responses`,
    body: { note: 'I can help' },
  }),
  'POST /api/support/responses/:id/accept': (w) => ({
    method: 'POST',
    url: `/api/support/responses/${w.support!.supportResponseId}/accept`,
  }),
  'POST /api/support/responses/:id/withdraw': (w) => ({
    method: 'POST',
    url: `/api/support/responses/${w.support!.supportResponseId}/withdraw`,
  }),
  'POST /api/support/responses/:id/helped': (w) => ({
    method: 'POST',
    url: `/api/support/responses/${w.support!.supportResponseId}/helped`,
    body: {},
  }),
  'GET /api/support/ledger/mine': () => ({ method: 'GET', url: '/api/support/ledger/mine' }),
  'GET /api/support/ledger/houses': () => ({ method: 'GET', url: '/api/support/ledger/houses?weeks=4' }),
  'GET /api/calendar/:file': (w) => ({ method: 'GET', url: w.outside!.markerCalendarPath }),
  // Reach out now (helper H6).
  'GET /api/reach-out/crisis-lines': () => ({ method: 'GET', url: '/api/reach-out/crisis-lines' }),
  'GET /api/reach-out': () => ({ method: 'GET', url: '/api/reach-out' }),
  'POST /api/reach-out/availability': () => ({
    method: 'POST',
    url: '/api/reach-out/availability',
    body: { available: true },
  }),
  'POST /api/reach-out/alerts': () => ({
    method: 'POST',
    url: '/api/reach-out/alerts',
    body: { idempotencyKey: 'matrix-reach-out-tap' },
  }),
  'GET /api/reach-out/alerts/:id': (w) => ({
    method: 'GET',
    url: `/api/reach-out/alerts/${w.reachOut!.markerAlertId}`,
  }),
  'POST /api/reach-out/alerts/:id/acknowledge': (w) => ({
    method: 'POST',
    url: `/api/reach-out/alerts/${w.reachOut!.markerAlertId}/acknowledge`,
  }),
  'POST /api/reach-out/alerts/:id/close': (w) => ({
    method: 'POST',
    url: `/api/reach-out/alerts/${w.reachOut!.housemateAlertId}/close`,
  }),
  'GET /api/residences/:id/reach-out-alerts': (w) => ({
    method: 'GET',
    url: `/api/residences/${w.houseA}/reach-out-alerts`,
  }),
  'GET /api/reach-out/settings': () => ({ method: 'GET', url: '/api/reach-out/settings' }),
  'PATCH /api/reach-out/settings': () => ({
    method: 'PATCH',
    url: '/api/reach-out/settings',
    body: { escalateAfterMinutes: 5 },
  }),
  'GET /api/realtime': () => ({ method: 'GET', url: '/api/realtime' }),
  // Skills exchange and mentors (helper H4): records built by buildPeersWorld.
  'GET /api/skills': () => ({ method: 'GET', url: '/api/skills' }),
  'POST /api/skills': () => ({
    method: 'POST',
    url: '/api/skills',
    body: { skill: 'fitness', direction: 'learn' },
  }),
  'DELETE /api/skills/:id': (w) => ({
    method: 'DELETE',
    url: `/api/skills/${w.peers!.markerParentingListingId}`,
  }),
  'PATCH /api/skills/settings': () => ({
    method: 'PATCH',
    url: '/api/skills/settings',
    body: { skillsVisibleTo: 'house' },
  }),
  'GET /api/skills/matches': () => ({ method: 'GET', url: '/api/skills/matches' }),
  'GET /api/skill-sessions': () => ({ method: 'GET', url: '/api/skill-sessions' }),
  'POST /api/skill-sessions': (w) => ({
    method: 'POST',
    url: '/api/skill-sessions',
    body: { listingId: w.peers!.markerCookingListingId },
  }),
  'POST /api/skill-sessions/:id/accept': (w) => ({
    method: 'POST',
    url: `/api/skill-sessions/${w.peers!.sessionToAcceptId}/accept`,
  }),
  'POST /api/skill-sessions/:id/cancel': (w) => ({
    method: 'POST',
    url: `/api/skill-sessions/${w.peers!.sessionToCancelId}/cancel`,
  }),
  'POST /api/skill-sessions/:id/done': (w) => ({
    method: 'POST',
    url: `/api/skill-sessions/${w.peers!.sessionToFinishId}/done`,
  }),
  'GET /api/mentors': () => ({ method: 'GET', url: '/api/mentors' }),
  'GET /api/mentors/suggestions': () => ({ method: 'GET', url: '/api/mentors/suggestions' }),
  'POST /api/mentorships': (w) => ({
    method: 'POST',
    url: '/api/mentorships',
    body: { mentorId: w.people.alumni.id },
  }),
  'PATCH /api/mentors/settings': () => ({
    method: 'PATCH',
    url: '/api/mentors/settings',
    body: { openToMentoring: true },
  }),
  'POST /api/mentorships/:id/accept': (w) => ({
    method: 'POST',
    url: `/api/mentorships/${w.peers!.newcomerRequestId}/accept`,
  }),
  'GET /api/mentorships/:id/check-ins': (w) => ({
    method: 'GET',
    url: `/api/mentorships/${w.peers!.newcomerRequestId}/check-ins`,
  }),
  'POST /api/mentorships/:id/check-ins': (w) => ({
    method: 'POST',
    url: `/api/mentorships/${w.peers!.newcomerRequestId}/check-ins`,
    body: { note: 'Coffee after the meeting' },
  }),
  'POST /api/mentorships/:id/end': (w) => ({
    method: 'POST',
    url: `/api/mentorships/${w.peers!.newcomerRequestId}/end`,
  }),
  'POST /api/mentorships/:id/decline': (w) => ({
    method: 'POST',
    url: `/api/mentorships/${w.peers!.markerRequestId}/decline`,
  }),
};

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

let world: World;
let catalogued: FastifyInstance;
let appRoutes: string[];

beforeAll(async () => {
  const built = await buildAppWithRouteList();
  catalogued = built.app;
  appRoutes = apiRouteKeys(built.routes);

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
  world = {
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
  world.outside = await buildOutsideWorld(orgAdmin, marker);
  world.reachOut = await buildReachOutWorld(orgAdmin, houseA, marker);
  world.notifications = await buildNotificationsWorld(marker);
  world.chat = await buildChatWorld({ marker, resident: world.people.resident });
  world.support = await buildSupportWorld(houseA, { orgAdmin, marker });
  world.decisions = await buildDecisionsWorld(houseA, {
    resident: world.people.resident,
    peerLeader: world.people.peerLeader,
    helper: marker,
  });
  world.meetings = await buildMeetingsWorld(houseA, {
    orgAdmin: world.people.orgAdmin,
    peerLeader: world.people.peerLeader,
    marker,
  });
  world.peers = await buildPeersWorld(houseA, {
    orgAdmin: world.people.orgAdmin,
    marker,
    peerLeader: world.people.peerLeader,
    alumni: world.people.alumni,
  });
});

afterAll(async () => {
  await catalogued.close();
});

describe('role × route matrix', () => {
  it('should have a row for every API route of the app, and no row for a route that is gone', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(appRoutes);
    expect(Object.keys(REQUESTS).sort()).toEqual(appRoutes);
  });

  const cases = Object.entries(EXPECTED).flatMap(([route, statuses]) =>
    ROLES.map((role, i) => ({ route, role, status: statuses[i]! })),
  );

  it.each(cases)('$route as $role → $status', async ({ route, role, status }) => {
    const request = REQUESTS[route]!(world);
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
