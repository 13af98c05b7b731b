import {
  applyAppointmentCapacityBodySchema,
  appointmentCapacityQuerySchema,
  appointmentCapacityResponseSchema,
  centreParamsSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { centreIdOf } from "../../core/access.js";
import { callerOf } from "../admin/index.js";
import type { AppointmentCapacityService } from "./appointment-capacity.service.js";

export const appointmentCapacityRoutes: FastifyPluginAsyncZod<{
  capacity: AppointmentCapacityService;
}> = async (app, { capacity }) => {
  app.get(
    "/centres/:centreId/appointment-capacity",
    {
      config: { access: { audience: ["manager", "viewer"], centre: "param" } },
      schema: {
        tags: ["monitoring"],
        params: centreParamsSchema,
        querystring: appointmentCapacityQuerySchema,
        response: { 200: appointmentCapacityResponseSchema },
      },
    },
    async (request) => capacity.advise(centreIdOf(request), request.query.date),
  );

  // Applying writes the centre's offer: its managers and admins, as the admin settings allow.
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
