// The types and helpers every query uses (ARCHITECTURE.md, "Reaching the database"): one executor
// type for "the database or a transaction", and one way to pass a list of ids to a set-based statement.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './connect.ts';

/** A transaction, as `db.transaction(async (tx) => …)` hands it over. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Where a query runs: the database itself or an open transaction. Take this, never `Db`, in queries. */
export type Executor = Db | Tx;

/** A list of ids as one `uuid[]` parameter: `where id = any(${uuidArray(ids)})`. */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;
