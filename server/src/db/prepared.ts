import { getTableColumns, is, sql, SQL } from "drizzle-orm";
import { PgDialect, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./client.js";

const dialect = new PgDialect();

/** A statement's output columns, in order, each with where it lands in the mapped row. */
export type StatementFields = { path: string[]; field: PgColumn | SQL }[];

/**
 * A hot statement sent by name: PostgreSQL parses and plans it once per connection, and the SQL text
 * is built once per process, not per call (the bare transaction runs at twice the rate prepared,
 * docs/PERFORMANCE.md). Its values are `sql.placeholder(name)`s filled at each run; they reach the
 * driver as given, so dates go as ISO strings with a cast in the SQL. On PGlite the name is ignored
 * and the statement runs as any other.
 */
export interface NamedStatement<T> {
  run(ex: Executor, values: Record<string, unknown>): Promise<T[]>;
}

/** The columns of `table` as fields, under `prefix` in the mapped row when given. */
export function tableFields(table: PgTable, prefix?: string): StatementFields {
  return Object.entries(getTableColumns(table)).map(([key, column]) => ({
    path: prefix ? [prefix, key] : [key],
    field: column as PgColumn,
  }));
}

/**
 * A statement whose rows are mapped as drizzle maps its own selects (each column's decoder, dates
 * included). `build` gets the select list of `fields` in their order: a column by its bare name (as
 * a CTE returns it), an SQL field as written.
 */
export function namedStatement<T>(
  name: string,
  fields: StatementFields,
  build: (columns: SQL) => SQL,
): NamedStatement<T> {
  const columns = sql.join(
    fields.map((f) => (is(f.field, SQL) ? f.field : sql.identifier(f.field.name))),
    sql`, `,
  );
  const built = dialect.sqlToQuery(build(columns));
  return {
    async run(ex, values) {
      // Given the fields, drizzle asks for array rows and maps them by `path`.
      const prepared = ex._.session.prepareQuery(built, fields, name, false);
      return (await prepared.execute(values)) as T[];
    },
  };
}
