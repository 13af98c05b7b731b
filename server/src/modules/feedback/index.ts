import type { FeatureModule } from "../../core/module.js";
import { feedbackRoutes } from "./feedback.routes.js";
import { createFeedbackService, type FeedbackService } from "./feedback.service.js";

export type { FeedbackService } from "./feedback.service.js";

export function feedbackModule(
  deps: Parameters<typeof createFeedbackService>[0] & { publicPerMinute: number },
): FeatureModule<FeedbackService> {
  const service = createFeedbackService(deps);
  return {
    service,
    routes: async (app) => {
      await app.register(feedbackRoutes, { feedback: service, publicPerMinute: deps.publicPerMinute });
    },
  };
}
