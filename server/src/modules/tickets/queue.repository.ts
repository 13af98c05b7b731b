import { sql } from "drizzle-orm";
import type { PolicyWeights, Priority } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { tickets } from "../../db/schema.js";

export interface WaitingRow {
  id: string;
  serviceId: string;
  priority: Priority;
  queuedAt: Date;
  appointmentAt: Date | null;
}

export interface ServiceLoadRow {
  serviceId: string;
  handlingMinutes: number;
  finishedLastHour: number;
  openCounters: number;
}

/**
 * The queue policy's order as SQL: a smaller effective time is a higher score. It must stay the
 * mirror of `compareCandidates` in shared/domain/queue-policy.ts; a property test holds them equal.
 */
export function effectiveQueueTime(weights: PolicyWeights, now: Date) {
  const bonus = weights.priorityBonusSeconds;
  return sql`${tickets.queuedAt} - make_interval(secs => (CASE ${tickets.priority}
      WHEN 'disability' THEN ${bonus.disability}::int
      WHEN 'veteran' THEN ${bonus.veteran}::int
      WHEN 'martyr_family' THEN ${bonus.martyr_family}::int
      WHEN 'elderly' THEN ${bonus.elderly}::int
      WHEN 'pregnant' THEN ${bonus.pregnant}::int
      ELSE ${bonus.none}::int END
    + CASE WHEN ${tickets.appointmentAt} <= ${now}::timestamptz
      THEN ${weights.appointmentBonusSeconds}::int ELSE 0 END)::float8)`;
}

export const queueRepository = {
  /** Every waiting ticket of a centre's service day: the input of positions and estimates. */
  async waiting(ex: Executor, centreId: string, serviceDay: string): Promise<WaitingRow[]> {
    return ex
      .select({
        id: tickets.id,
        serviceId: tickets.serviceId,
        priority: tickets.priority,
        queuedAt: tickets.queuedAt,
        appointmentAt: tickets.appointmentAt,
      })
      .from(tickets)
      .where(
        sql`${tickets.centreId} = ${centreId} AND ${tickets.status} = 'waiting' AND ${tickets.serviceDay} = ${serviceDay}`,
      );
  },

  /** Per service of the centre: handling time, tickets finished in the last hour, open counters. */
  async serviceLoad(
    ex: Executor,
    centreId: string,
    now: Date,
    serviceDay: string,
  ): Promise<ServiceLoadRow[]> {
    return queryRows<ServiceLoadRow>(
      ex,
      sql`
      SELECT s.id AS "serviceId",
             s.handling_minutes AS "handlingMinutes",
             coalesce(f.n, 0)::int AS "finishedLastHour",
             coalesce(o.n, 0)::int AS "openCounters"
      FROM centre_services cs
      JOIN services s ON s.id = cs.service_id
      LEFT JOIN (
        SELECT service_id, count(*) AS n FROM tickets
        WHERE centre_id = ${centreId} AND service_day = ${serviceDay} AND status = 'done'
          AND finished_at > ${now}::timestamptz - interval '1 hour'
        GROUP BY service_id
      ) f ON f.service_id = s.id
      LEFT JOIN (
        SELECT unnest(service_ids) AS service_id, count(*) AS n FROM counters
        WHERE centre_id = ${centreId} AND status = 'open'
        GROUP BY 1
      ) o ON o.service_id = s.id
      WHERE cs.centre_id = ${centreId}
      ORDER BY cs.position, s.code`,
    );
  },
};
