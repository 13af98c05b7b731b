import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AdminService } from "./admin.service.js";
import { auditRoutes } from "./audit.routes.js";
import { catalogueAdminRoutes } from "./catalogue.routes.js";
import { centreAdminRoutes } from "./centres.routes.js";
import { counterAdminRoutes } from "./counters.routes.js";
import { deviceAdminRoutes } from "./devices.routes.js";
import { userAdminRoutes } from "./users.routes.js";

export { createAdminService, type AdminService } from "./admin.service.js";
export { systemCaller, type AdminDeps, type Caller } from "./context.js";

/** Every route of CONTRACT.md "Administration", and the devices' pairing exchange. */
export const adminRoutes: FastifyPluginAsyncZod<{ admin: AdminService; pairPerMinute: number }> = async (
  app,
  { admin, pairPerMinute },
) => {
  await app.register(centreAdminRoutes, { admin });
  await app.register(catalogueAdminRoutes, { admin });
  await app.register(counterAdminRoutes, { admin });
  await app.register(userAdminRoutes, { admin });
  await app.register(deviceAdminRoutes, { admin, pairPerMinute });
  await app.register(auditRoutes, { admin });
};
