import { staffingQuerySchema, staffingResponseSchema } from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { centreGet } from "../../core/centre-get.js";
import type { StaffingService } from "./staffing.service.js";

export const staffingRoutes: FastifyPluginAsyncZod<{ staffing: StaffingService }> = async (
  app,
  { staffing },
) => {
  centreGet(
    app,
    "staffing",
    {
      audience: ["manager", "viewer"],
      tags: ["monitoring"],
      querystring: staffingQuerySchema,
      response: staffingResponseSchema,
    },
    (centreId, query) => staffing.plan(centreId, query.date),
  );
};
