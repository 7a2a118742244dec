// Residents made for the benchmark alone, in an organization and house of their own (the demo's houses stay
// as they are): a first-time check-in can happen once per person and day, so measuring real first
// check-ins for ten seconds needs thousands of people. Made with plain SQL in one transaction, each with
// a session whose cookie the load uses, the way a signed-in phone sends it.
import crypto from 'node:crypto';
import type pg from 'pg';
import { hashToken } from '../src/server/platform/auth/secrets.ts';
import { SESSION_COOKIE } from '../src/server/platform/auth/sessions.ts';

export async function makeBenchResidents(client: pg.Client, count: number): Promise<string[]> {
  const tokens = Array.from({ length: count }, () => crypto.randomBytes(24).toString('base64url'));
  await client.query('begin');
  try {
    const { rows } = await client.query<{ org: string; house: string; hash: string }>(
      `with org as (
         insert into organizations (name, slug) values ('Benchmark', 'benchmark-' || md5(random()::text)) returning id
       ), house as (
         insert into residences (organization_id, name, time_zone, bed_capacity, narr_level)
         select id, 'Benchmark House', 'America/New_York', $1, 2 from org returning id, organization_id
       )
       select house.organization_id as org, house.id as house,
         (select password_hash from people order by created_at limit 1) as hash
       from house`,
      [count],
    );
    const { org, house, hash } = rows[0]!;
    await client.query(
      `with made as (
         insert into people (organization_id, first_name, last_name, username, password_hash)
         select $1, 'Bench', 'Resident', 'bench-' || md5(random()::text) || '-' || i, $3
         from generate_series(1, $4::int) i
         returning id
       ), numbered as (select id, row_number() over () as n from made),
       lived as (
         insert into memberships (organization_id, person_id, residence_id, role, starts_on)
         select $1, id, $2, 'resident', current_date - 30 from numbered
       )
       insert into sessions (organization_id, person_id, token_hash, device, expires_at)
       select $1, numbered.id, t.hash, 'benchmark', now() + interval '1 day'
       from numbered join unnest($5::text[]) with ordinality as t(hash, n) using (n)`,
      [org, house, hash, count, tokens.map(hashToken)],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  // Real residents' rows are old and already vacuumed; freshly bulk-inserted ones would make each first
  // read set hint bits and dirty pages, which a phone's first check-in of the day never pays for.
  await client.query('vacuum (analyze) people, memberships, sessions');
  return tokens.map((t) => `${SESSION_COOKIE}=${t}`);
}
