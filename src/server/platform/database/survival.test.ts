// A real Hearth process (src/test/hearth-process.ts) on this file's database while PostgreSQL ends its
// connections in the middle of transactions, and while a table it reads is locked by someone else:
// requests answer 503, the process stays up, and it serves again once the database does (decision 0026).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../test/app.ts';
import { residenceInput, setUpOrganization, type TestPerson } from '../../../test/factories.ts';
import { type HearthProcess, startHearthProcess, stopHearthProcess } from '../../../test/hearth-process.ts';
import { waitFor } from '../../../test/wait.ts';

let hearth: HearthProcess | undefined;
let admin: TestPerson;
let database: pg.Client;

beforeAll(async () => {
  admin = await setUpOrganization();
  hearth = await startHearthProcess({ DATABASE_STATEMENT_TIMEOUT_MS: '1500' });
  database = new pg.Client({ connectionString: testDatabaseUrl() });
  await database.connect();
});

afterAll(async () => {
  await database?.end();
  await stopHearthProcess(hearth);
});

const openResidence = (signal?: AbortSignal) =>
  fetch(`${hearth!.base}/api/residences`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: admin.cookie },
    body: JSON.stringify(residenceInput()),
    ...(signal ? { signal } : {}),
  });

/** How long it took until `check` held (failing with `what` past `timeoutMs`). */
async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = performance.now();
  await waitFor(check, { timeout: timeoutMs, interval: 50, message: what });
  return performance.now() - started;
}

const healthIs = async (status: number) =>
  (await fetch(`${hearth!.base}/api/health`, { signal: AbortSignal.timeout(3000) })).status === status;

describe('a Hearth process whose database ends its connections', () => {
  it('should answer 503 to the transactions cut off, stay up, and serve again', async () => {
    const locker = new pg.Client({ connectionString: testDatabaseUrl() });
    await locker.connect();
    const lockerPid = (await locker.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    let released = false;
    try {
      // Every new residence is written in a transaction with its audit entry: with the audit table
      // locked, each request waits inside its open transaction.
      await locker.query('begin; lock table audit_events in access exclusive mode');
      const requests = Array.from({ length: 4 }, () => openResidence(AbortSignal.timeout(15_000)));
      await until(
        'four transactions waiting on the lock',
        async () => {
          const { rows } = await database.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock' and pid <> $1`,
            [lockerPid],
          );
          return rows[0]!.n >= 4;
        },
        10_000,
      );
      // What a restart, a failover or an operator does: every other session of this database ends,
      // those in the middle of a transaction, the idle ones of the pool, the LISTEN connections and pg-boss's.
      await database.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid not in (pg_backend_pid(), $1)`,
        [lockerPid],
      );
      await locker.query('rollback');
      released = true;
      const responses = await Promise.all(requests);
      for (const response of responses) {
        expect(response.status).toBe(503);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unavailable');
      }
    } finally {
      if (!released) await locker.query('rollback').catch(() => {});
      await locker.end();
    }
    expect(hearth!.child.exitCode).toBeNull();
    expect(hearth!.child.signalCode).toBeNull();
    await until('health ok again', () => healthIs(200), 10_000);
    expect((await openResidence()).status).toBe(201);
    // Nothing was half written: the cut-off transactions left no residence behind.
    const { rows } = await database.query<{ n: number }>(
      `select count(*)::int as n from residences r
        where not exists (select 1 from audit_events a where a.subject_id = r.id::text and a.action = 'residence.create')`,
    );
    expect(rows[0]!.n).toBe(0);
  }, 60_000);

  it('should answer 503 within the statement timeout while a table it reads is locked by someone else', async () => {
    const locker = new pg.Client({ connectionString: testDatabaseUrl() });
    await locker.connect();
    try {
      await locker.query('begin; lock table residences in access exclusive mode');
      const started = performance.now();
      const response = await fetch(`${hearth!.base}/api/residences`, {
        headers: { cookie: admin.cookie },
        signal: AbortSignal.timeout(10_000),
      });
      const elapsed = performance.now() - started;
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /cannot reach its database/,
      );
      // DATABASE_STATEMENT_TIMEOUT_MS=1500, and a little for the machine.
      expect(elapsed).toBeLessThan(4000);
    } finally {
      await locker.query('rollback').catch(() => {});
      await locker.end();
    }
    expect(hearth!.child.exitCode).toBeNull();
    expect(
      (await fetch(`${hearth!.base}/api/residences`, { headers: { cookie: admin.cookie } })).status,
    ).toBe(200);
  }, 30_000);
});
