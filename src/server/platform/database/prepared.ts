// A set-based statement on a hot path, prepared once (ARCHITECTURE.md, "Reaching the database"): written
// as a Drizzle `sql` template with named `sql.placeholder`s, compiled to SQL text once when the module
// loads, and sent as a named statement, so PostgreSQL parses and plans it once per connection. Never a
// positional `$1…` string by hand.
import { fillPlaceholders, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { QueryResultRow } from 'pg';
import type { Db } from './connect.ts';

const dialect = new PgDialect();

export type PreparedStatement<Row extends QueryResultRow, Values extends Record<string, unknown>> = {
  readonly name: string;
  readonly text: string;
  /** Runs the statement with its placeholders' values; the rows as PostgreSQL returns them (snake_case). */
  run(db: Db, values: Values): Promise<{ rows: Row[]; rowCount: number }>;
};

/**
 * `preparedStatement<Row, { id: string }>('hearth_thing_by_id', sql\`select … where id = ${sql.placeholder('id')}\`)`.
 * The name must be unique in the app: PostgreSQL keeps one plan per name per connection.
 */
export function preparedStatement<Row extends QueryResultRow, Values extends Record<string, unknown>>(
  name: string,
  statement: SQL,
): PreparedStatement<Row, Values> {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return {
    name,
    text,
    async run(db, values) {
      const result = await db.$client.query<Row>({ name, text, values: fillPlaceholders(params, values) });
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
  };
}
