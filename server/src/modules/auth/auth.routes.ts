import {
  changePasswordBodySchema,
  changePasswordResponseSchema,
  deviceMeResponseSchema,
  loginBodySchema,
  loginResponseSchema,
  meResponseSchema,
} from "@dost/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { SESSION_COOKIE, principalOf } from "../../core/access.js";
import type { AuthService } from "./auth.service.js";

export const authRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  loginPerMinute: number;
  secureCookies: boolean;
  publicUrl: string | null;
}> = async (app, { auth, loginPerMinute, secureCookies, publicUrl }) => {
  app.post(
    "/auth/login",
    {
      config: {
        access: { public: true },
        // Per address and username, so colleagues behind one NAT address do not share a budget.
        // Counted once the body is parsed and valid (preHandler): at onRequest there is no
        // username yet. The per-account limit across addresses is the service's (login-throttle).
        rateLimit: {
          max: loginPerMinute,
          timeWindow: 60_000,
          hook: "preHandler",
          keyGenerator: (req) =>
            `${req.ip}:${String((req.body as { username?: unknown } | undefined)?.username ?? "").toLowerCase()}`,
        },
      },
      schema: { tags: ["auth"], body: loginBodySchema, response: { 200: loginResponseSchema } },
    },
    async (request, reply) => {
      const { username, password, code } = request.body;
      const { token, user, expiresAt } = await auth.login(
        username,
        password,
        { ip: request.ip, userAgent: request.headers["user-agent"]?.slice(0, 300) ?? null },
        code,
      );
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "strict",
        secure: secureCookies,
        path: "/",
        expires: expiresAt,
      });
      return { token, user };
    },
  );

  app.post(
    "/auth/logout",
    {
      // Signing out works even while a temporary password waits to be changed.
      config: { access: { audience: ["user"], passwordChange: true, mfaEnrolment: true } },
      schema: { tags: ["auth"], response: { 204: z.null() } },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind === "user") await auth.logout(principal, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/auth/me",
    {
      // Open while a second factor waits to be enrolled: the console learns it must ask for it.
      config: { access: { audience: ["user"], mfaEnrolment: true } },
      schema: { tags: ["auth"], response: { 200: meResponseSchema } },
    },
    async (request) => {
      const principal = principalOf(request);
      if (principal.kind !== "user") throw new Error("unreachable: audience admits users only");
      return { user: principal.user, lastServiceIds: await auth.lastProfile(principal.user.id) };
    },
  );

  app.post(
    "/auth/password",
    {
      config: {
        access: { audience: ["user"], passwordChange: true },
        // Guessing the current password from a stolen session is as slow as guessing at sign-in.
        // Per user, counted once the session is known: colleagues behind one address each have theirs.
        rateLimit: {
          max: loginPerMinute,
          timeWindow: 60_000,
          hook: "preHandler",
          keyGenerator: (req) =>
            `password:${req.principal?.kind === "user" ? req.principal.user.id : req.ip}`,
        },
      },
      schema: {
        tags: ["auth"],
        body: changePasswordBodySchema,
        response: { 200: changePasswordResponseSchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (principal.kind !== "user") throw new Error("unreachable: audience admits users only");
      const { currentPassword, newPassword } = request.body;
      return { user: await auth.changePassword(principal, currentPassword, newPassword, request.ip) };
    },
  );

  app.get(
    "/devices/me",
    {
      config: { access: { audience: ["kiosk", "display", "feedback"] } },
      schema: { tags: ["auth"], response: { 200: deviceMeResponseSchema } },
    },
    async (request) => {
      const principal = principalOf(request);
      if (principal.kind !== "device") throw new Error("unreachable: audience admits devices only");
      return { device: principal.device, publicUrl };
    },
  );
};
