// Sign-in slows down instead of locking anyone out, counted in PostgreSQL so every instance agrees
// (decision 0025). Failures are counted per (login, client), where the client is a device this person
// signed in from before (its cookie) or else the address; a known device never waits for failures
// that came from elsewhere.
import crypto from 'node:crypto';
import { and, eq, gt, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../database/executor.ts';
import { signInFailures } from '../database/schema.ts';

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

const f = signInFailures;
const seconds = (age: SQL) => sql<number | null>`extract(epoch from ${age})::float8`;

/** How long this try, at `now`, must wait, in seconds; 0 lets the password be checked. */
export async function signInWait(
  db: Executor,
  login: string,
  client: SignInClient,
  now: Date,
): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const loginKey = key(login);
  const clientKeyOf = clientKey(client);
  const pair = sql`${f.loginKey} = ${loginKey} and ${f.clientKey} = ${clientKeyOf}`;
  const byClient = sql`${f.clientKey} = ${clientKeyOf}`;
  const byLogin = sql`${f.loginKey} = ${loginKey}`;
  // Three counts in one pass over the window's failures: `filter` clauses the builder cannot say.
  const rows = await db
    .select({
      pair: sql<number>`(count(*) filter (where ${pair}))::int`,
      pairSince: seconds(sql`${at} - max(${f.at}) filter (where ${pair})`),
      byClient: sql<number>`(count(*) filter (where ${byClient}))::int`,
      clientOldestAge: seconds(sql`${at} - min(${f.at}) filter (where ${byClient})`),
      byLogin: sql<number>`(count(*) filter (where ${byLogin}))::int`,
      loginSince: seconds(sql`${at} - max(${f.at}) filter (where ${byLogin})`),
    })
    .from(f)
    .where(
      and(
        or(eq(f.loginKey, loginKey), eq(f.clientKey, clientKeyOf)),
        gt(f.at, sql`${at} - make_interval(mins => ${WINDOW_MINUTES})`),
      ),
    );
  const c = rows[0]!;
  const own = waitAfter(c.pair, c.pairSince ?? 0);
  // A known device answers only for its own failures: nobody elsewhere can make it wait.
  if (client.kind === 'device') return own;
  const address =
    c.byClient >= MAX_FAILURES_PER_ADDRESS ? Math.ceil(WINDOW_MINUTES * 60 - (c.clientOldestAge ?? 0)) : 0;
  const flood =
    c.byLogin >= FLOOD_FAILURES
      ? Math.ceil(FLOOD_SPACING_SECONDS - (c.loginSince ?? FLOOD_SPACING_SECONDS))
      : 0;
  return Math.max(own, address, flood, 0);
}

export async function recordSignInFailure(
  db: Executor,
  login: string,
  client: SignInClient,
  now: Date,
): Promise<void> {
  await db.insert(f).values({ loginKey: key(login), clientKey: clientKey(client), at: now });
  await db.delete(f).where(lt(f.at, new Date(now.getTime() - 86_400_000)));
}

/** A right password forgets this client's failures; other clients' failures stay counted. */
export async function clearSignInFailures(db: Executor, login: string, client: SignInClient): Promise<void> {
  await db.delete(f).where(and(eq(f.loginKey, key(login)), eq(f.clientKey, clientKey(client))));
}
