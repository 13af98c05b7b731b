import type { FeatureModule } from "../../core/module.js";
import { createQueueService, type QueueService, type QueueServiceDeps } from "./queue.service.js";

export type { QueueService } from "./queue.service.js";
export { toTicket } from "./ticket-view.js";
export { nextTicket } from "./queue.repository.js";
export type { WaitEstimatorKind } from "./wait-estimates.js";

/** The queue read model: no routes of its own; counters, tickets and monitoring read through it. */
export function queueModule(deps: QueueServiceDeps): FeatureModule<QueueService> {
  const service = createQueueService(deps);
  return { service, close: service.close };
}
