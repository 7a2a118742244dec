// Test support for the access matrix: house A's meetings with a commitment, a motion and minutes.
// Meetings and attendance belong to features/meetings; the matrix builds them directly.

import {
  commitments,
  houseMeetings,
  meetingAttendance,
  motions,
} from '../../server/platform/database/schema.ts';
import { testDb } from '../app.ts';

type Person = { id: string; organizationId: string };

/** An in-progress meeting (resident and peer leader present), an open motion, a commitment kept by `helper`, a closed meeting. */
export async function buildDecisionsWorld(
  houseId: string,
  people: { resident: Person; peerLeader: Person; helper: Person },
) {
  const db = testDb();
  const organizationId = people.resident.organizationId;
  const meeting = (state: string, localDate: string) => ({
    organizationId,
    residenceId: houseId,
    kind: 'regular',
    title: 'Sunday house meeting',
    startsAt: new Date(`${localDate}T18:00:00Z`),
    localDate,
    state,
    chairId: people.helper.id,
    secretaryId: people.helper.id,
  });
  const [open] = await db
    .insert(houseMeetings)
    .values(meeting('in_progress', '2026-11-22'))
    .returning({ id: houseMeetings.id });
  const [closed] = await db
    .insert(houseMeetings)
    .values({ ...meeting('closed', '2026-11-15'), closedAt: new Date() })
    .returning({ id: houseMeetings.id });
  await db.insert(meetingAttendance).values(
    [people.resident, people.peerLeader].map((p) => ({
      organizationId,
      meetingId: open!.id,
      personId: p.id,
      status: 'present',
    })),
  );
  const [motion] = await db
    .insert(motions)
    .values({ organizationId, meetingId: open!.id, text: 'Quiet hours from ten', movedBy: people.helper.id })
    .returning({ id: motions.id });
  const [commitment] = await db
    .insert(commitments)
    .values({
      organizationId,
      residenceId: houseId,
      meetingId: open!.id,
      helperId: people.helper.id,
      helpedId: people.resident.id,
      description: 'A ride to the Tuesday meeting',
      supportKind: 'instrumental',
    })
    .returning({ id: commitments.id });
  return {
    decisionsMeetingId: open!.id,
    decisionsClosedMeetingId: closed!.id,
    decisionsMotionId: motion!.id,
    decisionsCommitmentId: commitment!.id,
  };
}
