import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { centreServices, services } from "../../db/schema.js";

export const serviceColumns = {
  id: services.id,
  code: services.code,
  prefix: services.prefix,
  name: services.name,
  category: services.category,
  handlingMinutes: services.handlingMinutes,
  targetWaitMinutes: services.targetWaitMinutes,
  appointmentEnabled: services.appointmentEnabled,
};

export type ServiceRecord = Awaited<ReturnType<typeof catalogRepository.servicesOfCentre>>[number];

export const catalogRepository = {
  servicesOfCentre(ex: Executor, centreId: string) {
    return ex
      .select(serviceColumns)
      .from(centreServices)
      .innerJoin(services, eq(services.id, centreServices.serviceId))
      .where(eq(centreServices.centreId, centreId))
      .orderBy(asc(centreServices.position), asc(services.code));
  },

  async serviceOfCentre(ex: Executor, centreId: string, serviceId: string) {
    const [row] = await ex
      .select(serviceColumns)
      .from(centreServices)
      .innerJoin(services, eq(services.id, centreServices.serviceId))
      .where(and(eq(centreServices.centreId, centreId), eq(centreServices.serviceId, serviceId)));
    return row ?? null;
  },
};
