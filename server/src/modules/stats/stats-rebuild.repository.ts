import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";

/**
 * The aggregates recomputed from scratch, set-based, from the ticket event log and the appointments:
 * the same figures the trigger keeps row by row. Used to check the trigger and to rebuild the
 * aggregates after a restore or a data repair (`rebuildStats`).
 */
const MEASURED_EVENTS = sql.raw(`
  WITH ev AS (
    SELECT e.id, e.ticket_id, e.centre_id, e.service_id, e.action, e.at, e.counter_id, e.user_id,
           e.at AT TIME ZONE c.timezone AS local_at,
           coalesce(cs.target_wait_minutes, s.target_wait_minutes) * 60 AS target_s
    FROM ticket_events e
    JOIN centres c ON c.id = e.centre_id
    JOIN services s ON s.id = e.service_id
    LEFT JOIN centre_services cs ON cs.centre_id = e.centre_id AND cs.service_id = e.service_id
    WHERE e.action IN ('issue', 'check_in', 'call', 'complete', 'noShow', 'cancel', 'expire')
  ),
  measured AS (
    SELECT ev.*,
      CASE WHEN ev.action = 'call' THEN greatest(0, extract(epoch FROM ev.at - (
        SELECT max(p.at) FROM ticket_events p WHERE p.ticket_id = ev.ticket_id AND p.to_status = 'waiting' AND p.id < ev.id)))
      END AS wait_s,
      CASE WHEN ev.action = 'complete' THEN (
        SELECT greatest(0, extract(epoch FROM ev.at - max(p.at))) FROM ticket_events p
        WHERE p.ticket_id = ev.ticket_id AND p.action = 'start' AND p.id < ev.id)
      END AS served_s
    FROM ev
  )`);

const BINS = Array.from({ length: 11 }, (_, k) => k);
/** The wait-bin edges in minutes, as in the trigger (migrations/0004) and WAIT_BIN_EDGES_MINUTES. */
const EDGES = "ARRAY[5, 10, 15, 20, 30, 45, 60, 90, 120, 180]::float8[]";
const BIN_COUNTS = sql.raw(
  BINS.map(
    (k) => `count(*) FILTER (WHERE width_bucket(wait_s / 60, ${EDGES}) = ${k})::int AS wait_bin_${k},`,
  ).join("\n"),
);
const BIN_COLUMNS = sql.raw(BINS.map((k) => `wait_bin_${k}`).join(", "));
const COALESCED_BINS = sql.raw(BINS.map((k) => `coalesce(f.wait_bin_${k}, 0) AS wait_bin_${k}`).join(", "));

const FIGURES = sql`
    count(*) FILTER (WHERE action IN ('issue', 'check_in'))::int AS issued,
    count(*) FILTER (WHERE action = 'call')::int AS called,
    count(*) FILTER (WHERE action = 'complete')::int AS served,
    count(*) FILTER (WHERE action = 'noShow')::int AS no_shows,
    count(*) FILTER (WHERE action = 'cancel')::int AS cancelled,
    count(*) FILTER (WHERE action = 'expire')::int AS expired,
    count(wait_s)::int AS wait_count,
    coalesce(sum(wait_s), 0)::float8 AS wait_seconds,
    count(*) FILTER (WHERE wait_s <= target_s)::int AS within_target,
    ${BIN_COUNTS}
    count(served_s)::int AS service_count,
    coalesce(sum(served_s), 0)::float8 AS service_seconds`;

export const HOURLY_RECOMPUTED = sql`
  ${MEASURED_EVENTS},
  from_events AS (
    SELECT centre_id, local_at::date AS day, extract(hour FROM local_at)::int AS hour, service_id,
      ${FIGURES},
      count(*) FILTER (WHERE action = 'check_in')::int AS appointments_kept
    FROM measured GROUP BY 1, 2, 3, 4
  ),
  missed AS (
    SELECT a.centre_id, (a.start AT TIME ZONE c.timezone)::date AS day,
           extract(hour FROM a.start AT TIME ZONE c.timezone)::int AS hour, a.service_id, count(*)::int AS n
    FROM appointments a JOIN centres c ON c.id = a.centre_id
    WHERE a.status = 'no_show' GROUP BY 1, 2, 3, 4
  )
  SELECT coalesce(f.centre_id, m.centre_id) AS centre_id, coalesce(f.day, m.day) AS day,
         coalesce(f.hour, m.hour) AS hour, coalesce(f.service_id, m.service_id) AS service_id,
         coalesce(f.issued, 0) AS issued, coalesce(f.called, 0) AS called, coalesce(f.served, 0) AS served,
         coalesce(f.no_shows, 0) AS no_shows, coalesce(f.cancelled, 0) AS cancelled, coalesce(f.expired, 0) AS expired,
         coalesce(f.wait_count, 0) AS wait_count, coalesce(f.wait_seconds, 0) AS wait_seconds,
         coalesce(f.within_target, 0) AS within_target,
         ${COALESCED_BINS},
         coalesce(f.service_count, 0) AS service_count, coalesce(f.service_seconds, 0) AS service_seconds,
         coalesce(f.appointments_kept, 0) AS appointments_kept, coalesce(m.n, 0) AS appointments_missed
  FROM from_events f FULL JOIN missed m
    ON m.centre_id = f.centre_id AND m.day = f.day AND m.hour = f.hour AND m.service_id = f.service_id`;

export const STAFF_RECOMPUTED = sql`
  ${MEASURED_EVENTS}
  SELECT centre_id, local_at::date AS day,
         coalesce(counter_id, '00000000-0000-0000-0000-000000000000') AS counter_id,
         coalesce(user_id, '00000000-0000-0000-0000-000000000000') AS user_id,
         count(*) FILTER (WHERE action = 'call')::int AS called,
         count(*) FILTER (WHERE action = 'complete')::int AS served,
         count(*) FILTER (WHERE action = 'noShow')::int AS no_shows,
         count(wait_s)::int AS wait_count,
         coalesce(sum(wait_s), 0)::float8 AS wait_seconds,
         count(*) FILTER (WHERE wait_s <= target_s)::int AS within_target,
         ${BIN_COUNTS}
         count(served_s)::int AS service_count,
         coalesce(sum(served_s), 0)::float8 AS service_seconds
  FROM measured WHERE action IN ('call', 'complete', 'noShow')
  GROUP BY 1, 2, 3, 4`;

/** Replaces both aggregate tables with a recomputation from the event log, in one transaction. */
export async function rebuildStats(ex: Executor): Promise<void> {
  await ex.execute(sql`DELETE FROM hourly_service_stats`);
  await ex.execute(sql`DELETE FROM daily_staff_stats`);
  await ex.execute(sql`INSERT INTO hourly_service_stats (
      centre_id, day, hour, service_id, issued, called, served, no_shows, cancelled, expired,
      wait_count, wait_seconds, within_target, ${BIN_COLUMNS}, service_count, service_seconds,
      appointments_kept, appointments_missed)
    ${HOURLY_RECOMPUTED}`);
  await ex.execute(sql`INSERT INTO daily_staff_stats (
      centre_id, day, counter_id, user_id, called, served, no_shows, wait_count, wait_seconds,
      within_target, ${BIN_COLUMNS}, service_count, service_seconds)
    ${STAFF_RECOMPUTED}`);
}
