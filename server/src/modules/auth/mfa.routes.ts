import {
  mfaConfirmBodySchema,
  mfaConfirmResponseSchema,
  mfaEnrolmentResponseSchema,
  userParamsSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { principalOf } from "../../core/access.js";
import type { UserPrincipal } from "../../core/principal.js";
import type { MfaService } from "./mfa.service.js";

const userOf = (request: Parameters<typeof principalOf>[0]): UserPrincipal => {
  const principal = principalOf(request);
  if (principal.kind !== "user") throw new Error("unreachable: audience admits users only");
  return principal;
};

/** Enrolling a second factor (the user), and resetting one (an admin). */
export const mfaRoutes: FastifyPluginAsyncZod<{ mfa: MfaService; codesPerMinute: number }> = async (
  app,
  { mfa, codesPerMinute },
) => {
  // Open while the policy waits for enrolment; not while a temporary password waits to be changed.
  const access = { audience: ["user"], mfaEnrolment: true } as const;
  // Guessing the confirmation code from a stolen session is as slow as guessing at sign-in.
  const perUser = {
    max: codesPerMinute,
    timeWindow: 60_000,
    hook: "preHandler" as const,
    keyGenerator: (req: { principal: unknown; ip: string }) =>
      `mfa:${(req.principal as UserPrincipal | null)?.user?.id ?? req.ip}`,
  };

  app.post(
    "/auth/mfa/enrolment",
    {
      config: { access, rateLimit: perUser },
      schema: { tags: ["auth"], response: { 200: mfaEnrolmentResponseSchema } },
    },
    async (request, reply) => {
      // The secret is in this answer only: no cache may keep it.
      reply.header("cache-control", "no-store");
      return mfa.enrol(userOf(request));
    },
  );

  app.post(
    "/auth/mfa/confirm",
    {
      config: { access, rateLimit: perUser },
      schema: { tags: ["auth"], body: mfaConfirmBodySchema, response: { 200: mfaConfirmResponseSchema } },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return mfa.confirm(userOf(request), request.body.code, request.ip);
    },
  );

  app.post(
    "/admin/users/:userId/reset-mfa",
    {
      config: { access: { audience: ["admin"] } },
      schema: { tags: ["auth"], params: userParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await mfa.reset(userOf(request), request.params.userId, request.ip);
      return reply.code(204).send(null);
    },
  );
};
