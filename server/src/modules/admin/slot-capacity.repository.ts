import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { centreServices, serviceHourCapacities, services } from "../../db/schema.js";

export const slotCapacityRepository = {
  /** The services the centre offers, each with its slot capacity (the override, else the catalogue's). */
  offered(ex: Executor, centreId: string) {
    return ex
      .select({
        serviceId: centreServices.serviceId,
        slotCapacity: sql<number>`coalesce(${centreServices.slotCapacity}, ${services.slotCapacity})`,
      })
      .from(centreServices)
      .innerJoin(services, eq(services.id, centreServices.serviceId))
      .where(eq(centreServices.centreId, centreId))
      .orderBy(asc(centreServices.position), asc(services.code));
  },

  hours(ex: Executor, centreId: string) {
    return ex
      .select({
        serviceId: serviceHourCapacities.serviceId,
        hour: serviceHourCapacities.hour,
        capacity: serviceHourCapacities.capacity,
      })
      .from(serviceHourCapacities)
      .where(eq(serviceHourCapacities.centreId, centreId))
      .orderBy(asc(serviceHourCapacities.hour));
  },

  /** Replaces the hours of these services (and only these) with `rows`. */
  async replace(
    ex: Executor,
    centreId: string,
    serviceIds: string[],
    rows: { serviceId: string; hour: number; capacity: number }[],
  ): Promise<void> {
    if (serviceIds.length === 0) return;
    await ex
      .delete(serviceHourCapacities)
      .where(
        and(
          eq(serviceHourCapacities.centreId, centreId),
          inArray(serviceHourCapacities.serviceId, serviceIds),
        ),
      );
    if (rows.length > 0) await ex.insert(serviceHourCapacities).values(rows.map((r) => ({ ...r, centreId })));
  },

  /** Forgets the hours of services the centre no longer offers, so offering one again starts afresh. */
  async keepOnly(ex: Executor, centreId: string, serviceIds: string[]): Promise<void> {
    await ex
      .delete(serviceHourCapacities)
      .where(
        and(
          eq(serviceHourCapacities.centreId, centreId),
          serviceIds.length ? notInArray(serviceHourCapacities.serviceId, serviceIds) : sql`true`,
        ),
      );
  },
};
