import { centreParamsSchema, putSlotCapacityBodySchema, slotCapacityResponseSchema } from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { centreIdOf } from "../../core/access.js";
import type { AdminService } from "./admin.service.js";
import { callerOf } from "./context.js";

const tags = ["administration"];

/**
 * Slot capacity per local hour of a centre's services. Not in CONTRACT.md (which has one capacity
 * per service in the offer): the hours override it, the offer's figure stays the default.
 */
export const slotCapacityAdminRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (
  app,
  { admin },
) => {
  app.get(
    "/admin/centres/:centreId/slot-capacity",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: { tags, params: centreParamsSchema, response: { 200: slotCapacityResponseSchema } },
    },
    async (request) => ({
      services: await admin.slotCapacity.get(callerOf(request), centreIdOf(request)),
    }),
  );

  app.put(
    "/admin/centres/:centreId/slot-capacity",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: {
        tags,
        params: centreParamsSchema,
        body: putSlotCapacityBodySchema,
        response: { 200: slotCapacityResponseSchema },
      },
    },
    async (request) => ({
      services: await admin.slotCapacity.put(callerOf(request), centreIdOf(request), request.body),
    }),
  );
};
