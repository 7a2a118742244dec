// Who is on call for a person: the first circle is their house's peer leaders and the housemates who opted
// in as available to be called; the next circle is the organization's other peer leaders.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/realtime/publish.ts';

/** The house a person reaches out from: where they live or lead today (the earliest membership first). */
export async function homeResidenceOf(
  db: Executor,
  organizationId: string,
  personId: string,
): Promise<string | null> {
  const result = await db.execute<{ residence_id: string }>(sql`
    select residence_id from memberships
    where organization_id = ${organizationId} and person_id = ${personId}
      and role in ('resident', 'peer_leader') and residence_id is not null
      and hearth_membership_current(memberships)
    order by (role = 'resident') desc, starts_on, id
    limit 1`);
  return result.rows[0]?.residence_id ?? null;
}

/** The house's peer leaders and its current members who opted in as available, never the person asking. */
export async function houseCircleOf(
  db: Executor,
  organizationId: string,
  residenceId: string,
  askerId: string,
): Promise<string[]> {
  const result = await db.execute<{ person_id: string }>(sql`
    select distinct m.person_id from memberships m
    where m.organization_id = ${organizationId} and m.residence_id = ${residenceId}
      and hearth_membership_current(m)
      and m.person_id <> ${askerId}
      and (m.role = 'peer_leader'
        or (m.role = 'resident' and exists (
          select 1 from reach_out_availability a
          where a.person_id = m.person_id and a.organization_id = ${organizationId})))`);
  return result.rows.map((r) => r.person_id).sort();
}

/** The organization's peer leaders today, except the people given (the asker and whoever was alerted). */
export async function escalationCircleOf(
  db: Executor,
  organizationId: string,
  except: readonly string[],
): Promise<string[]> {
  const result = await db.execute<{ person_id: string }>(sql`
    select distinct person_id from memberships
    where organization_id = ${organizationId} and role = 'peer_leader'
      and hearth_membership_current(memberships)
      and not (person_id = any(${`{${except.join(',')}}`}::uuid[]))`);
  return result.rows.map((r) => r.person_id).sort();
}

/** Whether a person lives in or leads a house today (only they can be on call for housemates). */
export async function livesInAHouse(
  db: Executor,
  organizationId: string,
  personId: string,
): Promise<boolean> {
  return (await homeResidenceOf(db, organizationId, personId)) !== null;
}
