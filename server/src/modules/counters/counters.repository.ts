import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { namedStatement, tableFields } from "../../db/prepared.js";
import { counters, tickets, users, type TicketRow } from "../../db/schema.js";
import { nextTicket } from "../queue/index.js";

export type CounterRow = typeof counters.$inferSelect;

const ph = (name: string) => sql.placeholder(name);

/** What the one-statement call-next tells: see `callNextAtOnce`. */
export type CallAtOnce =
  | { outcome: "called"; ticket: TicketRow; counter: { id: string; label: string; zone: string } }
  | { outcome: "nobody" }
  /** The counter is not open, free and the caller's, or the ticket has a phone for a text. */
  | { outcome: "elsewhere" };

interface CallRow {
  free: number;
  picked: number;
  label: string | null;
  zone: string | null;
  ticket: TicketRow;
}

/**
 * Call-next in one statement, so in one round trip with no transaction around it: the counter is
 * locked and must be open, the caller's and free; the pick takes the best waiting ticket it serves
 * (SKIP LOCKED: counters pass over each other's choice); the ticket is marked called and its event
 * written. The pick is a MATERIALIZED CTE, evaluated once (a subquery in the UPDATE's WHERE may run
 * more than once and call several tickets). A ticket with a phone is left for the transactional
 * path, which enqueues its text in the same transaction. After waiting for the counter's lock the
 * statement's snapshot may miss a call just committed from the same counter; the unique index of
 * one visitor per counter then refuses the second.
 */
const callStatement = namedStatement<CallRow>(
  "dost_call_next",
  [
    { path: ["free"], field: sql<number>`free`.mapWith(Number) },
    { path: ["picked"], field: sql<number>`picked`.mapWith(Number) },
    { path: ["label"], field: sql<string | null>`label` },
    { path: ["zone"], field: sql<string | null>`zone` },
    ...tableFields(tickets, "ticket"),
  ],
  (columns) => sql`
    WITH c AS MATERIALIZED (
      SELECT id, service_ids, label, zone FROM counters
       WHERE id = ${ph("counterId")}::uuid AND centre_id = ${ph("centreId")}::uuid
         AND status = 'open' AND user_id = ${ph("userId")}::uuid
       FOR UPDATE
    ), free AS MATERIALIZED (
      SELECT c.* FROM c WHERE NOT EXISTS (
        SELECT 1 FROM tickets WHERE counter_id = c.id AND status IN ('called', 'serving'))
    ), pick AS MATERIALIZED (
      SELECT ${tickets.id} AS id FROM ${tickets}
       WHERE (SELECT count(*) FROM free) > 0
         AND ${nextTicket.where(sql`(SELECT service_ids FROM free)::uuid[]`)}
       ORDER BY ${nextTicket.orderBy} LIMIT 1 FOR UPDATE OF ${tickets} SKIP LOCKED
    ), upd AS (
      UPDATE ${tickets} SET status = 'called', counter_id = ${ph("counterId")}::uuid,
             called_at = ${ph("now")}::timestamptz, call_count = ${tickets.callCount} + 1
        FROM pick
       WHERE ${tickets.id} = pick.id AND ${tickets.status} = 'waiting'
         AND NOT EXISTS (SELECT 1 FROM ticket_contacts tc WHERE tc.ticket_id = pick.id)
      RETURNING ${tickets}.*
    ), ev AS (
      INSERT INTO ticket_events (ticket_id, centre_id, at, action, from_status, to_status, service_id,
                                 counter_id, user_id)
      SELECT id, centre_id, ${ph("now")}::timestamptz, 'call', 'waiting', 'called', service_id,
             ${ph("counterId")}::uuid, ${ph("userId")}::uuid
        FROM upd
    )
    SELECT ${columns} FROM (
      SELECT (SELECT count(*) FROM free) AS free, (SELECT count(*) FROM pick) AS picked,
             (SELECT label FROM free) AS label, (SELECT zone FROM free) AS zone
    ) flags LEFT JOIN upd ON true`,
);

export const countersRepository = {
  /** Call-next from an open counter in one statement (see callStatement). */
  async callNextAtOnce(
    ex: Executor,
    args: {
      counterId: string;
      userId: string;
      centreId: string;
      serviceDay: string;
      weights: Parameters<typeof nextTicket.values>[0]["weights"];
      now: Date;
    },
  ): Promise<CallAtOnce> {
    const [row] = await callStatement.run(ex, {
      ...nextTicket.values(args),
      counterId: args.counterId,
      userId: args.userId,
    });
    if (!row || row.free === 0) return { outcome: "elsewhere" };
    if (row.picked === 0) return { outcome: "nobody" };
    if (row.ticket.id === null) return { outcome: "elsewhere" };
    return {
      outcome: "called",
      ticket: row.ticket,
      counter: { id: args.counterId, label: row.label ?? "", zone: row.zone ?? "" },
    };
  },

  /** Locks the counter row: every change to a counter, and every call from it, is serialised here. */
  async lock(ex: Executor, counterId: string): Promise<CounterRow | null> {
    const [row] = await ex.select().from(counters).where(eq(counters.id, counterId)).for("update");
    return row ?? null;
  },

  async find(ex: Executor, counterId: string): Promise<CounterRow | null> {
    const [row] = await ex.select().from(counters).where(eq(counters.id, counterId));
    return row ?? null;
  },

  async centreOf(ex: Executor, counterId: string): Promise<string | null> {
    const [row] = await ex
      .select({ centreId: counters.centreId })
      .from(counters)
      .where(eq(counters.id, counterId));
    return row?.centreId ?? null;
  },

  async findByUser(ex: Executor, userId: string): Promise<CounterRow | null> {
    const [row] = await ex.select().from(counters).where(eq(counters.userId, userId));
    return row ?? null;
  },

  /** The visitor at the counter: the ticket it has called or is serving, if any. */
  async currentTicketId(ex: Executor, counterId: string): Promise<string | null> {
    const [row] = await ex
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.counterId, counterId), inArray(tickets.status, ["called", "serving"])));
    return row?.id ?? null;
  },

  async update(
    ex: Executor,
    counterId: string,
    changes: Partial<typeof counters.$inferInsert>,
  ): Promise<CounterRow> {
    const [row] = await ex.update(counters).set(changes).where(eq(counters.id, counterId)).returning();
    if (!row) throw new Error("counter update returned nothing");
    return row;
  },

  /** Every counter of a centre with its staff member and the ticket at it. */
  async listWithState(ex: Executor, centreId: string) {
    return ex
      .select({
        counter: counters,
        user: { id: users.id, username: users.username, displayName: users.displayName },
        ticket: tickets,
      })
      .from(counters)
      .leftJoin(users, eq(users.id, counters.userId))
      .leftJoin(
        tickets,
        and(eq(tickets.counterId, counters.id), sql`${tickets.status} IN ('called', 'serving')`),
      )
      .where(eq(counters.centreId, centreId))
      .orderBy(sql`length(${counters.label})`, asc(counters.label));
  },
};
