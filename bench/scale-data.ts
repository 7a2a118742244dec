// The scale scenario's data: 10,000 residents in 500 houses of the demo organization, with a year of daily
// check-ins, support posts, house chat and notifications (and the audit entries reading them leaves), made
// by plain SQL in one transaction, so the demo's own people's reads can be measured again among them.
import type pg from 'pg';
import { DEMO_SLUG } from '../src/server/features/demo/seed.ts';

export const SCALE = {
  residents: 10_000,
  houses: 500,
  days: Number(process.env.BENCH_SCALE_DAYS ?? 365),
  /** Per house and day. */
  chatMessagesPerDay: 5,
  /** Each person posts one support request or offer this often, and gets a notification this often. */
  supportEveryDays: 30,
  notificationEveryDays: 3,
  /** Audit entries per house and day. */
  auditPerDay: 2,
};

export async function addScaleData(client: pg.Client, scale: typeof SCALE = SCALE): Promise<void> {
  await client.query('begin');
  try {
    const { rows } = await client.query<{ org: string; hash: string }>(
      'select o.id as org, (select password_hash from people where organization_id = o.id limit 1) as hash from organizations o where o.slug = $1',
      [DEMO_SLUG],
    );
    const { org, hash } = rows[0]!;
    const days = scale.days;
    await client.query(
      `insert into residences (organization_id, name, time_zone, bed_capacity, narr_level)
       select $1, 'Scale House ' || h, 'America/New_York', 24, 2 from generate_series(1, $2::int) h`,
      [org, scale.houses],
    );
    // House h has residents h, h + houses, h + 2 × houses, …
    await client.query(
      `create temp table scale_people on commit drop as
       with made as (
         insert into people (organization_id, first_name, last_name, username, password_hash, created_at)
         select $1, 'Scale', 'Resident ' || i, 'scale-' || i, $2, now() - make_interval(days => $4::int + 30)
         from generate_series(1, $3::int) i returning id, username
       )
       select made.id, r.id as residence_id
       from made join residences r on r.organization_id = $1
         and r.name = 'Scale House ' || ((split_part(made.username, '-', 2)::int - 1) % $5::int + 1)`,
      [org, hash, scale.residents, days, scale.houses],
    );
    await client.query(
      `insert into memberships (organization_id, person_id, residence_id, role, starts_on)
       select $1, id, residence_id, 'resident', current_date - ($2::int + 30) from scale_people`,
      [org, days],
    );
    await client.query(
      `insert into check_ins (organization_id, person_id, local_date, mood, craving, sleep_hours, triggers,
         gratitude, idempotency_key, created_at, updated_at)
       select $1, p.id, current_date - d, 1 + (d % 5), d % 8, 7, '{stress}', 'A quiet morning', 'scale-' || d,
         now() - make_interval(days => d), now() - make_interval(days => d)
       from scale_people p cross join generate_series(1, $2::int) d`,
      [org, days],
    );
    await client.query(
      `insert into support_requests (organization_id, author_id, residence_id, type, support_kind, body, audience,
         state, expires_at, created_at, closed_at)
       select $1, p.id, p.residence_id, case when d % 60 = 0 then 'offer' else 'request' end,
         (array['emotional','informational','instrumental','affiliational'])[1 + (d / $3::int) % 4],
         'A ride to the clinic on Tuesday', 'house', 'done',
         now() - make_interval(days => d) + interval '7 days', now() - make_interval(days => d),
         now() - make_interval(days => d) + interval '1 day'
       from scale_people p cross join generate_series($3::int, $2::int, $3::int) d`,
      [org, days, scale.supportEveryDays],
    );
    await client.query(
      `insert into conversations (organization_id, kind, residence_id, last_message_at)
       select $1, 'house', r.id, now() - interval '1 hour' from residences r
       where r.organization_id = $1 and r.name like 'Scale House %'
       on conflict do nothing`,
      [org],
    );
    await client.query(
      `insert into chat_messages (organization_id, conversation_id, author_id, body, created_at)
       select $1, c.id, p.id, 'See everyone at dinner tonight', now() - make_interval(days => d, mins => k)
       from conversations c
         join lateral (select id from scale_people sp where sp.residence_id = c.residence_id limit 1) p on true
         cross join generate_series(1, $2::int) d cross join generate_series(1, $3::int) k
       where c.organization_id = $1 and c.residence_id in (select residence_id from scale_people)
       order by d desc, k desc`,
      [org, days, scale.chatMessagesPerDay],
    );
    // Old notifications were pushed long ago: pushed_at is set, so the push sender has nothing to do.
    await client.query(
      `insert into notifications (organization_id, person_id, kind, data, created_at, read_at, pushed_at)
       select $1, p.id, 'support_request', '{}'::jsonb, now() - make_interval(days => d),
         case when d > 7 then now() - make_interval(days => d) end, now() - make_interval(days => d)
       from scale_people p cross join generate_series(1, $2::int, $3::int) d`,
      [org, days, scale.notificationEveryDays],
    );
    await client.query(
      `insert into audit_events (organization_id, actor_id, action, subject_type, subject_id, outcome, at)
       select $1, p.id, 'journey.read', 'person', p.id, 'allowed', now() - make_interval(days => d, mins => k)
       from (select distinct on (residence_id) id, residence_id from scale_people) p
         cross join generate_series(1, $2::int) d cross join generate_series(1, $3::int) k`,
      [org, days, scale.auditPerDay],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  // As long-lived rows would be: vacuumed, with fresh statistics for the planner.
  await client.query(
    'vacuum (analyze) people, memberships, residences, check_ins, support_requests, conversations, chat_messages, notifications, audit_events',
  );
}
