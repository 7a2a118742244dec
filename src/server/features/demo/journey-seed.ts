// Demo recovery clocks: every resident and alumnus gets one, their start dates spread over the four
// levels of recovery (days, months, years), a couple track two substances, some have a past reset (history
// kept), a few reach a milestone this week (celebrations, with congratulations) or in the next two weeks
// (upcoming for the peer leader), and the audiences vary. Deterministic: the seed's own random generator.
import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import { localDate } from '../../../shared/domain/dates.ts';
import { addDays, RECOVERY_AUDIENCES } from '../../../shared/domain/recovery-time.ts';
import type { Executor } from '../../platform/database/executor.ts';
import {
  congratulations,
  memberships,
  milestoneEvents,
  people,
  recoveryClocks,
  recoveryStretches,
  residences,
} from '../../platform/database/schema.ts';
import { recordReachedMilestones } from '../journey/service.ts';

/**
 * Days since each person's current start, in turn. Exact values land on milestones: 1 (24 hours today),
 * 30, 61 (60 days yesterday), 92, 182-ish and 365 celebrate this week; 20, 55, 84 and 358 are near a
 * milestone (upcoming). The rest spread across months and years, up to 12 years.
 */
const CURRENT_DAYS = [
  1, 400, 30, 55, 1830, 84, 140, 20, 61, 731, 250, 3, 358, 92, 2900, 12, 183, 600, 45, 1200, 365, 75, 4400, 8,
  300, 2000, 27, 520, 160, 1095,
];
const LABELS: [string, string][] = [
  ['alcohol', 'opioids'],
  ['alcohol', 'cannabis'],
];

type Person = { personId: string; username: string; residenceId: string | null };

export async function seedJourney(tx: Executor, organizationId: string, random: () => number): Promise<void> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const rows = await tx
    .select({
      personId: people.id,
      username: people.username,
      residenceId: memberships.residenceId,
      timeZone: residences.timeZone,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(residences, eq(residences.id, memberships.residenceId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        or(and(eq(memberships.role, 'resident'), isNull(memberships.endsOn)), eq(memberships.role, 'alumni')),
      ),
    )
    .orderBy(people.username);
  const seen = new Set<string>();
  const everyone = rows.filter((r) => !seen.has(r.personId) && seen.add(r.personId));
  const today = localDate(everyone[0]?.timeZone ?? 'UTC');

  const stretches: (typeof recoveryStretches.$inferSelect)[] = [];
  let twoClocks = 0;
  for (const [k, person] of everyone.entries()) {
    const isLeader = person.username.startsWith('leader');
    const isAlumnus = person.username.startsWith('alumni');
    // Peer leaders and alumni are further along; everyone else takes the next spread value.
    const days = isLeader
      ? 1500 + Math.floor(random() * 2000)
      : isAlumnus
        ? 700 + Math.floor(random() * 900)
        : CURRENT_DAYS[k % CURRENT_DAYS.length]!;
    const labels =
      !isLeader && !isAlumnus && k % 9 === 4 && twoClocks < LABELS.length ? LABELS[twoClocks++]! : [''];
    for (const [c, label] of labels.entries()) {
      const startsOn = addDays(today, -(c === 0 ? days : Math.floor(days / 3) + 5));
      const [clock] = await tx
        .insert(recoveryClocks)
        .values({
          organizationId,
          personId: person.personId,
          label,
          // One transaction shares one now(): order the clocks as if made one after the other.
          createdAt: new Date(Date.now() - (labels.length - c) * 60_000),
          visibleTo: isLeader ? 'house' : pick(['house', 'house', 'peer_leader', 'organization', 'only_me']),
        })
        .returning({ id: recoveryClocks.id });
      const clockId = clock!.id;
      // About one in three started again after a reset: an earlier stretch, ended the day before.
      if (c === 0 && !isLeader && random() < 0.35) {
        const previousDays = 20 + Math.floor(random() * 300);
        const [earlier] = await tx
          .insert(recoveryStretches)
          .values({
            organizationId,
            personId: person.personId,
            clockId,
            startsOn: addDays(startsOn, -1 - previousDays),
            endsOn: addDays(startsOn, -1),
          })
          .returning();
        if (earlier?.endsOn) await recordReachedMilestones(tx, [earlier], earlier.endsOn);
      }
      const [current] = await tx
        .insert(recoveryStretches)
        .values({ organizationId, personId: person.personId, clockId, startsOn })
        .returning();
      if (current) stretches.push(current);
    }
    await tx
      .update(people)
      .set({ stageVisibleTo: isLeader ? 'house' : pick(RECOVERY_AUDIENCES) })
      .where(eq(people.id, person.personId));
  }
  await recordReachedMilestones(tx, stretches, today);
  await congratulateThisWeek(tx, organizationId, everyone, addDays(today, -6), random);
  await seedPastClocks(tx, organizationId, everyone, today);
}

/**
 * A few residents put a clock away a month ago (a substance they no longer count separately): it shows
 * only to them, under "Past clocks", with its history. Uses no random numbers, so the rest stays as it was.
 */
async function seedPastClocks(tx: Executor, organizationId: string, everyone: Person[], today: string) {
  const chosen = everyone.filter(
    (p, k) => k % 11 === 6 && !p.username.startsWith('leader') && !p.username.startsWith('alumni'),
  );
  for (const person of chosen) {
    const [clock] = await tx
      .insert(recoveryClocks)
      .values({
        organizationId,
        personId: person.personId,
        label: 'nicotine',
        visibleTo: 'only_me',
        archivedAt: new Date(`${addDays(today, -30)}T18:00:00Z`),
      })
      .returning({ id: recoveryClocks.id });
    const clockId = clock!.id;
    await tx.insert(recoveryStretches).values([
      {
        organizationId,
        personId: person.personId,
        clockId,
        startsOn: addDays(today, -400),
        endsOn: addDays(today, -260),
      },
      { organizationId, personId: person.personId, clockId, startsOn: addDays(today, -259) },
    ]);
  }
}

/** A few housemates congratulate milestones of the last week that their house can see. */
async function congratulateThisWeek(
  tx: Executor,
  organizationId: string,
  everyone: Person[],
  since: string,
  random: () => number,
): Promise<void> {
  const recent = await tx
    .select({
      id: milestoneEvents.id,
      personId: milestoneEvents.personId,
      visibleTo: recoveryClocks.visibleTo,
    })
    .from(milestoneEvents)
    .innerJoin(recoveryClocks, eq(recoveryClocks.id, milestoneEvents.clockId))
    .innerJoin(recoveryStretches, eq(recoveryStretches.id, milestoneEvents.stretchId))
    .where(
      and(
        eq(milestoneEvents.organizationId, organizationId),
        isNull(recoveryStretches.endsOn),
        gte(milestoneEvents.reachedOn, since),
        inArray(recoveryClocks.visibleTo, ['house', 'organization']),
      ),
    )
    .orderBy(milestoneEvents.reachedOn, milestoneEvents.milestone);
  const houseOf = new Map(everyone.map((p) => [p.personId, p.residenceId]));
  const values: (typeof congratulations.$inferInsert)[] = [];
  for (const event of recent) {
    const housemates = everyone.filter(
      (p) =>
        p.personId !== event.personId &&
        p.residenceId === houseOf.get(event.personId) &&
        !p.username.startsWith('alumni'),
    );
    const count = Math.floor(random() * Math.min(4, housemates.length + 1));
    for (const mate of housemates.slice(0, count)) {
      values.push({ organizationId, milestoneEventId: event.id, fromPersonId: mate.personId });
    }
  }
  if (values.length > 0) await tx.insert(congratulations).values(values).onConflictDoNothing();
}
