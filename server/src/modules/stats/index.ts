import type { FeatureModule } from "../../core/module.js";
import { statsRoutes } from "./stats.routes.js";
import { createStatsService, type StatsService } from "./stats.service.js";

export function statsModule(deps: Parameters<typeof createStatsService>[0]): FeatureModule<StatsService> {
  const service = createStatsService(deps);
  return {
    service,
    routes: async (app) => {
      await app.register(statsRoutes, { stats: service });
    },
  };
}
