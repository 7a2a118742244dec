// Alerts as a viewer sees them: names as peers see them (never a full last name), times, counts, states.
// There is no private text to leave out: an alert carries none.
import { eq, type SQL, sql } from 'drizzle-orm';
import type { AlertView, ReachOutCircle } from '../../../shared/contracts/reach-out.ts';
import { formatDisplayName } from '../../../shared/domain/display-name.ts';
import type { NameStyle } from '../../../shared/domain/vocabulary.ts';
import type { Executor } from '../../platform/database/executor.ts';
import { people, residences } from '../../platform/database/schema.ts';

type AlertRow = {
  id: string;
  person_id: string;
  first_name: string;
  last_name: string;
  name_style: string;
  residence_id: string | null;
  residence_name: string | null;
  created_at: Date | string;
  escalate_at: Date | string;
  escalated_at: Date | string | null;
  closed_at: Date | string | null;
  acknowledged_at: Date | string | null;
  house_count: number;
  escalation_count: number;
  my_circle: string | null;
  acks: { personId: string; firstName: string; lastName: string; nameStyle: string; at: string }[];
};

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
const nameOfRow = (first: string, last: string, style: string) =>
  formatDisplayName(first, last, style as NameStyle);

export function presentAlert(row: AlertRow, viewerId: string): AlertView {
  const acknowledgements = row.acks.map((a) => ({
    personId: a.personId,
    displayName: nameOfRow(a.firstName, a.lastName, a.nameStyle),
    at: iso(a.at),
  }));
  return {
    id: row.id,
    personId: row.person_id,
    displayName: nameOfRow(row.first_name, row.last_name, row.name_style),
    residenceId: row.residence_id,
    residenceName: row.residence_name,
    createdAt: iso(row.created_at),
    escalateAt: iso(row.escalate_at),
    escalatedAt: isoOrNull(row.escalated_at),
    closedAt: isoOrNull(row.closed_at),
    state: row.closed_at ? 'closed' : row.acknowledged_at ? 'acknowledged' : 'open',
    alerted: { house: row.house_count, escalation: row.escalation_count },
    acknowledgements,
    mine: row.person_id === viewerId,
    myCircle: (row.my_circle as ReachOutCircle | null) ?? null,
    iAcknowledged: acknowledgements.some((a) => a.personId === viewerId),
  };
}

/** Alerts of one organization matching `where` (on alias a), newest first, as `viewerId` sees them. */
async function loadAlerts(
  db: Executor,
  organizationId: string,
  viewerId: string,
  where: SQL,
  limit = 50,
): Promise<AlertView[]> {
  // A template, not the builder: each alert's counts per circle, the viewer's circle and its
  // acknowledgements with their names are correlated subqueries and a json_agg, in one statement.
  const result = await db.execute<AlertRow>(sql`
    select a.id, a.person_id, p.first_name, p.last_name, p.name_style, a.residence_id, r.name as residence_name,
      a.created_at, a.escalate_at, a.escalated_at, a.closed_at, a.acknowledged_at,
      (select count(*) from reach_out_recipients x
        where x.organization_id = a.organization_id and x.alert_id = a.id and x.circle = 'house')::int as house_count,
      (select count(*) from reach_out_recipients x
        where x.organization_id = a.organization_id and x.alert_id = a.id and x.circle = 'escalation')::int as escalation_count,
      (select x.circle from reach_out_recipients x
        where x.organization_id = a.organization_id and x.alert_id = a.id and x.person_id = ${viewerId}) as my_circle,
      coalesce((
        select json_agg(json_build_object('personId', k.person_id, 'firstName', q.first_name,
          'lastName', q.last_name, 'nameStyle', q.name_style, 'at', k.at) order by k.at)
        from reach_out_acknowledgements k join people q on q.id = k.person_id
        where k.organization_id = a.organization_id and k.alert_id = a.id), '[]'::json) as acks
    from reach_out_alerts a
    join people p on p.id = a.person_id
    left join residences r on r.id = a.residence_id
    where a.organization_id = ${organizationId} and (${where})
    order by a.created_at desc
    limit ${limit}`);
  return result.rows.map((row) => presentAlert(row, viewerId));
}

/** One alert, as the viewer sees it (null when the organization has no such alert). */
export async function loadAlert(
  db: Executor,
  organizationId: string,
  viewerId: string,
  alertId: string,
): Promise<AlertView | null> {
  const [found] = await loadAlerts(db, organizationId, viewerId, sql`a.id = ${alertId}`, 1);
  return found ?? null;
}

/** The viewer's own alert that is still open, from the last day (the latest), if any. */
export async function myOpenAlert(db: Executor, organizationId: string, personId: string) {
  const [mine] = await loadAlerts(
    db,
    organizationId,
    personId,
    sql`a.person_id = ${personId} and a.closed_at is null and a.created_at > now() - interval '1 day'`,
    1,
  );
  return mine ?? null;
}

/** Open alerts from the last day that reached the viewer. */
export async function openAlertsReaching(db: Executor, organizationId: string, personId: string) {
  return await loadAlerts(
    db,
    organizationId,
    personId,
    sql`a.closed_at is null and a.created_at > now() - interval '1 day' and exists (
      select 1 from reach_out_recipients x
      where x.organization_id = a.organization_id and x.alert_id = a.id and x.person_id = ${personId})`,
    20,
  );
}

/** A house's alerts of the last 90 days, for its record. */
export async function houseAlerts(
  db: Executor,
  organizationId: string,
  viewerId: string,
  residenceId: string,
) {
  return await loadAlerts(
    db,
    organizationId,
    viewerId,
    sql`a.residence_id = ${residenceId} and a.created_at > now() - interval '90 days'`,
    200,
  );
}

/** A person's name as their peers see it (never a full last name). */
export async function nameOf(db: Executor, personId: string): Promise<string> {
  const [row] = await db
    .select({ firstName: people.firstName, lastName: people.lastName, nameStyle: people.nameStyle })
    .from(people)
    .where(eq(people.id, personId));
  return row ? nameOfRow(row.firstName, row.lastName, row.nameStyle) : '';
}

export async function residenceNameOf(db: Executor, residenceId: string | null): Promise<string | null> {
  if (!residenceId) return null;
  const [row] = await db
    .select({ name: residences.name })
    .from(residences)
    .where(eq(residences.id, residenceId));
  return row?.name ?? null;
}
