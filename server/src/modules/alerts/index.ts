import type { FeatureModule } from "../../core/module.js";
import { alertsRoutes } from "./alerts.routes.js";
import { createAlertsService, type AlertsService, type AlertsServiceDeps } from "./alerts.service.js";

export type { AlertsService } from "./alerts.service.js";
export { loadForecast, loadHandlingMinutes } from "./demand.js";

/**
 * Alerts for a centre's managers: the shared rules run on the server after each queue change and
 * on the housekeeping tick; open and past alerts are kept in `alerts`, thresholds per centre.
 */
export function alertsModule(
  deps: AlertsServiceDeps & { onError(err: unknown): void },
): FeatureModule<AlertsService> {
  const service = createAlertsService(deps);
  service.start(deps.onError);
  return {
    service,
    routes: async (app) => {
      await app.register(alertsRoutes, { alerts: service });
    },
    housekeeping: () => service.tick(),
    close: service.close,
  };
}
