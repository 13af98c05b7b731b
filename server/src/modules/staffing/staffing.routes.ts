import { centreParamsSchema, staffingQuerySchema, staffingResponseSchema } from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { centreIdOf } from "../../core/access.js";
import type { StaffingService } from "./staffing.service.js";

export const staffingRoutes: FastifyPluginAsyncZod<{ staffing: StaffingService }> = async (
  app,
  { staffing },
) => {
  app.get(
    "/centres/:centreId/staffing",
    {
      config: { access: { audience: ["manager", "viewer"], centre: "param" } },
      schema: {
        tags: ["monitoring"],
        params: centreParamsSchema,
        querystring: staffingQuerySchema,
        response: { 200: staffingResponseSchema },
      },
    },
    async (request) => staffing.plan(centreIdOf(request), request.query.date),
  );
};
