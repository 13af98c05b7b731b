import type { FeatureModule } from "../../core/module.js";
import { createNotificationService, type NotificationService } from "./notifications.service.js";

export type { NotificationService } from "./notifications.service.js";
export { createLogGateway, type NotificationGateway } from "./gateway.js";
export { type NotificationKind, formatWhen, renderNotification } from "./templates.js";

/** The outbox of texts; the appointments module writes and runs it. */
export function notificationsModule(
  deps: Parameters<typeof createNotificationService>[0],
): FeatureModule<NotificationService> {
  return { service: createNotificationService(deps) };
}
