import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { counters } from "../../db/schema.js";

export type CounterSetupRow = typeof counters.$inferSelect;

/** Counters as configuration: their labels, zones and whether they are in use. */
export const counterSetupRepository = {
  list(ex: Executor, centreId: string): Promise<CounterSetupRow[]> {
    return ex
      .select()
      .from(counters)
      .where(eq(counters.centreId, centreId))
      .orderBy(sql`length(${counters.label})`, asc(counters.label));
  },

  async find(ex: Executor, id: string): Promise<CounterSetupRow | null> {
    const [row] = await ex.select().from(counters).where(eq(counters.id, id));
    return row ?? null;
  },

  async lock(ex: Executor, id: string): Promise<CounterSetupRow | null> {
    const [row] = await ex.select().from(counters).where(eq(counters.id, id)).for("update");
    return row ?? null;
  },

  async labelTaken(ex: Executor, centreId: string, label: string, except?: string): Promise<boolean> {
    const [row] = await ex
      .select({ id: counters.id })
      .from(counters)
      .where(and(eq(counters.centreId, centreId), eq(counters.label, label)));
    return row !== undefined && row.id !== except;
  },

  async insert(ex: Executor, values: typeof counters.$inferInsert): Promise<CounterSetupRow> {
    const [row] = await ex.insert(counters).values(values).returning();
    if (!row) throw new Error("counter insert returned nothing");
    return row;
  },

  async update(
    ex: Executor,
    id: string,
    changes: Partial<typeof counters.$inferInsert>,
  ): Promise<CounterSetupRow> {
    const [row] = await ex.update(counters).set(changes).where(eq(counters.id, id)).returning();
    if (!row) throw new Error("counter update returned nothing");
    return row;
  },
};
