import type { FeatureModule } from "../../core/module.js";
import { displayRoutes } from "./display.routes.js";
import { createDisplayService, type DisplayService, type DisplayServiceDeps } from "./display.service.js";

export function displayModule(deps: DisplayServiceDeps): FeatureModule<DisplayService> {
  const service = createDisplayService(deps);
  return {
    service,
    routes: async (app) => {
      await app.register(displayRoutes, { display: service });
    },
  };
}
