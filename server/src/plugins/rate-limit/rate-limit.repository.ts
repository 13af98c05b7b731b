import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";

/** The shared counters of the rate limits (`rate_limit_hits`), on the database's clock. */
export const rateLimitRepository = {
  /**
   * Counts one hit for `key` in a window of `windowMs`, opening a new window when the last one has
   * passed: one upsert, so hits from every process on the database count together and none is lost.
   */
  async hit(ex: Executor, key: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
    const [row] = await queryRows<{ hits: number; ttl_ms: number | string }>(
      ex,
      sql`
      INSERT INTO rate_limit_hits AS r (key, hits, resets_at)
      VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
      ON CONFLICT (key) DO UPDATE SET
        hits = CASE WHEN r.resets_at <= now() THEN 1 ELSE r.hits + 1 END,
        resets_at = CASE WHEN r.resets_at <= now() THEN excluded.resets_at ELSE r.resets_at END
      RETURNING r.hits, GREATEST(0, EXTRACT(EPOCH FROM (r.resets_at - now())) * 1000)::float8 AS ttl_ms`,
    );
    if (!row) throw new Error("rate limit upsert returned nothing");
    return { hits: Number(row.hits), ttlMs: Math.ceil(Number(row.ttl_ms)) };
  },

  /** Drops windows that ended a while ago; a key seen again simply starts a new one. */
  async dropEnded(ex: Executor): Promise<void> {
    await ex.execute(sql`DELETE FROM rate_limit_hits WHERE resets_at < now() - interval '1 minute'`);
  },
};
