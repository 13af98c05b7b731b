import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { centres } from "../../db/schema.js";

export type CentreRow = typeof centres.$inferSelect;

export const centresRepository = {
  list(ex: Executor, ids?: readonly string[]): Promise<CentreRow[]> {
    return ex
      .select()
      .from(centres)
      .where(ids ? inArray(centres.id, [...ids]) : undefined)
      .orderBy(asc(centres.code));
  },

  async lock(ex: Executor, id: string): Promise<CentreRow | null> {
    const [row] = await ex.select().from(centres).where(eq(centres.id, id)).for("update");
    return row ?? null;
  },

  async codeTaken(ex: Executor, code: string, except?: string): Promise<boolean> {
    const [row] = await ex.select({ id: centres.id }).from(centres).where(eq(centres.code, code));
    return row !== undefined && row.id !== except;
  },

  async insert(ex: Executor, values: typeof centres.$inferInsert): Promise<CentreRow> {
    const [row] = await ex.insert(centres).values(values).returning();
    if (!row) throw new Error("centre insert returned nothing");
    return row;
  },

  async update(ex: Executor, id: string, changes: Partial<typeof centres.$inferInsert>): Promise<CentreRow> {
    const [row] = await ex.update(centres).set(changes).where(eq(centres.id, id)).returning();
    if (!row) throw new Error("centre update returned nothing");
    return row;
  },
};
