import {
  counterFeedbackBodySchema,
  counterFeedbackTicketResponseSchema,
  feedbackBodySchema,
  feedbackResponseSchema,
  givenFeedbackResponseSchema,
  publicTicketParamsSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { principalOf } from "../../core/access.js";
import type { DevicePrincipal } from "../../core/principal.js";
import type { FastifyRequest } from "fastify";
import type { FeedbackService } from "./feedback.service.js";

/** The feedback tablet behind a request (the access rule admits only that device kind). */
function tabletOf(request: FastifyRequest): DevicePrincipal["device"] {
  const principal = principalOf(request);
  if (principal.kind !== "device") throw new Error("feedback tablet route reached by a user");
  return principal.device;
}

export const feedbackRoutes: FastifyPluginAsyncZod<{
  feedback: FeedbackService;
  publicPerMinute: number;
}> = async (app, { feedback, publicPerMinute }) => {
  const publicAccess = {
    access: { public: true as const },
    rateLimit: { max: publicPerMinute, timeWindow: 60_000 },
  };

  app.post(
    "/public/tickets/:publicId/feedback",
    {
      config: publicAccess,
      schema: {
        tags: ["feedback"],
        params: publicTicketParamsSchema,
        body: feedbackBodySchema,
        response: { 201: feedbackResponseSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ feedback: await feedback.giveByPublicId(request.params.publicId, request.body) }),
  );

  app.get(
    "/public/tickets/:publicId/feedback",
    {
      config: publicAccess,
      schema: {
        tags: ["feedback"],
        params: publicTicketParamsSchema,
        response: { 200: givenFeedbackResponseSchema },
      },
    },
    async (request) => ({ feedback: await feedback.ofPublicId(request.params.publicId) }),
  );

  app.get(
    "/feedback-tablet/ticket",
    {
      config: { access: { audience: ["feedback"] } },
      schema: { tags: ["feedback"], response: { 200: counterFeedbackTicketResponseSchema } },
    },
    async (request) => ({ ticket: await feedback.pendingAtCounter(tabletOf(request)) }),
  );

  app.post(
    "/feedback-tablet/feedback",
    {
      config: { access: { audience: ["feedback"] } },
      schema: {
        tags: ["feedback"],
        body: counterFeedbackBodySchema,
        response: { 201: feedbackResponseSchema },
      },
    },
    async (request, reply) => {
      const { ticketId, ...body } = request.body;
      return reply
        .code(201)
        .send({ feedback: await feedback.giveAtCounter(tabletOf(request), ticketId, body) });
    },
  );
};
