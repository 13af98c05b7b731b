import {
  adminUserResponseSchema,
  adminUsersResponseSchema,
  createdUserResponseSchema,
  createUserBodySchema,
  patchUserBodySchema,
  temporaryPasswordResponseSchema,
  userParamsSchema,
  usersQuerySchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AdminService } from "./admin.service.js";
import { callerOf } from "./context.js";

const tags = ["administration"];

/** Accounts: an admin manages everyone; a manager the staff and volunteers of its centre. */
export const userAdminRoutes: FastifyPluginAsyncZod<{ admin: AdminService }> = async (app, { admin }) => {
  app.get(
    "/admin/users",
    {
      config: { access: { audience: ["manager"] } },
      schema: { tags, querystring: usersQuerySchema, response: { 200: adminUsersResponseSchema } },
    },
    async (request) => ({
      users: await admin.users.list(callerOf(request), {
        centreId: request.query.centreId,
        role: request.query.role,
        includeDisabled: request.query.includeDisabled === "true",
      }),
    }),
  );

  app.post(
    "/admin/users",
    {
      config: { access: { audience: ["manager"] } },
      schema: { tags, body: createUserBodySchema, response: { 201: createdUserResponseSchema } },
    },
    async (request, reply) => {
      const { user, temporaryPassword } = await admin.users.create(callerOf(request), request.body);
      // The API always hands out a temporary password; a known one is only for the installer and seed.
      if (temporaryPassword === null) throw new Error("unreachable: no initial password over the API");
      return reply.code(201).send({ user, temporaryPassword });
    },
  );

  app.patch(
    "/admin/users/:userId",
    {
      config: { access: { audience: ["manager"] } },
      schema: {
        tags,
        params: userParamsSchema,
        body: patchUserBodySchema,
        response: { 200: adminUserResponseSchema },
      },
    },
    async (request) => ({
      user: await admin.users.update(callerOf(request), request.params.userId, request.body),
    }),
  );

  app.post(
    "/admin/users/:userId/reset-password",
    {
      config: { access: { audience: ["manager"] } },
      schema: { tags, params: userParamsSchema, response: { 200: temporaryPasswordResponseSchema } },
    },
    async (request) => admin.users.resetPassword(callerOf(request), request.params.userId),
  );
};
