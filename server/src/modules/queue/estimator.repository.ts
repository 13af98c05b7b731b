import { sql } from "drizzle-orm";
import type { CounterVisit, HandlingTimeStats, Priority } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";

/** A counter as the estimator needs it: its profile, state and the visit it holds. */
export interface EstimatorCounterRow {
  id: string;
  status: "open" | "break" | "closed";
  serviceIds: string[];
  statusSince: Date | null;
  servingServiceId: string | null;
  servingCalledAt: Date | null;
}

export interface EstimatorTicketRow {
  id: string;
  serviceId: string;
  priority: Priority;
  queuedAt: Date;
  appointmentAt: Date | null;
}

export interface HandlingStatsRow extends HandlingTimeStats {
  serviceId: string;
  handlingMinutes: number;
}

export interface PriorityRateRow {
  serviceId: string;
  hour: number;
  priority: Priority;
  perDay: number;
}

export interface AppointmentHabitRow {
  booked: number;
  kept: number;
  earliestMinutes: number | null;
  latestMinutes: number | null;
}

/** What the estimator reads of a centre's present, in one round trip. */
export interface CentrePresent {
  counters: EstimatorCounterRow[];
  waiting: EstimatorTicketRow[];
  appointments: { serviceId: string; start: Date }[];
}

const asDate = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/**
 * The reads behind the forward-simulation estimate: the centre's present (counters, the whole
 * waiting queue, bookings still to come), and what its history teaches (handling times, priority
 * arrivals, how booked visitors turn up). The present is small (one row per waiting ticket and
 * counter); the history is aggregated in SQL and cached by the caller.
 */
export const estimatorRepository = {
  /**
   * The centre's present in one statement (counters, the waiting queue, bookings still to come):
   * one round trip instead of three, which on PGlite (one connection, every statement through
   * WebAssembly) is most of an issue's cost.
   */
  async present(
    ex: Executor,
    args: { centreId: string; serviceDay: string; notBefore: Date },
  ): Promise<CentrePresent> {
    const [row] = await queryRows<Record<string, unknown>>(
      ex,
      sql`SELECT
            (SELECT coalesce(json_agg(json_build_object(
                      'id', c.id, 'status', c.status, 'serviceIds', c.service_ids,
                      'statusSince', c.status_since, 'servingServiceId', t.service_id,
                      'servingCalledAt', t.called_at)), '[]'::json)
               FROM counters c
               LEFT JOIN tickets t ON t.counter_id = c.id AND t.status IN ('called', 'serving')
              WHERE c.centre_id = ${args.centreId} AND c.active) AS counters,
            (SELECT coalesce(json_agg(json_build_object(
                      'id', id, 'serviceId', service_id, 'priority', priority,
                      'queuedAt', queued_at, 'appointmentAt', appointment_at)), '[]'::json)
               FROM tickets
              WHERE centre_id = ${args.centreId} AND service_day = ${args.serviceDay}
                AND status = 'waiting') AS waiting,
            (SELECT coalesce(json_agg(json_build_object('serviceId', service_id, 'start', start)), '[]'::json)
               FROM appointments
              WHERE centre_id = ${args.centreId} AND service_day = ${args.serviceDay}
                AND status = 'booked' AND start >= ${args.notBefore}::timestamptz) AS appointments`,
    );
    const list = (v: unknown): Record<string, unknown>[] =>
      (typeof v === "string" ? JSON.parse(v) : (v ?? [])) as Record<string, unknown>[];
    return {
      counters: list(row?.counters).map((r) => ({
        id: r.id as string,
        status: r.status as EstimatorCounterRow["status"],
        serviceIds: (r.serviceIds as string[] | null) ?? [],
        statusSince: asDate(r.statusSince),
        servingServiceId: (r.servingServiceId as string | null) ?? null,
        servingCalledAt: asDate(r.servingCalledAt),
      })),
      waiting: list(row?.waiting).map((r) => ({
        id: r.id as string,
        serviceId: r.serviceId as string,
        priority: r.priority as Priority,
        queuedAt: asDate(r.queuedAt)!,
        appointmentAt: asDate(r.appointmentAt),
      })),
      appointments: list(row?.appointments).map((r) => ({
        serviceId: r.serviceId as string,
        start: asDate(r.start)!,
      })),
    };
  },

  /**
   * Per service the centre offers: the configured handling time and the lognormal summary of
   * call → release of its visits finished since `since` (see `HandlingTimeStats`).
   */
  async handlingStats(ex: Executor, centreId: string, since: Date): Promise<HandlingStatsRow[]> {
    return queryRows<HandlingStatsRow>(
      ex,
      sql`SELECT s.id AS "serviceId", s.handling_minutes::float8 AS "handlingMinutes",
                 coalesce(h.count, 0)::int AS count, coalesce(h.mean_log, 0)::float8 AS "meanLog",
                 coalesce(h.var_log, 0)::float8 AS "varLog"
            FROM centre_services cs
            JOIN services s ON s.id = cs.service_id
            LEFT JOIN (
              SELECT service_id, count(*) AS count, avg(ln(secs)) AS mean_log,
                     coalesce(var_samp(ln(secs)), 0) AS var_log
                FROM (SELECT service_id,
                             greatest(1, extract(epoch FROM finished_at - called_at))::float8 AS secs
                        FROM tickets
                       WHERE centre_id = ${centreId} AND status IN ('done', 'no_show')
                         AND called_at IS NOT NULL AND finished_at >= ${since}::timestamptz) v
               GROUP BY service_id
            ) h ON h.service_id = s.id
           WHERE cs.centre_id = ${centreId}`,
    );
  },

  /** Priority walk-ins per day by service, local hour and group, on past days of one weekday. */
  async priorityRates(
    ex: Executor,
    args: { centreId: string; timezone: string; since: string; before: string; isoWeekday: number },
  ): Promise<PriorityRateRow[]> {
    return queryRows<PriorityRateRow>(
      ex,
      sql`WITH days AS (
            SELECT DISTINCT service_day FROM tickets
             WHERE centre_id = ${args.centreId} AND service_day >= ${args.since}::date
               AND service_day < ${args.before}::date
               AND extract(isodow FROM service_day) = ${args.isoWeekday})
          SELECT t.service_id AS "serviceId",
                 extract(hour FROM t.issued_at AT TIME ZONE ${args.timezone})::int AS hour,
                 t.priority, (count(*)::float8 / (SELECT greatest(1, count(*)) FROM days)) AS "perDay"
            FROM tickets t JOIN days d ON d.service_day = t.service_day
           WHERE t.centre_id = ${args.centreId} AND t.priority <> 'none' AND t.appointment_id IS NULL
           GROUP BY 1, 2, 3`,
    );
  },

  /**
   * Every visit at a counter on past days of one weekday, in minutes after that day's local
   * midnight: what the counters' usual openings, breaks and closings are learned from.
   */
  async counterVisits(
    ex: Executor,
    args: { centreId: string; timezone: string; since: string; before: string; isoWeekday: number },
  ): Promise<CounterVisit[]> {
    return queryRows<CounterVisit>(
      ex,
      sql`SELECT counter_id AS "counterId", service_day::text AS day, service_id AS "serviceId",
                 (extract(epoch FROM (called_at AT TIME ZONE ${args.timezone}) - service_day::timestamp) / 60)::float8
                   AS "calledMinute",
                 (extract(epoch FROM (coalesce(finished_at, called_at) AT TIME ZONE ${args.timezone})
                   - service_day::timestamp) / 60)::float8 AS "releasedMinute"
            FROM tickets
           WHERE centre_id = ${args.centreId} AND service_day >= ${args.since}::date
             AND service_day < ${args.before}::date AND extract(isodow FROM service_day) = ${args.isoWeekday}
             AND counter_id IS NOT NULL AND called_at IS NOT NULL AND status IN ('done', 'no_show')`,
    );
  },

  /** How booked visitors of the centre turned up since `since`: kept share and check-in spread. */
  async appointmentHabits(ex: Executor, centreId: string, since: Date): Promise<AppointmentHabitRow> {
    const [row] = await queryRows<AppointmentHabitRow>(
      ex,
      sql`SELECT count(*) FILTER (WHERE status IN ('checked_in', 'no_show'))::int AS booked,
                 count(*) FILTER (WHERE status = 'checked_in')::int AS kept,
                 percentile_cont(0.1) WITHIN GROUP (ORDER BY extract(epoch FROM checked_in_at - start) / 60)
                   FILTER (WHERE status = 'checked_in')::float8 AS "earliestMinutes",
                 percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM checked_in_at - start) / 60)
                   FILTER (WHERE status = 'checked_in')::float8 AS "latestMinutes"
            FROM appointments
           WHERE centre_id = ${centreId} AND start >= ${since}::timestamptz`,
    );
    return row ?? { booked: 0, kept: 0, earliestMinutes: null, latestMinutes: null };
  },
};
