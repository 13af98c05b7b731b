import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";

export const staffingRepository = {
  /** Per local hour of `day`: how many counters called somebody (the counters that worked it). */
  async countersWorked(
    ex: Executor,
    centreId: string,
    day: string,
    timezone: string,
  ): Promise<Record<number, number>> {
    const rows = await queryRows<{ hour: number; counters: number }>(
      ex,
      sql`SELECT extract(hour FROM called_at AT TIME ZONE ${timezone})::int AS "hour",
                 count(DISTINCT counter_id)::int AS "counters"
          FROM tickets
          WHERE centre_id = ${centreId} AND service_day = ${day}::date
            AND called_at IS NOT NULL AND counter_id IS NOT NULL
          GROUP BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.hour, r.counters]));
  },

  /** Counters open now (and on break: staffed, back soon). */
  async countersStaffed(ex: Executor, centreId: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      ex,
      sql`SELECT count(*)::int AS "n" FROM counters
          WHERE centre_id = ${centreId} AND active AND status IN ('open', 'break')`,
    );
    return row?.n ?? 0;
  },
};
