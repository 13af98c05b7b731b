import type { FeatureModule } from "../../core/module.js";
import { notificationRoutes, type NotificationRoutesOptions } from "./notifications.routes.js";
import { createNotificationService, type NotificationService } from "./notifications.service.js";

export type { NotificationService } from "./notifications.service.js";
export { createLogGateway, type NotificationGateway } from "./gateway.js";
export { createHttpGateway } from "./http-gateway.js";
export { type NotificationKind, formatWhen, renderNotification } from "./templates.js";

/**
 * The outbox of texts (the appointments module writes and runs it), its dispatcher and gateways,
 * and the route the SMS provider posts its delivery reports to.
 */
export function notificationsModule(
  deps: Parameters<typeof createNotificationService>[0] & { callback: NotificationRoutesOptions["callback"] },
): FeatureModule<NotificationService> {
  const service = createNotificationService(deps);
  return {
    service,
    routes: async (app) => {
      await app.register(notificationRoutes, { notifications: service, callback: deps.callback });
    },
  };
}
