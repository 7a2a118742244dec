// Sign-in slows down instead of locking anyone out, counted in PostgreSQL so every instance agrees
// (decision 0025). Failures are counted per (login, client), where the client is a device this person
// signed in from before (its cookie) or else the address; a known device never waits for failures
// that came from elsewhere.
import crypto from 'node:crypto';
import type { Db } from '../database/connect.ts';

export const WINDOW_MINUTES = 15;
/** Failures of one login from one client before each further try waits. */
export const FREE_FAILURES = 5;
/** The first wait, doubled with each further failure, up to MAX_WAIT_SECONDS. */
export const FIRST_WAIT_SECONDS = 30;
export const MAX_WAIT_SECONDS = 15 * 60;
/** Failures from one address over every login (trying many accounts) before it waits. */
export const MAX_FAILURES_PER_ADDRESS = 30;
/** Failures of one login from everywhere that make it a flood: new devices then share one try per spacing. */
export const FLOOD_FAILURES = 20;
export const FLOOD_SPACING_SECONDS = 10;

const key = (value: string) => crypto.createHash('sha256').update(value.trim().toLowerCase()).digest('hex');

/** Who is trying: a known device of the account (its cookie's hash), or an address. */
export type SignInClient = { kind: 'device'; tokenHash: string } | { kind: 'address'; address: string };
const clientKey = (client: SignInClient) =>
  key(client.kind === 'device' ? `device:${client.tokenHash}` : `address:${client.address}`);

/** Seconds before this client may try this login again (0: now). */
export function waitAfter(failures: number, secondsSinceLast: number): number {
  if (failures < FREE_FAILURES) return 0;
  const wait = Math.min(FIRST_WAIT_SECONDS * 2 ** (failures - FREE_FAILURES), MAX_WAIT_SECONDS);
  return Math.max(0, Math.ceil(wait - secondsSinceLast));
}

type Counts = {
  pair: number;
  pair_since: number | null;
  by_client: number;
  client_oldest_age: number | null;
  by_login: number;
  login_since: number | null;
};

/** How long this try must wait, in seconds; 0 lets the password be checked. */
export async function signInWait(db: Db, login: string, client: SignInClient): Promise<number> {
  const { rows } = await db.$client.query<Counts>(
    `select count(*) filter (where login_key = $1 and client_key = $2)::int as pair,
            extract(epoch from now() - max(at) filter (where login_key = $1 and client_key = $2))::float8 as pair_since,
            count(*) filter (where client_key = $2)::int as by_client,
            extract(epoch from now() - min(at) filter (where client_key = $2))::float8 as client_oldest_age,
            count(*) filter (where login_key = $1)::int as by_login,
            extract(epoch from now() - max(at) filter (where login_key = $1))::float8 as login_since
       from sign_in_failures
      where (login_key = $1 or client_key = $2) and at > now() - make_interval(mins => $3)`,
    [key(login), clientKey(client), WINDOW_MINUTES],
  );
  const c = rows[0]!;
  const own = waitAfter(c.pair, c.pair_since ?? 0);
  // A known device answers only for its own failures: nobody elsewhere can make it wait.
  if (client.kind === 'device') return own;
  const address =
    c.by_client >= MAX_FAILURES_PER_ADDRESS ? Math.ceil(WINDOW_MINUTES * 60 - (c.client_oldest_age ?? 0)) : 0;
  const flood =
    c.by_login >= FLOOD_FAILURES
      ? Math.ceil(FLOOD_SPACING_SECONDS - (c.login_since ?? FLOOD_SPACING_SECONDS))
      : 0;
  return Math.max(own, address, flood, 0);
}

export async function recordSignInFailure(db: Db, login: string, client: SignInClient): Promise<void> {
  await db.$client.query(`insert into sign_in_failures (login_key, client_key) values ($1, $2)`, [
    key(login),
    clientKey(client),
  ]);
  await db.$client.query(`delete from sign_in_failures where at < now() - interval '1 day'`);
}

/** A right password forgets this client's failures; other clients' failures stay counted. */
export async function clearSignInFailures(db: Db, login: string, client: SignInClient): Promise<void> {
  await db.$client.query(`delete from sign_in_failures where login_key = $1 and client_key = $2`, [
    key(login),
    clientKey(client),
  ]);
}
