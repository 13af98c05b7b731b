import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { services } from "../../db/schema.js";

export type ServiceRow = typeof services.$inferSelect;

export const catalogueRepository = {
  list(ex: Executor, ids?: readonly string[]): Promise<ServiceRow[]> {
    return ex
      .select()
      .from(services)
      .where(ids ? inArray(services.id, [...ids]) : undefined)
      .orderBy(asc(services.code));
  },

  async lock(ex: Executor, id: string): Promise<ServiceRow | null> {
    const [row] = await ex.select().from(services).where(eq(services.id, id)).for("update");
    return row ?? null;
  },

  async codeTaken(ex: Executor, code: string, except?: string): Promise<boolean> {
    const [row] = await ex.select({ id: services.id }).from(services).where(eq(services.code, code));
    return row !== undefined && row.id !== except;
  },

  async insert(ex: Executor, values: typeof services.$inferInsert): Promise<ServiceRow> {
    const [row] = await ex.insert(services).values(values).returning();
    if (!row) throw new Error("service insert returned nothing");
    return row;
  },

  async update(
    ex: Executor,
    id: string,
    changes: Partial<typeof services.$inferInsert>,
  ): Promise<ServiceRow> {
    const [row] = await ex.update(services).set(changes).where(eq(services.id, id)).returning();
    if (!row) throw new Error("service update returned nothing");
    return row;
  },
};
