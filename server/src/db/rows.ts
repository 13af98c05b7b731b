import type { SQL } from "drizzle-orm";
import type { Executor } from "./client.js";

/**
 * Runs raw SQL and returns its rows. node-postgres and PGlite both answer `{ rows }`, but drizzle
 * types the result per driver, so the common shape is asserted here once.
 */
export async function queryRows<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
