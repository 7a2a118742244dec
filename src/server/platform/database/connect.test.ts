import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../test/app.ts';
import { connectDatabase, withDatabaseName } from './connect.ts';

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

describe('withDatabaseName', () => {
  it('should point the same server at another database, keeping credentials', () => {
    expect(
      withDatabaseName('postgresql://hearth:p%40ss@127.0.0.1:5433/postgres?sslmode=disable', 'hearth_test'),
    ).toBe('postgresql://hearth:p%40ss@127.0.0.1:5433/hearth_test?sslmode=disable');
  });
});
