// Test support for the access matrix: house A's skills and mentorships, built through the real routes.
import { call } from '../app.ts';
import { buildPerson, type TestPerson } from '../factories.ts';

function expectOk(result: { status: number; text: string }, what: string) {
  if (result.status !== 201 && result.status !== 200)
    throw new Error(`${what}: ${result.status} ${result.text}`);
}

async function post(as: TestPerson, url: string, body: unknown, what: string) {
  const result = await call('POST', url, { as, body });
  expectOk(result, what);
  return result.body as { id: string };
}

/**
 * The marker teaches cooking (shared with house A only) and wants to learn parenting; the peer leader
 * teaches three skills, each with a session the marker proposed (one to accept, one to cancel, one
 * arranged to mark done). A newcomer of house A asked the alumna to mentor them; the marker asked the
 * peer leader (two years along, shared with the house).
 */
export async function buildPeersWorld(
  houseA: string,
  people: { orgAdmin: TestPerson; marker: TestPerson; peerLeader: TestPerson; alumni: TestPerson },
) {
  const { orgAdmin, marker, peerLeader, alumni } = people;
  const cooking = await post(
    marker,
    '/api/skills',
    { skill: 'cooking', direction: 'teach' },
    'marker cooking',
  );
  const parenting = await post(
    marker,
    '/api/skills',
    { skill: 'parenting', direction: 'learn' },
    'parenting',
  );
  const session = async (skill: string) => {
    const listing = await post(peerLeader, '/api/skills', { skill, direction: 'teach' }, `leader ${skill}`);
    return (await post(marker, '/api/skill-sessions', { listingId: listing.id }, `session ${skill}`)).id;
  };
  const sessionToAcceptId = await session('budgeting');
  const sessionToCancelId = await session('resume');
  const sessionToFinishId = await session('driving_practice');
  await post(peerLeader, `/api/skill-sessions/${sessionToFinishId}/accept`, undefined, 'arrange');

  const twoYearsAgo = new Date(Date.now() - 800 * 86_400_000).toISOString().slice(0, 10);
  await post(peerLeader, '/api/journey/clocks', { startsOn: twoYearsAgo }, 'leader clock');
  expectOk(
    await call('PATCH', '/api/me/privacy', { as: peerLeader, body: { stageVisibleTo: 'house' } }),
    'leader privacy',
  );
  for (const mentor of [peerLeader, alumni]) {
    expectOk(
      await call('PATCH', '/api/mentors/settings', { as: mentor, body: { openToMentoring: true } }),
      'open to mentoring',
    );
  }
  const newcomer = await buildPerson(orgAdmin, { role: 'resident', residenceId: houseA, firstName: 'Newt' });
  const newcomerRequestId = (
    await post(newcomer, '/api/mentorships', { mentorId: alumni.id }, 'newcomer asks')
  ).id;
  const markerRequestId = (await post(marker, '/api/mentorships', { mentorId: peerLeader.id }, 'marker asks'))
    .id;
  return {
    markerCookingListingId: cooking.id,
    markerParentingListingId: parenting.id,
    sessionToAcceptId,
    sessionToCancelId,
    sessionToFinishId,
    newcomerRequestId,
    markerRequestId,
  };
}
