import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { appointments, centreServices, services, tickets } from "../../db/schema.js";

export const offerRepository = {
  list(ex: Executor, centreId: string) {
    return ex
      .select({
        serviceId: centreServices.serviceId,
        code: services.code,
        name: services.name,
        prefix: centreServices.prefix,
        position: centreServices.position,
        slotCapacity: centreServices.slotCapacity,
        targetWaitMinutes: centreServices.targetWaitMinutes,
        active: services.active,
      })
      .from(centreServices)
      .innerJoin(services, eq(services.id, centreServices.serviceId))
      .where(eq(centreServices.centreId, centreId))
      .orderBy(asc(centreServices.position), asc(services.code));
  },

  /** Serialises changes to one centre's offer (the centre row is the lock). */
  async lockCentre(ex: Executor, centreId: string): Promise<void> {
    await ex.execute(sql`SELECT 1 FROM centres WHERE id = ${centreId} FOR UPDATE`);
  },

  /**
   * Of these services, the ones the centre cannot stop offering now: someone waits for them or is
   * being served, or holds a booking from `now` on.
   */
  async inUse(ex: Executor, centreId: string, serviceIds: string[], now: Date): Promise<string[]> {
    if (serviceIds.length === 0) return [];
    const queued = await ex
      .selectDistinct({ id: tickets.serviceId })
      .from(tickets)
      .where(
        and(
          eq(tickets.centreId, centreId),
          inArray(tickets.serviceId, serviceIds),
          inArray(tickets.status, ["waiting", "called", "serving"]),
        ),
      );
    const booked = await ex
      .selectDistinct({ id: appointments.serviceId })
      .from(appointments)
      .where(
        and(
          eq(appointments.centreId, centreId),
          inArray(appointments.serviceId, serviceIds),
          inArray(appointments.status, ["booked"]),
          gte(appointments.start, now),
        ),
      );
    return [...new Set([...queued, ...booked].map((r) => r.id))];
  },

  /**
   * Replaces the whole offer. Deleting first lets two services swap prefixes, which row-by-row
   * updates could not do under the per-centre unique index.
   */
  async replace(
    ex: Executor,
    centreId: string,
    rows: {
      serviceId: string;
      prefix: string;
      slotCapacity: number | null;
      targetWaitMinutes: number | null;
    }[],
  ): Promise<void> {
    await ex.delete(centreServices).where(eq(centreServices.centreId, centreId));
    if (rows.length === 0) return;
    await ex.insert(centreServices).values(rows.map((r, position) => ({ ...r, centreId, position })));
  },
};
