/**
 * The hourly service and daily staff aggregates for one loader chunk, read from the chunk's own
 * tickets (the temporary table `chunk_tickets`) so a chunk costs the same late in a year as early.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../db/client.js";

/** The wait-bin edges of the aggregates (minutes), as in the trigger of migrations/0004. */
const EDGES = "ARRAY[5, 10, 15, 20, 30, 45, 60, 90, 120, 180]::float8[]";

/** Adds the chunk's facts to the aggregates, inside the loader's transaction. */
export async function addChunkAggregates(tx: Executor): Promise<void> {
  const binCols = sql.raw(Array.from({ length: 11 }, (_, k) => `wait_bin_${k}`).join(", "));
  const binCounts = sql.raw(
    Array.from(
      { length: 11 },
      (_, k) => `count(*) FILTER (WHERE width_bucket(wait_s / 60, ${EDGES}) = ${k})`,
    ).join(", "),
  );
  const binAdds = (alias: string) =>
    sql.raw(
      Array.from(
        { length: 11 },
        (_, k) => `wait_bin_${k} = ${alias}.wait_bin_${k} + EXCLUDED.wait_bin_${k}`,
      ).join(", "),
    );
  // Each ticket's facts in the hour each happened: issued, called (with its wait), finished.
  await tx.execute(sql`
    INSERT INTO hourly_service_stats AS h (centre_id, day, hour, service_id, issued, called, served, no_shows,
      cancelled, expired, wait_count, wait_seconds, within_target, ${binCols}, service_count, service_seconds)
    SELECT centre_id, at::date, extract(hour FROM at)::int, service_id,
      count(*) FILTER (WHERE kind = 'issue'), count(*) FILTER (WHERE kind = 'call'),
      count(*) FILTER (WHERE kind = 'done'), count(*) FILTER (WHERE kind = 'no_show'),
      count(*) FILTER (WHERE kind = 'cancelled'), count(*) FILTER (WHERE kind = 'expired'),
      count(wait_s), coalesce(sum(wait_s), 0), count(*) FILTER (WHERE wait_s <= target_s), ${binCounts},
      count(served_s), coalesce(sum(served_s), 0)
    FROM (
      SELECT t.centre_id, t.service_id, s.target_wait_minutes * 60 AS target_s,
             f.at AT TIME ZONE c.timezone AS at, f.kind, f.wait_s, f.served_s
      FROM chunk_tickets t JOIN centres c ON c.id = t.centre_id JOIN services s ON s.id = t.service_id
      CROSS JOIN LATERAL (VALUES
        (t.issued_at, 'issue', NULL::float8, NULL::float8),
        (t.called_at, 'call', extract(epoch FROM t.called_at - t.issued_at)::float8, NULL::float8),
        (t.finished_at, t.status, NULL::float8,
         CASE WHEN t.status = 'done' THEN extract(epoch FROM t.finished_at - t.started_at)::float8 END)
      ) AS f(at, kind, wait_s, served_s)
      WHERE f.at IS NOT NULL
    ) facts
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (centre_id, day, hour, service_id) DO UPDATE SET
      issued = h.issued + EXCLUDED.issued, called = h.called + EXCLUDED.called, served = h.served + EXCLUDED.served,
      no_shows = h.no_shows + EXCLUDED.no_shows, cancelled = h.cancelled + EXCLUDED.cancelled,
      expired = h.expired + EXCLUDED.expired, wait_count = h.wait_count + EXCLUDED.wait_count,
      wait_seconds = h.wait_seconds + EXCLUDED.wait_seconds, within_target = h.within_target + EXCLUDED.within_target,
      ${binAdds("h")}, service_count = h.service_count + EXCLUDED.service_count,
      service_seconds = h.service_seconds + EXCLUDED.service_seconds`);
  // Per counter and employee, from the same events the event log was given (not a read of it).
  await tx.execute(sql`
    INSERT INTO daily_staff_stats AS d (centre_id, day, counter_id, user_id, called, served, no_shows,
      wait_count, wait_seconds, within_target, ${binCols}, service_count, service_seconds)
    SELECT centre_id, day, counter_id, user_id,
      count(*) FILTER (WHERE action = 'call'), count(*) FILTER (WHERE action = 'complete'),
      count(*) FILTER (WHERE action = 'noShow'),
      count(wait_s), coalesce(sum(wait_s), 0), count(*) FILTER (WHERE wait_s <= target_s), ${binCounts},
      count(served_s), coalesce(sum(served_s), 0)
    FROM (
      SELECT t.centre_id, (e.at AT TIME ZONE c.timezone)::date AS day, e.counter_id, e.user_id, e.action,
             s.target_wait_minutes * 60 AS target_s,
             CASE WHEN e.action = 'call' THEN extract(epoch FROM t.called_at - t.issued_at)::float8 END AS wait_s,
             CASE WHEN e.action = 'complete' THEN extract(epoch FROM t.finished_at - t.started_at)::float8 END AS served_s
      FROM chunk_tickets t JOIN centres c ON c.id = t.centre_id JOIN services s ON s.id = t.service_id
      CROSS JOIN LATERAL ${chunkEvents("t")}
      WHERE e.at IS NOT NULL AND e.action IN ('call', 'complete', 'noShow')
    ) facts
    GROUP BY 1, 2, 3, 4
    ON CONFLICT (centre_id, day, counter_id, user_id) DO UPDATE SET
      called = d.called + EXCLUDED.called, served = d.served + EXCLUDED.served, no_shows = d.no_shows + EXCLUDED.no_shows,
      wait_count = d.wait_count + EXCLUDED.wait_count, wait_seconds = d.wait_seconds + EXCLUDED.wait_seconds,
      within_target = d.within_target + EXCLUDED.within_target, ${binAdds("d")},
      service_count = d.service_count + EXCLUDED.service_count, service_seconds = d.service_seconds + EXCLUDED.service_seconds`);
}

/** A generated ticket's events (alias `e`), from its outcome: the event log and the staff figures both read these. */
export function chunkEvents(ticket: string) {
  return sql.raw(`(VALUES
        (${ticket}.issued_at, 'issue', NULL, 'waiting', NULL::uuid, NULL::uuid),
        (${ticket}.called_at, 'call', 'waiting', 'called', ${ticket}.counter_id, ${ticket}.user_id),
        (${ticket}.started_at, 'start', 'called', 'serving', ${ticket}.counter_id, ${ticket}.user_id),
        (CASE WHEN ${ticket}.status = 'done' THEN ${ticket}.finished_at END, 'complete', 'serving', 'done', ${ticket}.counter_id, ${ticket}.user_id),
        (CASE WHEN ${ticket}.status = 'no_show' THEN ${ticket}.finished_at END, 'noShow', 'called', 'no_show', ${ticket}.counter_id, ${ticket}.user_id),
        (CASE WHEN ${ticket}.status = 'cancelled' THEN ${ticket}.finished_at END, 'cancel', 'waiting', 'cancelled', NULL, NULL),
        (CASE WHEN ${ticket}.status = 'expired' THEN ${ticket}.finished_at END, 'expire', 'waiting', 'expired', NULL, NULL)
      ) AS e(at, action, from_status, to_status, counter_id, user_id)`);
}
