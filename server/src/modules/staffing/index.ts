import type { FeatureModule } from "../../core/module.js";
import { staffingRoutes } from "./staffing.routes.js";
import { createStaffingService, type StaffingService, type StaffingServiceDeps } from "./staffing.service.js";

export type { StaffingService } from "./staffing.service.js";

/** Staffing from demand: counters needed per hour (Erlang C on the forecast) against those open. */
export function staffingModule(deps: StaffingServiceDeps): FeatureModule<StaffingService> {
  const service = createStaffingService(deps);
  return {
    service,
    routes: async (app) => {
      await app.register(staffingRoutes, { staffing: service });
    },
  };
}
