// Sign-in rate limit and temporary lockout, kept in PostgreSQL so every app instance agrees.
import crypto from 'node:crypto';
import type { Db } from '../database/connect.ts';

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_LOGIN = 5;
export const MAX_FAILURES_PER_CLIENT = 30;

const key = (value: string) => crypto.createHash('sha256').update(value.trim().toLowerCase()).digest('hex');

export async function isSignInPaused(db: Db, login: string, client: string): Promise<boolean> {
  const { rows } = await db.$client.query<{ by_login: number; by_client: number }>(
    `select count(*) filter (where login_key = $1)::int as by_login,
            count(*) filter (where client_key = $2)::int as by_client
       from sign_in_failures
      where (login_key = $1 or client_key = $2) and at > now() - make_interval(mins => $3)`,
    [key(login), key(client), WINDOW_MINUTES],
  );
  const row = rows[0];
  return !!row && (row.by_login >= MAX_FAILURES_PER_LOGIN || row.by_client >= MAX_FAILURES_PER_CLIENT);
}

export async function recordSignInFailure(db: Db, login: string, client: string): Promise<void> {
  await db.$client.query(`insert into sign_in_failures (login_key, client_key) values ($1, $2)`, [
    key(login),
    key(client),
  ]);
  await db.$client.query(`delete from sign_in_failures where at < now() - interval '1 day'`);
}

export async function clearSignInFailures(db: Db, login: string): Promise<void> {
  await db.$client.query(`delete from sign_in_failures where login_key = $1`, [key(login)]);
}
