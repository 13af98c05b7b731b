import { SATISFIED_SCORE } from "@dost/shared";
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { NOBODY } from "../../db/schema.js";

export const WAIT_BIN_COUNT = 11;
const binSums = Array.from({ length: WAIT_BIN_COUNT }, (_, i) => `sum(wait_bin_${i})::int AS "bin${i}"`).join(
  ", ",
);

/** The sums every report row and every total is made of. */
export interface FigureSums {
  issued: number;
  called: number;
  served: number;
  noShows: number;
  cancelled: number;
  expired: number;
  waitCount: number;
  waitSeconds: number;
  withinTarget: number;
  serviceCount: number;
  serviceSeconds: number;
  appointmentsKept: number;
  appointmentsMissed: number;
  bins: number[];
  /** Visitors' scores, and how many of them were 4 or 5. */
  feedbackCount: number;
  feedbackSatisfied: number;
}

type Row = Omit<FigureSums, "bins" | "feedbackCount" | "feedbackSatisfied"> & { key: string } & Record<
    `bin${number}`,
    number
  >;

const SERVICE_SUMS = sql.raw(`
  sum(issued)::int AS "issued", sum(called)::int AS "called", sum(served)::int AS "served",
  sum(no_shows)::int AS "noShows", sum(cancelled)::int AS "cancelled", sum(expired)::int AS "expired",
  sum(wait_count)::int AS "waitCount", sum(wait_seconds)::float8 AS "waitSeconds",
  sum(within_target)::int AS "withinTarget", sum(service_count)::int AS "serviceCount",
  sum(service_seconds)::float8 AS "serviceSeconds", sum(appointments_kept)::int AS "appointmentsKept",
  sum(appointments_missed)::int AS "appointmentsMissed", ${binSums}`);

const STAFF_SUMS = sql.raw(`
  0 AS "issued", sum(called)::int AS "called", sum(served)::int AS "served",
  sum(no_shows)::int AS "noShows", 0 AS "cancelled", 0 AS "expired",
  sum(wait_count)::int AS "waitCount", sum(wait_seconds)::float8 AS "waitSeconds",
  sum(within_target)::int AS "withinTarget", sum(service_count)::int AS "serviceCount",
  sum(service_seconds)::float8 AS "serviceSeconds", 0 AS "appointmentsKept", 0 AS "appointmentsMissed", ${binSums}`);

function toSums(row: Row): FigureSums & { key: string } {
  const bins = Array.from({ length: WAIT_BIN_COUNT }, (_, i) => Number(row[`bin${i}`] ?? 0));
  return {
    key: String(row.key),
    issued: Number(row.issued ?? 0),
    called: Number(row.called ?? 0),
    served: Number(row.served ?? 0),
    noShows: Number(row.noShows ?? 0),
    cancelled: Number(row.cancelled ?? 0),
    expired: Number(row.expired ?? 0),
    waitCount: Number(row.waitCount ?? 0),
    waitSeconds: Number(row.waitSeconds ?? 0),
    withinTarget: Number(row.withinTarget ?? 0),
    serviceCount: Number(row.serviceCount ?? 0),
    serviceSeconds: Number(row.serviceSeconds ?? 0),
    appointmentsKept: Number(row.appointmentsKept ?? 0),
    appointmentsMissed: Number(row.appointmentsMissed ?? 0),
    bins,
    feedbackCount: 0,
    feedbackSatisfied: 0,
  };
}

const centreFilter = (centreId: string | null): SQL => (centreId ? sql`centre_id = ${centreId}` : sql`TRUE`);

export const statsRepository = {
  /** Sums from the hourly aggregates, grouped by local day, hour of day or service (or all: `total`). */
  async serviceFigures(
    ex: Executor,
    args: {
      centreId: string | null;
      from: string;
      to: string;
      groupBy: "day" | "hour" | "service" | "total";
    },
  ): Promise<(FigureSums & { key: string })[]> {
    const key = {
      day: sql.raw("day::text"),
      hour: sql.raw("hour::text"),
      service: sql.raw("service_id::text"),
      total: sql.raw("'total'"),
    }[args.groupBy];
    const rows = await queryRows<Row>(
      ex,
      sql`SELECT ${key} AS "key", ${SERVICE_SUMS}
          FROM hourly_service_stats
          WHERE ${centreFilter(args.centreId)} AND day BETWEEN ${args.from} AND ${args.to}
          GROUP BY 1 ORDER BY 1`,
    );
    return rows.map(toSums);
  },

  /** Sums from the daily staff aggregates, grouped by counter or by employee. */
  async staffFigures(
    ex: Executor,
    args: { centreId: string | null; from: string; to: string; groupBy: "counter" | "staff" },
  ): Promise<(FigureSums & { key: string })[]> {
    const key = args.groupBy === "counter" ? sql.raw("counter_id::text") : sql.raw("user_id::text");
    const rows = await queryRows<Row>(
      ex,
      sql`SELECT ${key} AS "key", ${STAFF_SUMS}
          FROM daily_staff_stats
          WHERE ${centreFilter(args.centreId)} AND day BETWEEN ${args.from} AND ${args.to}
          GROUP BY 1 ORDER BY 1`,
    );
    return rows.map(toSums);
  },

  /** Today's sums per centre and service, for the live and national dashboards. */
  async todayByCentreAndService(ex: Executor, days: { centreId: string; day: string }[]) {
    if (days.length === 0) return [];
    const pairs = sql.join(
      days.map((d) => sql`(${d.centreId}::uuid, ${d.day}::date)`),
      sql`, `,
    );
    return queryRows<{
      centreId: string;
      serviceId: string;
      served: number;
      waitCount: number;
      waitSeconds: number;
      withinTarget: number;
    }>(
      ex,
      sql`SELECT centre_id AS "centreId", service_id AS "serviceId", sum(served)::int AS "served",
                 sum(wait_count)::int AS "waitCount", sum(wait_seconds)::float8 AS "waitSeconds",
                 sum(within_target)::int AS "withinTarget"
          FROM hourly_service_stats
          WHERE (centre_id, day) IN (VALUES ${pairs})
          GROUP BY 1, 2`,
    );
  },

  async todayByHour(ex: Executor, centreId: string, day: string) {
    return queryRows<{
      hour: number;
      issued: number;
      served: number;
      waitCount: number;
      waitSeconds: number;
    }>(
      ex,
      sql`SELECT hour, sum(issued)::int AS "issued", sum(served)::int AS "served",
                 sum(wait_count)::int AS "waitCount", sum(wait_seconds)::float8 AS "waitSeconds"
          FROM hourly_service_stats WHERE centre_id = ${centreId} AND day = ${day}
          GROUP BY hour ORDER BY hour`,
    );
  },

  /**
   * Visitors' scores over a date range (by the local day the visit ended), grouped like the other
   * figures: the satisfaction KPI beside the waits. A visit with no counter or employee is NOBODY's.
   */
  async feedbackFigures(
    ex: Executor,
    args: {
      centreId: string | null;
      from: string;
      to: string;
      groupBy: "day" | "hour" | "service" | "counter" | "staff" | "priority" | "total";
    },
  ): Promise<{ key: string; count: number; satisfied: number }[]> {
    const key = {
      day: sql.raw("day::text"),
      hour: sql.raw("hour::text"),
      service: sql.raw("service_id::text"),
      counter: sql.raw(`coalesce(counter_id, '${NOBODY}')::text`),
      staff: sql.raw(`coalesce(user_id, '${NOBODY}')::text`),
      priority: sql.raw("(SELECT t.priority FROM tickets t WHERE t.id = feedback.ticket_id)"),
      total: sql.raw("'total'"),
    }[args.groupBy];
    return queryRows<{ key: string; count: number; satisfied: number }>(
      ex,
      sql`SELECT ${key} AS "key", count(*)::int AS "count",
                 count(*) FILTER (WHERE score >= ${SATISFIED_SCORE})::int AS "satisfied"
          FROM feedback
          WHERE ${centreFilter(args.centreId)} AND day BETWEEN ${args.from} AND ${args.to}
          GROUP BY 1 ORDER BY 1`,
    );
  },

  /** Today's scores per centre and service, for the live and national dashboards. */
  async feedbackToday(ex: Executor, days: { centreId: string; day: string }[]) {
    if (days.length === 0) return [];
    const pairs = sql.join(
      days.map((d) => sql`(${d.centreId}::uuid, ${d.day}::date)`),
      sql`, `,
    );
    return queryRows<{ centreId: string; serviceId: string; count: number; satisfied: number }>(
      ex,
      sql`SELECT centre_id AS "centreId", service_id AS "serviceId", count(*)::int AS "count",
                 count(*) FILTER (WHERE score >= ${SATISFIED_SCORE})::int AS "satisfied"
          FROM feedback WHERE (centre_id, day) IN (VALUES ${pairs})
          GROUP BY 1, 2`,
    );
  },

  /** Per counter today: visitors served, and when its last visitor left. */
  async countersToday(ex: Executor, centreId: string, day: string) {
    return queryRows<{ counterId: string; served: number; lastFinishedAt: string | null }>(
      ex,
      sql`SELECT counter_id AS "counterId", count(*) FILTER (WHERE status = 'done')::int AS "served",
                 to_json(max(finished_at)) #>> '{}' AS "lastFinishedAt"
          FROM tickets WHERE centre_id = ${centreId} AND service_day = ${day} AND counter_id IS NOT NULL
          GROUP BY counter_id`,
    );
  },

  async names(
    ex: Executor,
    kind: "counter" | "staff" | "service",
    ids: string[],
    language: string,
  ): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const list = sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const query = {
      counter: sql`SELECT c.id::text AS id, ce.code || ' · ' || c.label AS name FROM counters c JOIN centres ce ON ce.id = c.centre_id WHERE c.id IN (${list})`,
      staff: sql`SELECT id::text AS id, display_name || ' (' || username || ')' AS name FROM users WHERE id IN (${list})`,
      service: sql`SELECT id::text AS id, prefix || ' · ' || (name ->> ${language}) AS name FROM services WHERE id IN (${list})`,
    }[kind];
    const rows = await queryRows<{ id: string; name: string }>(ex, query);
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};
