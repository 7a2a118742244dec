import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { DatabaseTimeouts } from '../config.ts';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type Database = { db: Db; pool: pg.Pool; close: () => Promise<void> };

// Dates stay calendar strings (YYYY-MM-DD), never shifted by the server's time zone.
pg.types.setTypeParser(1082, (v) => v);

/** The request pool's defaults (DATABASE_*_TIMEOUT_MS, decision 0026). */
export const DEFAULT_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5000,
  statementMs: 5000,
  idleInTransactionMs: 10_000,
};
/** Migrations: no statement limit (an index on a big table takes what it takes). */
export const MIGRATION_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 10_000,
  statementMs: 0,
  idleInTransactionMs: 60_000,
};
/** Scheduled jobs go over everyone at once: minutes, not seconds. */
export const JOB_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 10_000,
  statementMs: 300_000,
  idleInTransactionMs: 60_000,
};
/**
 * How long past the statement timeout the client itself gives up: PostgreSQL cancels a slow statement,
 * but a server that answers nothing at all (frozen, a dead network) cancels nothing.
 */
const NO_ANSWER_GRACE_MS = 2000;

/**
 * A pg client that drops its connection when a query gets no answer in time. pg's `query_timeout` alone
 * rejects the query but leaves the connection waiting for that answer, with the next query (a
 * transaction's ROLLBACK, the next request's statement) queued behind it; dropped, the connection is
 * no longer queryable and the pool discards it.
 */
class GuardedClient extends pg.Client {}
const plainQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
const dropIfUnanswered = (client: pg.Client, error: unknown) => {
  if (error instanceof Error && error.message === 'Query read timeout') {
    (client as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
  }
};
Object.defineProperty(GuardedClient.prototype, 'query', {
  value: function query(this: pg.Client, ...args: unknown[]): unknown {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: unknown, result: unknown) => {
        dropIfUnanswered(this, error);
        callback(error, result);
      };
      return plainQuery.apply(this, args);
    }
    const result = plainQuery.apply(this, args);
    if (result instanceof Promise) result.catch((error: unknown) => dropIfUnanswered(this, error));
    return result;
  },
});

export function connectDatabase(
  url: string,
  max = 10,
  timeouts: DatabaseTimeouts = DEFAULT_TIMEOUTS,
): Database {
  // Sessions count days in UTC, like the app (localDate('UTC')): a server whose own time zone is
  // behind UTC would otherwise see roles granted "today" as starting tomorrow, every evening.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    options: '-c TimeZone=UTC',
    Client: GuardedClient,
    // Also how long a request waits for a free connection of the pool.
    connectionTimeoutMillis: timeouts.connectMs,
    keepAlive: true,
    ...(timeouts.statementMs > 0
      ? { statement_timeout: timeouts.statementMs, query_timeout: timeouts.statementMs + NO_ANSWER_GRACE_MS }
      : {}),
    ...(timeouts.idleInTransactionMs > 0
      ? { idle_in_transaction_session_timeout: timeouts.idleInTransactionMs }
      : {}),
  });
  pool.on('error', () => {
    // A dropped idle connection is replaced on next use; the health route reports real trouble.
  });
  // pg-pool listens for a client's 'error' only while the client is idle: one checked out (a
  // transaction, a query in flight) that loses its connection (a restart, pg_terminate_backend) emits
  // 'error' with nobody listening, which ends the process. Its query rejects with the same error (a 503
  // for the request, platform/http.ts) and the pool discards the client on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = drizzle(pool, { schema }) as Db;
  return { db, pool, close: () => pool.end() };
}

/** The same server, another database name. */
export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
