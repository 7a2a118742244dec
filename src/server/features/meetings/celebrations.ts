// Celebrations on a meeting's agenda: the milestones the house's residents reached since its previous
// meeting, as far as each viewer may see them.
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, ne } from 'drizzle-orm';
import { milestoneFromKey } from '../../../shared/domain/milestones.ts';
import { addDays } from '../../../shared/domain/recurrence.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { houseMeetings, milestoneEvents, recoveryClocks } from '../../platform/database/schema.ts';
import { canSeeRecoveryTime } from '../journey/policy.ts';
import type { HouseMember } from './members.ts';
import type { MeetingRow } from './records.ts';

export type Celebration = {
  personId: string;
  displayName: string;
  milestone: { key: string; unit: 'hours' | 'days' | 'months' | 'years'; count: number };
  reachedOn: string;
};

/**
 * Milestones the house's current residents reached since the house's previous meeting, up to this
 * one's day — only those whose recovery time the viewer may see (the person's chosen audience).
 */
export async function celebrationsFor(
  db: Executor,
  actor: Actor,
  meeting: MeetingRow,
  members: HouseMember[],
): Promise<Celebration[]> {
  if (members.length === 0) return [];
  const [previous] = await db
    .select({ localDate: houseMeetings.localDate })
    .from(houseMeetings)
    .where(
      and(
        eq(houseMeetings.residenceId, meeting.residenceId),
        ne(houseMeetings.state, 'cancelled'),
        lt(houseMeetings.localDate, meeting.localDate),
      ),
    )
    .orderBy(desc(houseMeetings.localDate))
    .limit(1);
  const since = previous?.localDate ?? addDays(meeting.localDate, -7);
  const rows = await db
    .select({
      personId: milestoneEvents.personId,
      milestone: milestoneEvents.milestone,
      reachedOn: milestoneEvents.reachedOn,
      visibleTo: recoveryClocks.visibleTo,
    })
    .from(milestoneEvents)
    .innerJoin(recoveryClocks, eq(recoveryClocks.id, milestoneEvents.clockId))
    .where(
      and(
        eq(milestoneEvents.organizationId, meeting.organizationId),
        inArray(
          milestoneEvents.personId,
          members.map((m) => m.personId),
        ),
        isNull(recoveryClocks.archivedAt),
        gt(milestoneEvents.reachedOn, since),
        lte(milestoneEvents.reachedOn, meeting.localDate),
      ),
    )
    .orderBy(asc(milestoneEvents.reachedOn));
  const names = new Map(members.map((m) => [m.personId, m.displayName]));
  const seen: Celebration[] = [];
  for (const row of rows) {
    const owner = { personId: row.personId, residenceIds: [meeting.residenceId] };
    if (!canSeeRecoveryTime(actor, owner, row.visibleTo)) continue;
    const milestone = milestoneFromKey(row.milestone);
    if (!milestone) continue;
    seen.push({
      personId: row.personId,
      displayName: names.get(row.personId) ?? '',
      milestone: { key: milestone.key, unit: milestone.unit, count: milestone.count },
      reachedOn: row.reachedOn,
    });
  }
  return seen;
}
