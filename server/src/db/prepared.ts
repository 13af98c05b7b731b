import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { PgDialect, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./client.js";

const dialect = new PgDialect();

type Fields = { path: string[]; field: PgColumn }[];

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

/** Rows as PostgreSQL returns them (column names as aliased in the SQL). */
export function namedStatement<T>(name: string, query: SQL): NamedStatement<T> {
  const built = dialect.sqlToQuery(query);
  return {
    async run(ex, values) {
      const result = (await ex._.session.prepareQuery(built, undefined, name, false).execute(values)) as {
        rows: T[];
      };
      return result.rows;
    },
  };
}

/**
 * Rows of `table` mapped as drizzle maps its own selects (dates, column names). `select(columns)`
 * builds the statement around the table's column list, in the order the rows are mapped.
 */
export function namedTableStatement<TTable extends PgTable>(
  name: string,
  table: TTable,
  select: (columns: SQL) => SQL,
): NamedStatement<TTable["$inferSelect"]> {
  const fields: Fields = Object.entries(getTableColumns(table)).map(([key, column]) => ({
    path: [key],
    field: column as PgColumn,
  }));
  const columns = sql.join(
    fields.map((f) => sql.identifier(f.field.name)),
    sql`, `,
  );
  const built = dialect.sqlToQuery(select(columns));
  return {
    async run(ex, values) {
      // Given the fields, drizzle asks for array rows and maps them with each column's decoder.
      const prepared = ex._.session.prepareQuery(built, fields, name, false);
      return (await prepared.execute(values)) as TTable["$inferSelect"][];
    },
  };
}
