import type { FeatureModule } from "../../core/module.js";
import { counterRoutes } from "./counters.routes.js";
import { createCounterService, type CounterService, type CounterServiceDeps } from "./counters.service.js";

export type { CounterService } from "./counters.service.js";

export function countersModule(deps: CounterServiceDeps): FeatureModule<CounterService> {
  const service = createCounterService(deps);
  return {
    service,
    routes: async (app) => {
      await app.register(counterRoutes, { counters: service });
    },
  };
}
