import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MembershipView } from '../../../shared/contracts/people.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { memberships, residences } from '../../platform/database/schema.ts';
import { presentMembership } from './presenters.ts';

/** Memberships of several people, newest first, grouped by person. */
export async function membershipsByPerson(
  db: Executor,
  organizationId: string,
  personIds: string[],
): Promise<Map<string, MembershipView[]>> {
  const result = new Map<string, MembershipView[]>();
  if (personIds.length === 0) return result;
  const rows = await db
    .select({ m: memberships, residenceName: residences.name })
    .from(memberships)
    .leftJoin(residences, eq(residences.id, memberships.residenceId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.personId, personIds)))
    .orderBy(asc(memberships.startsOn));
  const now = new Date();
  for (const { m, residenceName } of rows) {
    const list = result.get(m.personId) ?? [];
    list.unshift(presentMembership({ ...m, residenceName }, now));
    result.set(m.personId, list);
  }
  return result;
}
