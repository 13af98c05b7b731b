import type { FeatureModule } from "../../core/module.js";
import { catalogRoutes } from "./catalog.routes.js";
import { createCatalogService, type CatalogService } from "./catalog.service.js";

export type { CatalogService } from "./catalog.service.js";
export {
  createCentreDirectory,
  hoursOf,
  type CentreDirectory,
  type CentreRecord,
} from "./centre-directory.js";
export type { ServiceRecord } from "./catalog.repository.js";

export function catalogModule(
  deps: Parameters<typeof createCatalogService>[0] & { publicPerMinute: number },
): FeatureModule<CatalogService> {
  const service = createCatalogService(deps);
  return {
    service,
    routes: async (app) => {
      await app.register(catalogRoutes, { catalog: service, publicPerMinute: deps.publicPerMinute });
    },
  };
}
