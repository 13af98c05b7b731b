import {
  applyAppointmentCapacityBodySchema,
  appointmentCapacityQuerySchema,
  appointmentCapacityResponseSchema,
  centreParamsSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { centreIdOf } from "../../core/access.js";
import { centreGet } from "../../core/centre-get.js";
import { callerOf } from "../admin/index.js";
import type { AppointmentCapacityService } from "./appointment-capacity.service.js";

export const appointmentCapacityRoutes: FastifyPluginAsyncZod<{
  capacity: AppointmentCapacityService;
}> = async (app, { capacity }) => {
  centreGet(
    app,
    "appointment-capacity",
    {
      audience: ["manager", "viewer"],
      tags: ["monitoring"],
      querystring: appointmentCapacityQuerySchema,
      response: appointmentCapacityResponseSchema,
    },
    (centreId, query) => capacity.advise(centreId, query.date),
  );

  // Applying writes the centre's slot capacity per hour: its managers and admins, as the admin settings allow.
  app.post(
    "/centres/:centreId/appointment-capacity/apply",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: {
        tags: ["monitoring"],
        params: centreParamsSchema,
        body: applyAppointmentCapacityBodySchema,
        response: { 200: appointmentCapacityResponseSchema },
      },
    },
    async (request) => capacity.apply(callerOf(request), centreIdOf(request), request.body.date),
  );
};
