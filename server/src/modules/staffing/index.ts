import type { FeatureModule } from "../../core/module.js";
import { appointmentCapacityRoutes } from "./appointment-capacity.routes.js";
import {
  createAppointmentCapacityService,
  type AppointmentCapacityDeps,
} from "./appointment-capacity.service.js";
import { staffingRoutes } from "./staffing.routes.js";
import { createStaffingService, type StaffingService, type StaffingServiceDeps } from "./staffing.service.js";

export type { StaffingService } from "./staffing.service.js";

/**
 * Staffing from demand: counters needed per hour (Erlang C on the forecast) against those open, and
 * the appointment capacity those counters leave beside the walk-ins.
 */
export function staffingModule(
  deps: StaffingServiceDeps & Pick<AppointmentCapacityDeps, "slotCapacity">,
): FeatureModule<StaffingService> {
  const service = createStaffingService(deps);
  const capacity = createAppointmentCapacityService({ ...deps, staffing: service });
  return {
    service,
    routes: async (app) => {
      await app.register(staffingRoutes, { staffing: service });
      await app.register(appointmentCapacityRoutes, { capacity });
    },
  };
}
