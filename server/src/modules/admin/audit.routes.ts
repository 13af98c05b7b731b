import { auditQuerySchema, auditResponseSchema } from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AdminService } from "./admin.service.js";

/** The audit trail: a manager reads its centre's, an admin every centre's (or one with ?centreId=). */
export const auditRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (app, { admin }) => {
  app.get(
    "/admin/audit",
    {
      config: { access: { audience: ["manager"], centre: "query" } },
      schema: {
        tags: ["administration"],
        querystring: auditQuerySchema,
        response: { 200: auditResponseSchema },
      },
    },
    async (request) => admin.audit(request.centreId, request.query),
  );
};
