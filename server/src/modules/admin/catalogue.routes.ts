import {
  adminServiceResponseSchema,
  adminServicesResponseSchema,
  createServiceBodySchema,
  patchServiceBodySchema,
  serviceParamsSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AdminService } from "./admin.service.js";
import { callerOf } from "./context.js";

const tags = ["administration"];

/** The national service catalogue: admins change it, managers read it. */
export const catalogueAdminRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (
  app,
  { admin },
) => {
  app.get(
    "/admin/services",
    {
      config: { access: { audience: ["manager"] } },
      schema: { tags, response: { 200: adminServicesResponseSchema } },
    },
    async () => ({ services: await admin.catalogue.list() }),
  );

  app.post(
    "/admin/services",
    {
      config: { access: { audience: ["admin"] } },
      schema: { tags, body: createServiceBodySchema, response: { 201: adminServiceResponseSchema } },
    },
    async (request, reply) =>
      reply.code(201).send({ service: await admin.catalogue.create(callerOf(request), request.body) }),
  );

  app.patch(
    "/admin/services/:serviceId",
    {
      config: { access: { audience: ["admin"] } },
      schema: {
        tags,
        params: serviceParamsSchema,
        body: patchServiceBodySchema,
        response: { 200: adminServiceResponseSchema },
      },
    },
    async (request) => ({
      service: await admin.catalogue.update(callerOf(request), request.params.serviceId, request.body),
    }),
  );
};
