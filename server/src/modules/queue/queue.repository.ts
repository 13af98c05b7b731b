import { and, asc, inArray, sql, type SQL } from "drizzle-orm";
import { bonusSeconds, type PolicyWeights, type Priority } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { namedStatement } from "../../db/prepared.js";
import { queryRows } from "../../db/rows.js";
import { tickets, type TicketRow } from "../../db/schema.js";

export interface ServiceLoadRow {
  serviceId: string;
  handlingMinutes: number;
  finishedLastHour: number;
  openCounters: number;
}

export interface ServiceWaitingRow {
  serviceId: string;
  waiting: number;
  /** Epoch milliseconds of the longest-waiting ticket's queue time. */
  oldestQueuedMs: number;
}

export interface PlaceRow {
  id: string;
  serviceId: string;
  position: number;
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

const ph = (name: string) => sql.placeholder(name);

/** The policy's weights and the moment as placeholders, filled by `nextTicket.values`. */
const policyPlaceholders = {
  priorityBonusSeconds: {
    none: ph("bonusNone"),
    disability: ph("bonusDisability"),
    veteran: ph("bonusVeteran"),
    martyr_family: ph("bonusMartyrFamily"),
    elderly: ph("bonusElderly"),
    pregnant: ph("bonusPregnant"),
  },
  appointmentBonusSeconds: ph("bonusAppointment"),
  // effectiveQueueTime interpolates each weight as an SQL value: a placeholder is one, filled later.
} as unknown as PolicyWeights;

/**
 * Call-next's pick as SQL over placeholders, for statements prepared once (the pick below, and the
 * counter's whole call in countersRepository): the waiting tickets of the day of the services in
 * `serviceIds`, in the policy's order.
 */
export const nextTicket = {
  where: (serviceIds: SQL) =>
    sql`${tickets.centreId} = ${ph("centreId")}::uuid AND ${tickets.status} = 'waiting'
        AND ${tickets.serviceDay} = ${ph("serviceDay")}::date AND ${tickets.serviceId} = ANY(${serviceIds})`,
  orderBy: sql`${effectiveQueueTime(policyPlaceholders, ph("now") as unknown as Date)}, ${tickets.queuedAt}, ${tickets.id}`,
  values(args: { centreId: string; serviceDay: string; weights: PolicyWeights; now: Date }) {
    const bonus = args.weights.priorityBonusSeconds;
    return {
      centreId: args.centreId,
      serviceDay: args.serviceDay,
      now: args.now.toISOString(),
      bonusNone: bonus.none,
      bonusDisability: bonus.disability,
      bonusVeteran: bonus.veteran,
      bonusMartyrFamily: bonus.martyr_family,
      bonusElderly: bonus.elderly,
      bonusPregnant: bonus.pregnant,
      bonusAppointment: args.weights.appointmentBonusSeconds,
    };
  },
};

const pickStatement = namedStatement<{ id: string }>(
  "dost_pick_next",
  [{ path: ["id"], field: tickets.id }],
  (columns) => sql`SELECT ${columns} FROM ${tickets}
    WHERE ${nextTicket.where(sql`${ph("serviceIds")}::uuid[]`)}
    ORDER BY ${nextTicket.orderBy} LIMIT 1 FOR UPDATE SKIP LOCKED`,
);

const waitingOf = (centreId: string, serviceDay: string) =>
  sql`${tickets.centreId} = ${centreId} AND ${tickets.status} = 'waiting' AND ${tickets.serviceDay} = ${serviceDay}`;

/** All queue reads are aggregates or windows in SQL: the server never pulls a whole queue across. */
export const queueRepository = {
  /** Per centre, its waiting tickets of its own service day and the longest wait (for monitoring). */
  async waitingPerCentre(
    ex: Executor,
    centres: readonly { id: string; serviceDay: string }[],
    now: Date,
  ): Promise<{ centreId: string; waiting: number; longestWaitSeconds: number }[]> {
    if (centres.length === 0) return [];
    return queryRows(
      ex,
      sql`SELECT t.centre_id AS "centreId", count(*)::int AS "waiting",
                 greatest(0, extract(epoch FROM ${now.toISOString()}::timestamptz - min(t.queued_at)))::float8
                   AS "longestWaitSeconds"
            FROM ${tickets} t
            JOIN (VALUES ${sql.join(
              centres.map((c) => sql`(${c.id}::uuid, ${c.serviceDay}::date)`),
              sql`, `,
            )}) AS today(centre_id, day) ON t.centre_id = today.centre_id AND t.service_day = today.day
           WHERE t.status = 'waiting'
           GROUP BY t.centre_id`,
    );
  },

  async byIds(ex: Executor, ids: string[]): Promise<TicketRow[]> {
    return ids.length ? ex.select().from(tickets).where(inArray(tickets.id, ids)) : [];
  },

  /** The note of a ticket's first call (a call out of order says so), null when it has none. */
  async firstCallNote(ex: Executor, ticketId: string): Promise<string | null> {
    const [row] = await queryRows<{ note: string | null }>(
      ex,
      sql`SELECT note FROM ticket_events WHERE ticket_id = ${ticketId} AND action = 'call'
           ORDER BY id LIMIT 1`,
    );
    return row?.note ?? null;
  },

  /**
   * Picks the best waiting ticket for a counter and locks it. SKIP LOCKED lets concurrent counters
   * pass over each other's choice instead of waiting on it, so no ticket is called twice and no
   * counter blocks another. The caller marks it called in the same transaction. (Folding the pick
   * into the UPDATE as `WHERE id IN (SELECT … LIMIT 1 FOR UPDATE SKIP LOCKED)` is not safe:
   * PostgreSQL may evaluate the subquery more than once and update several rows; the property test
   * caught it.)
   */
  async pickNext(
    ex: Executor,
    args: { centreId: string; serviceDay: string; serviceIds: string[]; weights: PolicyWeights; now: Date },
  ): Promise<string | null> {
    if (args.serviceIds.length === 0) return null;
    const [next] = await pickStatement.run(ex, {
      ...nextTicket.values(args),
      serviceIds: args.serviceIds,
    });
    return next?.id ?? null;
  },

  async waitingByService(ex: Executor, centreId: string, serviceDay: string): Promise<ServiceWaitingRow[]> {
    return queryRows<ServiceWaitingRow>(
      ex,
      sql`SELECT ${tickets.serviceId} AS "serviceId", count(*)::int AS "waiting",
                 (extract(epoch FROM min(${tickets.queuedAt})) * 1000)::float8 AS "oldestQueuedMs"
          FROM ${tickets} WHERE ${waitingOf(centreId, serviceDay)} GROUP BY 1`,
    );
  },

  /** Each waiting ticket's place in its service (0 = next), for the first `limit` of each service. */
  async places(
    ex: Executor,
    args: { centreId: string; serviceDay: string; weights: PolicyWeights; now: Date; limit: number },
  ): Promise<PlaceRow[]> {
    return queryRows<PlaceRow>(
      ex,
      sql`SELECT id, "serviceId", position FROM (
            SELECT ${tickets.id} AS id, ${tickets.serviceId} AS "serviceId",
                   (row_number() OVER (PARTITION BY ${tickets.serviceId}
                     ORDER BY ${effectiveQueueTime(args.weights, args.now)}, ${tickets.queuedAt}, ${tickets.id}) - 1)::int AS position
            FROM ${tickets} WHERE ${waitingOf(args.centreId, args.serviceDay)}
          ) ranked WHERE position < ${args.limit}`,
    );
  },

  /** The waiting tickets of some services in the order call-next would take them. */
  async inCallOrder(
    ex: Executor,
    args: {
      centreId: string;
      serviceDay: string;
      serviceIds: string[];
      weights: PolicyWeights;
      now: Date;
      limit: number;
    },
  ) {
    if (args.serviceIds.length === 0) return [];
    return ex
      .select()
      .from(tickets)
      .where(
        and(sql`${waitingOf(args.centreId, args.serviceDay)}`, inArray(tickets.serviceId, args.serviceIds)),
      )
      .orderBy(effectiveQueueTime(args.weights, args.now), asc(tickets.queuedAt), asc(tickets.id))
      .limit(args.limit);
  },

  /** How many of its service are ahead of one waiting ticket, by the policy's order. */
  async positionOf(
    ex: Executor,
    ticket: {
      id: string;
      centreId: string;
      serviceId: string;
      serviceDay: string;
      priority: Priority;
      queuedAt: Date;
      appointmentAt: Date | null;
    },
    weights: PolicyWeights,
    now: Date,
  ): Promise<number> {
    const effective = new Date(
      ticket.queuedAt.getTime() -
        bonusSeconds({ ...ticket, serviceId: ticket.serviceId }, now, weights) * 1000,
    );
    const [row] = await queryRows<{ ahead: number }>(
      ex,
      sql`SELECT count(*)::int AS ahead FROM ${tickets}
          WHERE ${waitingOf(ticket.centreId, ticket.serviceDay)} AND ${tickets.serviceId} = ${ticket.serviceId}
            AND (${effectiveQueueTime(weights, now)}, ${tickets.queuedAt}, ${tickets.id})
              < (${effective}::timestamptz, ${ticket.queuedAt}::timestamptz, ${ticket.id}::uuid)`,
    );
    return row?.ahead ?? 0;
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
