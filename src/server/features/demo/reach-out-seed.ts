// Demo reach out now: in the first house two residents are on call (available to be called), and one past
// alert: a resident reached out late one night nine days ago, her peer leader said "I'm calling you" two
// minutes later, and she closed it herself within the hour. No private text exists to seed.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/realtime/publish.ts';

export async function seedReachOut(tx: Executor, organizationId: string): Promise<void> {
  const house = await tx.execute<{ id: string }>(sql`
    select id from residences where organization_id = ${organizationId} order by created_at, name limit 1`);
  const residenceId = house.rows[0]?.id;
  if (!residenceId) return;
  const members = await tx.execute<{ person_id: string; role: string }>(sql`
    select m.person_id, m.role from memberships m join people p on p.id = m.person_id
    where m.organization_id = ${organizationId} and m.residence_id = ${residenceId}
      and m.role in ('resident', 'peer_leader') and m.ends_on is null
    order by (m.role = 'peer_leader') desc, p.username`);
  const leader = members.rows.find((m) => m.role === 'peer_leader')?.person_id;
  const residents = members.rows.filter((m) => m.role === 'resident').map((m) => m.person_id);
  if (!leader || residents.length < 3) return;
  const [asker, ...others] = residents.slice(2);
  const available = others.slice(0, 2);
  for (const personId of available) {
    await tx.execute(sql`
      insert into reach_out_availability (organization_id, person_id, since)
      values (${organizationId}, ${personId}, now() - interval '30 days') on conflict do nothing`);
  }
  // Nine days ago at 23:40 in the house's time zone (an hour's precision is plenty for a demo).
  const at = sql`date_trunc('day', now() - interval '9 days') + interval '23 hours 40 minutes'`;
  const alert = await tx.execute<{ id: string }>(sql`
    insert into reach_out_alerts
      (organization_id, person_id, residence_id, idempotency_key, created_at, escalate_at, acknowledged_at, closed_at, closed_by)
    values (${organizationId}, ${asker}, ${residenceId}, 'demo-past-alert', ${at}, ${at} + interval '5 minutes',
      ${at} + interval '2 minutes', ${at} + interval '47 minutes', ${asker})
    returning id`);
  const alertId = alert.rows[0]!.id;
  for (const personId of [leader, ...available]) {
    await tx.execute(sql`
      insert into reach_out_recipients (organization_id, alert_id, person_id, circle, alerted_at)
      values (${organizationId}, ${alertId}, ${personId}, 'house', ${at})`);
  }
  await tx.execute(sql`
    insert into reach_out_acknowledgements (organization_id, alert_id, person_id, at)
    values (${organizationId}, ${alertId}, ${leader}, ${at} + interval '2 minutes')`);
  await tx.execute(sql`
    insert into notifications (organization_id, person_id, kind, data, dedupe_key, created_at, read_at, pushed_at)
    values (${organizationId}, ${leader}, 'reach_out_alert',
      ${JSON.stringify({ alertId, circle: 'house', urgent: true })}::jsonb,
      ${`reach_out_alert:${alertId}`}, ${at}, ${at} + interval '1 minute', ${at}),
      (${organizationId}, ${asker}, 'reach_out_ack', ${JSON.stringify({ alertId, urgent: true })}::jsonb,
      ${`reach_out_ack:${alertId}:${leader}`}, ${at} + interval '2 minutes', ${at} + interval '3 minutes',
      ${at} + interval '2 minutes')`);
}
