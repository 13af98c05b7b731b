import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { counters, tickets, users } from "../../db/schema.js";

export type CounterRow = typeof counters.$inferSelect;

export const countersRepository = {
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
