// The people of a house as meetings need them: current residents (in rotation order, with the day
// their stay began) and peer leaders, each with the display name peers see.
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { RotationMember } from '../../../shared/domain/rotation.ts';
import { membershipHeldOn } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { memberships, people } from '../../platform/database/schema.ts';
import { displayNameOf } from '../people/presenters.ts';

export type HouseMember = RotationMember & {
  displayName: string;
  isResident: boolean;
  isPeerLeader: boolean;
};

/** Current residents and peer leaders of a house on a date (a person with both roles appears once). */
export async function currentMembers(
  db: Executor,
  organizationId: string,
  residenceId: string,
  on: string,
): Promise<HouseMember[]> {
  const rows = await db
    .select({
      personId: memberships.personId,
      role: memberships.role,
      startsOn: memberships.startsOn,
      firstName: people.firstName,
      lastName: people.lastName,
      nameStyle: people.nameStyle,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.residenceId, residenceId),
        inArray(memberships.role, ['resident', 'peer_leader']),
        membershipHeldOn(on),
      ),
    )
    .orderBy(asc(memberships.startsOn), asc(memberships.personId));
  const byPerson = new Map<string, HouseMember>();
  for (const row of rows) {
    const found = byPerson.get(row.personId) ?? {
      personId: row.personId,
      movedInOn: row.startsOn,
      displayName: displayNameOf(row),
      isResident: false,
      isPeerLeader: false,
    };
    if (row.role === 'resident') {
      found.isResident = true;
      found.movedInOn = row.startsOn;
    } else found.isPeerLeader = true;
    byPerson.set(row.personId, found);
  }
  return [...byPerson.values()];
}

/** Residents only: the people who take turns to chair. */
export const residentsOf = (members: HouseMember[]) => members.filter((m) => m.isResident);

/** The stay a person began in a house most recently (for someone who has moved out since). */
export async function lastStayStart(
  db: Executor,
  organizationId: string,
  residenceId: string,
  personId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ startsOn: memberships.startsOn })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.residenceId, residenceId),
        eq(memberships.personId, personId),
        eq(memberships.role, 'resident'),
      ),
    )
    .orderBy(desc(memberships.startsOn))
    .limit(1);
  return row?.startsOn ?? null;
}
