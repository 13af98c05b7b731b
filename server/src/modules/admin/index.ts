import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FeatureModule } from "../../core/module.js";
import { createAdminService, type AdminService } from "./admin.service.js";
import { auditRoutes } from "./audit.routes.js";
import { catalogueAdminRoutes } from "./catalogue.routes.js";
import { centreAdminRoutes } from "./centres.routes.js";
import { counterAdminRoutes } from "./counters.routes.js";
import { deviceAdminRoutes } from "./devices.routes.js";
import { slotCapacityAdminRoutes } from "./slot-capacity.routes.js";
import { userAdminRoutes } from "./users.routes.js";

import type { AdminDeps } from "./context.js";

export { createAdminService, type AdminService } from "./admin.service.js";
export { callerOf, systemCaller, type AdminDeps, type Caller } from "./context.js";

/** Every route of CONTRACT.md "Administration", and the devices' pairing exchange. */
export const adminRoutes: FastifyPluginAsyncZod<{ admin: AdminService; pairPerMinute: number }> = async (
  app,
  { admin, pairPerMinute },
) => {
  await app.register(centreAdminRoutes, { admin });
  await app.register(slotCapacityAdminRoutes, { admin });
  await app.register(catalogueAdminRoutes, { admin });
  await app.register(counterAdminRoutes, { admin });
  await app.register(userAdminRoutes, { admin });
  await app.register(deviceAdminRoutes, { admin, pairPerMinute });
  await app.register(auditRoutes, { admin });
};

/** Administration: the configuration a ministry sets up (centres, catalogue, staff, devices…). */
export function adminModule(deps: AdminDeps & { pairPerMinute: number }): FeatureModule<AdminService> {
  const service = createAdminService(deps);
  return {
    service,
    routes: async (app) => {
      await app.register(adminRoutes, { admin: service, pairPerMinute: deps.pairPerMinute });
    },
  };
}
