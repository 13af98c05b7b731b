import type { FeatureModule } from "../../core/module.js";
import { healthRoutes } from "./health.routes.js";

/** `/health` (outside /api/v1): 200 while the database answers, 503 while it does not. */
export function healthModule(deps: { ping(): Promise<void> }): FeatureModule<null> {
  return {
    service: null,
    routes: async (app) => {
      await app.register(healthRoutes, deps);
    },
  };
}
