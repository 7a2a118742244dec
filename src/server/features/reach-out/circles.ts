// Who is on call for a person: the first circle is their house's peer leaders and the housemates who opted
// in as available to be called; the next circle is the organization's other peer leaders.
import { and, asc, desc, eq, exists, inArray, isNotNull, ne, notInArray, or, sql } from 'drizzle-orm';
import { isCurrentMembership } from '../../platform/database/current-membership.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { memberships, reachOutAvailability, reachOutRecipients } from '../../platform/database/schema.ts';

/** The house a person reaches out from: where they live or lead today (the earliest membership first). */
export async function homeResidenceOf(
  db: Executor,
  organizationId: string,
  personId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ residenceId: memberships.residenceId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.personId, personId),
        inArray(memberships.role, ['resident', 'peer_leader']),
        isNotNull(memberships.residenceId),
        isCurrentMembership(),
      ),
    )
    .orderBy(desc(sql`${memberships.role} = 'resident'`), asc(memberships.startsOn), asc(memberships.id))
    .limit(1);
  return row?.residenceId ?? null;
}

/** The house's peer leaders and its current members who opted in as available, never the person asking. */
export async function houseCircleOf(
  db: Executor,
  organizationId: string,
  residenceId: string,
  askerId: string,
): Promise<string[]> {
  const optedIn = db
    .select({ personId: reachOutAvailability.personId })
    .from(reachOutAvailability)
    .where(
      and(
        eq(reachOutAvailability.personId, memberships.personId),
        eq(reachOutAvailability.organizationId, organizationId),
      ),
    );
  const rows = await db
    .selectDistinct({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.residenceId, residenceId),
        isCurrentMembership(),
        ne(memberships.personId, askerId),
        or(eq(memberships.role, 'peer_leader'), and(eq(memberships.role, 'resident'), exists(optedIn))),
      ),
    );
  return rows.map((r) => r.personId).sort();
}

/** The organization's peer leaders today, except the people given (the asker and whoever was alerted). */
export async function escalationCircleOf(
  db: Executor,
  organizationId: string,
  except: readonly string[],
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, 'peer_leader'),
        isCurrentMembership(),
        except.length > 0 ? notInArray(memberships.personId, [...except]) : undefined,
      ),
    );
  return rows.map((r) => r.personId).sort();
}

/** The people an alert reached, in either circle. */
export async function recipientsOf(db: Executor, organizationId: string, alertId: string): Promise<string[]> {
  const rows = await db
    .select({ personId: reachOutRecipients.personId })
    .from(reachOutRecipients)
    .where(
      and(eq(reachOutRecipients.organizationId, organizationId), eq(reachOutRecipients.alertId, alertId)),
    );
  return rows.map((r) => r.personId);
}
