import type { Alert, AlertThresholdsInput, HandlingHistory, HourlyArrivals } from "@dost/shared";
import { and, asc, eq, gte, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { alerts, alertThresholds, closedDates, tickets } from "../../db/schema.js";

type AlertRow = typeof alerts.$inferSelect;

/** A stored row as the contract shows it (absent ids left out, times as ISO strings). */
export function toAlert(row: AlertRow): Alert {
  // The cast: kind and details are written together from one Alert, so they pair up on reading.
  return {
    centreId: row.centreId,
    id: row.id,
    key: row.key,
    kind: row.kind,
    ...(row.serviceId ? { serviceId: row.serviceId } : {}),
    ...(row.counterId ? { counterId: row.counterId } : {}),
    raisedAt: row.raisedAt.toISOString(),
    clearedAt: row.clearedAt?.toISOString() ?? null,
    severity: row.severity,
    details: row.details,
    suggestion: row.suggestion ?? null,
  } as Alert;
}

export const alertsRepository = {
  async open(ex: Executor, centreId: string): Promise<Alert[]> {
    const rows = await ex
      .select()
      .from(alerts)
      .where(and(eq(alerts.centreId, centreId), isNull(alerts.clearedAt)));
    return rows.map(toAlert);
  },

  /** Open alerts, and those raised or cleared since `since`, oldest first. */
  async list(ex: Executor, centreId: string, since: Date | null): Promise<Alert[]> {
    const rows = await ex
      .select()
      .from(alerts)
      .where(
        and(
          eq(alerts.centreId, centreId),
          since
            ? or(isNull(alerts.clearedAt), gte(alerts.raisedAt, since), gte(alerts.clearedAt, since))
            : isNull(alerts.clearedAt),
        ),
      )
      .orderBy(asc(alerts.raisedAt))
      .limit(1000);
    return rows.map(toAlert);
  },

  async insert(ex: Executor, list: readonly Alert[]): Promise<void> {
    if (list.length === 0) return;
    await ex.insert(alerts).values(
      list.map((a) => ({
        id: a.id,
        centreId: a.centreId,
        key: a.key,
        kind: a.kind,
        serviceId: a.serviceId ?? null,
        counterId: a.counterId ?? null,
        severity: a.severity,
        details: a.details,
        suggestion: a.suggestion,
        raisedAt: new Date(a.raisedAt),
      })),
    );
  },

  async update(ex: Executor, alert: Alert): Promise<void> {
    await ex
      .update(alerts)
      .set({ severity: alert.severity, details: alert.details, suggestion: alert.suggestion })
      .where(eq(alerts.id, alert.id));
  },

  async clear(ex: Executor, ids: readonly string[], at: Date): Promise<void> {
    for (const id of ids) {
      await ex
        .update(alerts)
        .set({ clearedAt: at })
        .where(and(eq(alerts.id, id), isNull(alerts.clearedAt)));
    }
  },

  async thresholds(ex: Executor, centreId: string): Promise<AlertThresholdsInput | null> {
    const [row] = await ex
      .select({ thresholds: alertThresholds.thresholds })
      .from(alertThresholds)
      .where(eq(alertThresholds.centreId, centreId));
    return row?.thresholds ?? null;
  },

  async saveThresholds(ex: Executor, centreId: string, value: AlertThresholdsInput, at: Date): Promise<void> {
    await ex
      .insert(alertThresholds)
      .values({ centreId, thresholds: value, updatedAt: at })
      .onConflictDoUpdate({ target: alertThresholds.centreId, set: { thresholds: value, updatedAt: at } });
  },

  /** When each counter's last visitor of the day left (for how long it has stood idle). */
  async lastFinished(ex: Executor, centreId: string, day: string): Promise<Map<string, Date>> {
    const rows = await ex
      .select({ counterId: tickets.counterId, at: sql<string>`to_json(max(${tickets.finishedAt})) #>> '{}'` })
      .from(tickets)
      .where(and(eq(tickets.centreId, centreId), eq(tickets.serviceDay, day)))
      .groupBy(tickets.counterId);
    const out = new Map<string, Date>();
    for (const r of rows) if (r.counterId && r.at) out.set(r.counterId, new Date(r.at));
    return out;
  },

  /** Tickets issued per (local date, hour, service) on `dates`, from the hourly aggregates. */
  async arrivals(ex: Executor, centreId: string, dates: readonly string[]): Promise<HourlyArrivals[]> {
    if (dates.length === 0) return [];
    const list = sql.join(
      dates.map((d) => sql`${d}::date`),
      sql`, `,
    );
    return queryRows<HourlyArrivals>(
      ex,
      sql`SELECT day::text AS "date", hour, service_id AS "serviceId", sum(issued)::int AS "arrivals"
          FROM hourly_service_stats
          WHERE centre_id = ${centreId} AND day IN (${list}) AND issued > 0
          GROUP BY 1, 2, 3`,
    );
  },

  /** Timed visits per service over `from`–`to` (local dates), from the hourly aggregates. */
  async handling(
    ex: Executor,
    centreId: string,
    from: string,
    to: string,
  ): Promise<Map<string, HandlingHistory>> {
    const rows = await queryRows<{ serviceId: string; servedCount: number; serviceSeconds: number }>(
      ex,
      sql`SELECT service_id AS "serviceId", sum(service_count)::int AS "servedCount",
                 sum(service_seconds)::float8 AS "serviceSeconds"
          FROM hourly_service_stats
          WHERE centre_id = ${centreId} AND day BETWEEN ${from}::date AND ${to}::date
          GROUP BY 1`,
    );
    return new Map(rows.map((r) => [r.serviceId, r]));
  },

  /** Which of `dates` the centre was closed: national holidays and its own closed dates. */
  async closedAmong(ex: Executor, centreId: string, dates: readonly string[]): Promise<Set<string>> {
    if (dates.length === 0) return new Set();
    const rows = await ex
      .select({ date: closedDates.date })
      .from(closedDates)
      .where(
        and(
          or(isNull(closedDates.centreId), eq(closedDates.centreId, centreId)),
          sql`${closedDates.date} IN (${sql.join(
            dates.map((d) => sql`${d}::date`),
            sql`, `,
          )})`,
        ),
      );
    return new Set(rows.map((r) => r.date));
  },
};
