import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../test/app.ts';
import { waitFor } from '../../../test/wait.ts';
import { connectDatabase, DEFAULT_TIMEOUTS, withDatabaseName } from './connect.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

describe('connectDatabase', () => {
  it("should count days in UTC whatever the server's own time zone", async () => {
    const url = testDatabaseUrl();
    const name = new URL(url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // A server far behind UTC, where "today" is yesterday for half of every day.
    await admin.query(`alter database ${name} set timezone to 'Etc/GMT+12'`);
    await admin.end();
    const database = connectDatabase(url, 1);
    try {
      const { rows } = await database.pool.query<{ tz: string; same: boolean }>(
        "select current_setting('TimeZone') as tz, current_date = (now() at time zone 'UTC')::date as same",
      );
      expect(rows[0]).toEqual({ tz: 'UTC', same: true });
    } finally {
      await database.close();
    }
  });

  it('should keep calendar dates as strings, never shifted by a time zone', async () => {
    const database = connectDatabase(testDatabaseUrl(), 1);
    try {
      const { rows } = await database.pool.query<{ d: unknown }>("select date '2026-01-31' as d");
      expect(rows[0]!.d).toBe('2026-01-31');
    } finally {
      await database.close();
    }
  });
});

describe('connectDatabase timeouts and dropped connections', () => {
  it('should end a statement that runs past the statement timeout, as unavailable', async () => {
    const database = connectDatabase(testDatabaseUrl(), 1, { ...DEFAULT_TIMEOUTS, statementMs: 200 });
    try {
      const started = performance.now();
      const error = await database.pool.query('select pg_sleep(5)').catch((e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(2000);
      expect((error as { code?: string }).code).toBe('57014');
      expect(isDatabaseUnavailable(error)).toBe(true);
      // The pool goes on serving.
      expect((await database.pool.query('select 1 as one')).rows[0]).toEqual({ one: 1 });
    } finally {
      await database.close();
    }
  });

  it('should let PostgreSQL end a transaction left idle, without the process hearing an unhandled error', async () => {
    const database = connectDatabase(testDatabaseUrl(), 1, { ...DEFAULT_TIMEOUTS, idleInTransactionMs: 200 });
    try {
      const client = await database.pool.connect();
      let ended = false;
      client.once('end', () => {
        ended = true;
      });
      await client.query('begin');
      // PostgreSQL ends the session while the client is checked out: pg emits 'error' on it, which with
      // nobody listening would be an uncaught exception.
      await waitFor(() => ended, { message: 'PostgreSQL ending the idle transaction' });
      const error = await client.query('select 1').catch((e: unknown) => e);
      client.release();
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect((await database.pool.query('select 1 as one')).rows[0]).toEqual({ one: 1 });
    } finally {
      await database.close();
    }
  });

  it('should survive its checked-out connection being terminated mid-transaction', async () => {
    const database = connectDatabase(testDatabaseUrl(), 1);
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      const client = await database.pool.connect();
      await client.query('begin');
      let ended = false;
      client.once('end', () => {
        ended = true;
      });
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      await waitFor(() => ended, { message: 'the terminated connection ending' });
      const error = await client.query('select 1').catch((e: unknown) => e);
      client.release();
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect((await database.pool.query('select 1 as one')).rows[0]).toEqual({ one: 1 });
    } finally {
      await admin.end();
      await database.close();
    }
  });
});

describe('a query that gets no answer in time', () => {
  it('should drop its connection, so the ROLLBACK after it and the next query do not wait behind it', async () => {
    // No statement timeout: the client's own timeout is all there is, as with a frozen server.
    const database = connectDatabase(testDatabaseUrl(), 1, { ...DEFAULT_TIMEOUTS, statementMs: 0 });
    const locker = new pg.Client({ connectionString: testDatabaseUrl() });
    await locker.connect();
    try {
      await locker.query('begin; lock table residences in access exclusive mode');
      const client = await database.pool.connect();
      await client.query('begin');
      const stuck = { text: 'select count(*) from residences', query_timeout: 300 };
      const error = await client.query(stuck).catch((e: unknown) => e);
      expect(isDatabaseUnavailable(error)).toBe(true);
      // The lock is still held: a ROLLBACK queued behind the unanswered query would wait for it.
      const started = performance.now();
      await client.query('rollback').catch(() => {});
      expect(performance.now() - started).toBeLessThan(1000);
      client.release();
      const one = { text: 'select 1 as one', query_timeout: 2000 };
      const next = await database.pool.query(one);
      expect(next.rows[0]).toEqual({ one: 1 });
    } finally {
      await locker.query('rollback').catch(() => {});
      await locker.end();
      await database.close();
    }
  });
});

describe('withDatabaseName', () => {
  it('should point the same server at another database, keeping credentials', () => {
    expect(
      withDatabaseName('postgresql://hearth:p%40ss@127.0.0.1:5433/postgres?sslmode=disable', 'hearth_test'),
    ).toBe('postgresql://hearth:p%40ss@127.0.0.1:5433/hearth_test?sslmode=disable');
  });
});
