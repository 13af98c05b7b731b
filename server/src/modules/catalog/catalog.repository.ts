import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { centreServices, centres, closedDates, services } from "../../db/schema.js";

/** A service as one centre offers it: the centre's prefix and its overrides of the catalogue's figures. */
export const serviceColumns = {
  id: services.id,
  code: services.code,
  prefix: centreServices.prefix,
  name: services.name,
  category: services.category,
  documents: services.documents,
  handlingMinutes: services.handlingMinutes,
  targetWaitMinutes: sql<number>`coalesce(${centreServices.targetWaitMinutes}, ${services.targetWaitMinutes})`,
  appointmentEnabled: services.appointmentEnabled,
  slotMinutes: services.slotMinutes,
  slotCapacity: sql<number>`coalesce(${centreServices.slotCapacity}, ${services.slotCapacity})`,
};

export type ServiceRecord = Awaited<ReturnType<typeof catalogRepository.servicesOfCentre>>[number];

export const catalogRepository = {
  /** Every centre's configuration, as the centre directory caches it. */
  centres(ex: Executor) {
    return ex
      .select({
        id: centres.id,
        code: centres.code,
        name: centres.name,
        timezone: centres.timezone,
        openingHours: centres.openingHours,
        policy: centres.policy,
        displayMessage: centres.displayMessage,
        bookingWindowDays: centres.bookingWindowDays,
        bookingLeadMinutes: centres.bookingLeadMinutes,
        lastTicketMinutesBeforeClosing: centres.lastTicketMinutesBeforeClosing,
        active: centres.active,
      })
      .from(centres)
      .orderBy(centres.code);
  },

  async centreIdByRef(ex: Executor, by: { id: string } | { code: string }): Promise<string | null> {
    const [row] = await ex
      .select({ id: centres.id })
      .from(centres)
      .where("id" in by ? eq(centres.id, by.id) : eq(centres.code, by.code));
    return row?.id ?? null;
  },

  /** Closed dates from `from` on: national ones (no centre) and each centre's own. */
  closedDatesFrom(ex: Executor, from: string) {
    return ex
      .select({ centreId: closedDates.centreId, date: closedDates.date })
      .from(closedDates)
      .where(gte(closedDates.date, from));
  },

  servicesOfCentre(ex: Executor, centreId: string) {
    return ex
      .select(serviceColumns)
      .from(centreServices)
      .innerJoin(services, eq(services.id, centreServices.serviceId))
      .where(and(eq(centreServices.centreId, centreId), eq(services.active, true)))
      .orderBy(asc(centreServices.position), asc(services.code));
  },

  async serviceOfCentre(ex: Executor, centreId: string, serviceId: string) {
    const [row] = await ex
      .select(serviceColumns)
      .from(centreServices)
      .innerJoin(services, eq(services.id, centreServices.serviceId))
      .where(
        and(
          eq(centreServices.centreId, centreId),
          eq(centreServices.serviceId, serviceId),
          eq(services.active, true),
        ),
      );
    return row ?? null;
  },
};
