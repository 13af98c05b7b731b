import {
  adminCounterResponseSchema,
  adminCountersResponseSchema,
  centreParamsSchema,
  counterParamsSchema,
  createCounterBodySchema,
  patchCounterBodySchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { centreIdOf } from "../../core/access.js";
import type { AdminService } from "./admin.service.js";
import { callerOf } from "./context.js";

const tags = ["administration"];

/** A centre's counters and zones: its manager's or an admin's. */
export const counterAdminRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (app, { admin }) => {
  app.get(
    "/admin/centres/:centreId/counters",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: { tags, params: centreParamsSchema, response: { 200: adminCountersResponseSchema } },
    },
    async (request) => ({ counters: await admin.counters.list(callerOf(request), centreIdOf(request)) }),
  );

  app.post(
    "/admin/centres/:centreId/counters",
    {
      config: { access: { audience: ["manager"], centre: "param" } },
      schema: {
        tags,
        params: centreParamsSchema,
        body: createCounterBodySchema,
        response: { 201: adminCounterResponseSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ counter: await admin.counters.create(callerOf(request), centreIdOf(request), request.body) }),
  );

  app.patch(
    "/admin/counters/:counterId",
    {
      config: { access: { audience: ["manager"], centre: "counter" } },
      schema: {
        tags,
        params: counterParamsSchema,
        body: patchCounterBodySchema,
        response: { 200: adminCounterResponseSchema },
      },
    },
    async (request) => ({
      counter: await admin.counters.update(callerOf(request), request.params.counterId, request.body),
    }),
  );
};
