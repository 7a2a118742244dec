// Demo notifications: in the first house the peer leader keeps quiet hours (22:00–07:00, private messages
// not by push), and two residents have a few weeks of notifications of several kinds, the latest unread.
// All are marked as handled by push, so nothing old reaches a phone when the demo starts.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/realtime/publish.ts';

type Person = { person_id: string; role: string; name: string };

export async function seedNotifications(tx: Executor, organizationId: string): Promise<void> {
  const house = await tx.execute<{ id: string }>(sql`
    select id from residences where organization_id = ${organizationId} order by created_at, name limit 1`);
  const residenceId = house.rows[0]?.id;
  if (!residenceId) return;
  const members = await tx.execute<Person>(sql`
    select m.person_id, m.role, p.first_name || ' ' || left(p.last_name, 1) || '.' as name
    from memberships m join people p on p.id = m.person_id
    where m.organization_id = ${organizationId} and m.residence_id = ${residenceId}
      and m.role in ('resident', 'peer_leader') and m.ends_on is null
    order by (m.role = 'peer_leader') desc, p.username`);
  const leader = members.rows.find((m) => m.role === 'peer_leader');
  const [first, second] = members.rows.filter((m) => m.role === 'resident');
  if (!leader || !first || !second) return;
  await tx.execute(sql`
    insert into notification_settings (person_id, organization_id, muted_topics, quiet_from, quiet_until)
    values (${leader.person_id}, ${organizationId}, '{chat}', '22:00', '07:00')
    on conflict (person_id) do nothing`);
  const items: [Person, string, Record<string, unknown>, number, boolean][] = [
    [first, 'congratulations', { personName: leader.name }, 20, true],
    [first, 'skill_match', { displayName: second.name, skill: 'cooking' }, 12, true],
    [first, 'support_helped', { personName: second.name, supportKind: 'instrumental' }, 6, true],
    [first, 'support_offer', { personName: second.name, supportKind: 'emotional' }, 1, false],
    [second, 'support_accepted', { personName: first.name, supportKind: 'instrumental' }, 7, true],
    [second, 'mentor_accepted', {}, 3, false],
  ];
  for (const [person, kind, data, daysAgo, read] of items) {
    const at = sql`now() - make_interval(days => ${daysAgo}) - interval '3 hours'`;
    await tx.execute(sql`
      insert into notifications (organization_id, person_id, kind, data, dedupe_key, created_at, read_at, pushed_at)
      values (${organizationId}, ${person.person_id}, ${kind}, ${JSON.stringify({ ...data, urgent: false })}::jsonb,
        ${`demo:${kind}:${person.person_id}`}, ${at}, ${read ? sql`${at} + interval '2 hours'` : null}, ${at})
      on conflict do nothing`);
  }
}
