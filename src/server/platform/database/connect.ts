import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type Database = { db: Db; pool: pg.Pool; close: () => Promise<void> };

// Dates stay calendar strings (YYYY-MM-DD), never shifted by the server's time zone.
pg.types.setTypeParser(1082, (v) => v);

export function connectDatabase(url: string, max = 10): Database {
  // Sessions count days in UTC, like the app (localDate('UTC')): a server whose own time zone is
  // behind UTC would otherwise see roles granted "today" as starting tomorrow, every evening.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    options: '-c TimeZone=UTC',
  });
  pool.on('error', () => {
    // A dropped idle connection is replaced on next use; the health route reports real trouble.
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
