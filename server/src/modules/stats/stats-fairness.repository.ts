import type { Priority } from "@dost/shared";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { NOBODY } from "../../db/schema.js";
import { WAIT_BIN_COUNT, type FigureSums } from "./stats.repository.js";

/** Minutes; keep in step with WAIT_BIN_EDGES_MINUTES and the stats trigger (migration 0004). */
const BIN_EDGES = "ARRAY[5, 10, 15, 20, 30, 45, 60, 90, 120, 180]::float8[]";

/** Each ticket's first call: when the visitor was first called, to which counter, by whom. */
const FIRST_CALL = sql.raw(`JOIN LATERAL (
    SELECT e.at, e.counter_id, e.user_id FROM ticket_events e
    WHERE e.ticket_id = t.id AND e.action = 'call' ORDER BY e.id LIMIT 1
  ) fc ON TRUE`);

const centreOf = (column: string, centreId: string | null): SQL =>
  centreId ? sql`${sql.raw(column)} = ${centreId}` : sql`TRUE`;

export type AccuracyGroup = "day" | "hour" | "service" | "counter" | "staff" | "priority" | "total";

/** Sums of how quotes came true, per group; the median comes from the database (type 7, as shared). */
export interface AccuracySums {
  key: string;
  quotedCount: number;
  ranged: number;
  inside: number;
  medianAbsoluteErrorMinutes: number | null;
  under: number;
}

/** A called visitor of one day: group, wait from issue to first call, and the quote at issue. */
export interface CalledVisitor {
  priority: Priority;
  waitMinutes: number;
  quotedMinutes: number | null;
  quotedLow: number | null;
  quotedHigh: number | null;
}

export const fairnessRepository = {
  /** Today's called visitors of a centre, for the live accuracy and fairness figures. */
  async calledOnDay(ex: Executor, centreId: string, day: string): Promise<CalledVisitor[]> {
    const rows = await queryRows<CalledVisitor>(
      ex,
      sql`SELECT t.priority, extract(epoch FROM fc.at - t.issued_at)::float8 / 60 AS "waitMinutes",
                 t.quoted_wait_minutes AS "quotedMinutes", t.quoted_wait_low AS "quotedLow",
                 t.quoted_wait_high AS "quotedHigh"
          FROM tickets t ${FIRST_CALL}
          WHERE t.centre_id = ${centreId} AND t.service_day = ${day}`,
    );
    return rows.map((r) => ({ ...r, waitMinutes: Math.max(0, Number(r.waitMinutes)) }));
  },

  /**
   * How the quotes of visitors issued in the period came true, grouped like a report. Actual wait:
   * issue to first call, the wait the quote was about (a transfer or a recall does not restart it).
   */
  async accuracyFigures(
    ex: Executor,
    args: { centreId: string | null; from: string; to: string; groupBy: AccuracyGroup },
  ): Promise<AccuracySums[]> {
    const key = {
      day: sql.raw("t.service_day::text"),
      hour: sql.raw("extract(hour FROM t.issued_at AT TIME ZONE c.timezone)::int::text"),
      service: sql.raw("t.service_id::text"),
      counter: sql.raw(`coalesce(fc.counter_id, '${NOBODY}')::text`),
      staff: sql.raw(`coalesce(fc.user_id, '${NOBODY}')::text`),
      priority: sql.raw("t.priority"),
      total: sql.raw("'total'"),
    }[args.groupBy];
    const rows = await queryRows<AccuracySums>(
      ex,
      sql`WITH q AS (
            SELECT ${key} AS key, t.quoted_wait_minutes AS quoted, t.quoted_wait_low AS low,
                   t.quoted_wait_high AS high,
                   greatest(0, extract(epoch FROM fc.at - t.issued_at)::float8 / 60) AS actual
            FROM tickets t JOIN centres c ON c.id = t.centre_id ${FIRST_CALL}
            WHERE ${centreOf("t.centre_id", args.centreId)} AND t.service_day BETWEEN ${args.from} AND ${args.to}
              AND t.quoted_wait_minutes IS NOT NULL
          )
          SELECT key AS "key", count(*)::int AS "quotedCount",
                 count(*) FILTER (WHERE low IS NOT NULL)::int AS "ranged",
                 count(*) FILTER (WHERE actual >= low AND actual <= high)::int AS "inside",
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY abs(actual - quoted))::float8
                   AS "medianAbsoluteErrorMinutes",
                 count(*) FILTER (WHERE actual - quoted > 5)::int AS "under"
          FROM q GROUP BY 1 ORDER BY 1`,
    );
    return rows.map((r) => ({
      key: String(r.key),
      quotedCount: Number(r.quotedCount),
      ranged: Number(r.ranged),
      inside: Number(r.inside),
      medianAbsoluteErrorMinutes:
        r.medianAbsoluteErrorMinutes === null ? null : Number(r.medianAbsoluteErrorMinutes),
      under: Number(r.under),
    }));
  },

  /**
   * Report sums per priority group. The hourly aggregates do not keep the group, so these are
   * counted from the period's ticket events the way the stats trigger counts them (migration 0004):
   * the rows add up to the same totals.
   */
  async priorityFigures(
    ex: Executor,
    args: { centreId: string | null; from: string; to: string },
  ): Promise<(FigureSums & { key: string })[]> {
    const bins = Array.from(
      { length: WAIT_BIN_COUNT },
      (_, i) => `count(*) FILTER (WHERE width_bucket(wait_s / 60, ${BIN_EDGES}) = ${i})::int`,
    );
    const rows = await queryRows<Record<string, unknown>>(
      ex,
      sql`WITH ev AS (
            SELECT t.priority AS key, e.id, e.ticket_id, e.action, e.at, e.service_id,
                   (e.at AT TIME ZONE c.timezone)::date AS day
            FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id JOIN centres c ON c.id = e.centre_id
            WHERE ${centreOf("e.centre_id", args.centreId)}
              AND e.action IN ('issue', 'check_in', 'call', 'complete', 'noShow', 'cancel', 'expire')
              -- a day either side bounds the scan whatever the centre's time zone
              AND e.at >= ${args.from}::date - 1 AND e.at < ${args.to}::date + 2
          ), w AS (
            SELECT ev.*,
              CASE WHEN action = 'call' THEN greatest(0, extract(epoch FROM at - (
                SELECT max(x.at) FROM ticket_events x
                WHERE x.ticket_id = ev.ticket_id AND x.to_status = 'waiting' AND x.id < ev.id)))::float8 END AS wait_s,
              CASE WHEN action = 'complete' THEN greatest(0, extract(epoch FROM at - (
                SELECT max(x.at) FROM ticket_events x
                WHERE x.ticket_id = ev.ticket_id AND x.action = 'start' AND x.id < ev.id)))::float8 END AS served_s
            FROM ev WHERE day BETWEEN ${args.from} AND ${args.to}
          )
          SELECT w.key AS "key",
            count(*) FILTER (WHERE action IN ('issue', 'check_in'))::int AS "issued",
            count(*) FILTER (WHERE action = 'call')::int AS "called",
            count(*) FILTER (WHERE action = 'complete')::int AS "served",
            count(*) FILTER (WHERE action = 'noShow')::int AS "noShows",
            count(*) FILTER (WHERE action = 'cancel')::int AS "cancelled",
            count(*) FILTER (WHERE action = 'expire')::int AS "expired",
            count(wait_s)::int AS "waitCount", coalesce(sum(wait_s), 0)::float8 AS "waitSeconds",
            count(*) FILTER (WHERE wait_s <= s.target_wait_minutes * 60)::int AS "withinTarget",
            count(served_s)::int AS "serviceCount", coalesce(sum(served_s), 0)::float8 AS "serviceSeconds",
            count(*) FILTER (WHERE action = 'check_in')::int AS "appointmentsKept",
            ${sql.raw(bins.map((b, i) => `${b} AS "bin${i}"`).join(", "))}
          FROM w JOIN services s ON s.id = w.service_id
          GROUP BY 1 ORDER BY 1`,
    );
    return rows.map((r) => ({
      key: String(r.key),
      issued: Number(r.issued),
      called: Number(r.called),
      served: Number(r.served),
      noShows: Number(r.noShows),
      cancelled: Number(r.cancelled),
      expired: Number(r.expired),
      waitCount: Number(r.waitCount),
      waitSeconds: Number(r.waitSeconds),
      withinTarget: Number(r.withinTarget),
      serviceCount: Number(r.serviceCount),
      serviceSeconds: Number(r.serviceSeconds),
      appointmentsKept: Number(r.appointmentsKept),
      // Missed appointments never became tickets, so they have no group.
      appointmentsMissed: 0,
      bins: Array.from({ length: WAIT_BIN_COUNT }, (_, i) => Number(r[`bin${i}`] ?? 0)),
      feedbackCount: 0,
      feedbackSatisfied: 0,
    }));
  },
};
