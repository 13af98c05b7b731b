import type {} from "@fastify/cookie";
import type {} from "@fastify/rate-limit";
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { forbidden, notFound, unauthenticated } from "../lib/errors.js";
import type { AuthService } from "../modules/auth/auth.service.js";
import {
  admits,
  canAccessCentre,
  homeCentre,
  type Audience,
  type Principal,
} from "../modules/auth/principal.js";
import type { CentreRecord } from "../modules/catalog/centre-directory.js";

export const SESSION_COOKIE = "dost_session";

/**
 * Every route under /api/v1 declares who may call it and how its centre is found; this plugin is the
 * one place that enforces it. A route without a declaration does not start.
 *
 * - `public`: anyone.
 * - `audience`: the roles and device kinds admitted (see `Audience`: `staff` admits managers and
 *   admins too, `user` every signed-in user).
 * - `centre`: where the resource's centre comes from; the caller must belong to it (admins excepted).
 *   The resolved centre id is left on `request.centreId`. With `query`, `?centreId=` is optional:
 *   without it an admin means every centre (null) and anyone else their own centre.
 * - `passwordChange`: also open to a user whose temporary password must be changed first; every
 *   other route answers them 403 `password_change_required`.
 * - `sharedSecret`: a machine outside (an SMS provider's delivery reports) that proves itself with
 *   a secret in a header, compared in constant time. No secret configured (null) refuses everyone.
 *   There is no principal: such a route acts for no user or device.
 */
export type RouteAccess =
  | { public: true }
  | {
      audience: readonly Audience[];
      centre?: "param" | "counter" | "ticket" | "query";
      passwordChange?: true;
    }
  | { sharedSecret: { header: string; secret: string } | null };

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Equal in constant time whatever the lengths (both sides are hashed to 32 bytes first). */
export function secretMatches(given: string | undefined, expected: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with its access rule, as registered: for the docs and the access tests. */
    accessRules: { method: string; url: string; access: RouteAccess }[];
  }
  interface FastifyRequest {
    principal: Principal | null;
    centreId: string | null;
  }
}

export interface AccessDeps {
  auth: AuthService;
  findCentre(ref: string): Promise<CentreRecord | null>;
  counterCentre(counterId: string): Promise<string | null>;
  ticketCentre(ticketId: string): Promise<string | null>;
}

/** A request's credentials: `Authorization: Bearer|Device …`, else the session cookie. */
export function credentialsOf(request: FastifyRequest): { token?: string; deviceKey?: string } {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, value] = header.split(" ", 2);
    if (value && scheme?.toLowerCase() === "bearer") return { token: value };
    if (value && scheme?.toLowerCase() === "device") return { deviceKey: value };
    return {};
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie } : {};
}

export const principalOf = (request: FastifyRequest): Principal => {
  if (!request.principal) throw unauthenticated();
  return request.principal;
};

export const accessPlugin = fp<AccessDeps>(
  async (app: FastifyInstance, deps) => {
    app.decorateRequest("principal", null);
    app.decorateRequest("centreId", null);

    app.decorate("accessRules", []);
    app.addHook("onRoute", (route) => {
      if (!route.url.startsWith("/api/v1/")) return;
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
      for (const method of [route.method].flat()) {
        if (method !== "HEAD") app.accessRules.push({ method, url: route.url, access });
      }
    });

    // Authentication first, so a stranger learns nothing, not even which fields are wrong.
    app.addHook("onRequest", async (request) => {
      const access = request.routeOptions.config.access;
      if (!access || "public" in access) return;
      if ("sharedSecret" in access) {
        const given = request.headers[access.sharedSecret?.header ?? ""];
        if (
          !access.sharedSecret ||
          !secretMatches(typeof given === "string" ? given : undefined, access.sharedSecret.secret)
        )
          throw unauthenticated("A valid shared secret is required");
        return;
      }
      const principal = await deps.auth.authenticate(credentialsOf(request));
      if (!principal) throw unauthenticated();
      request.principal = principal;
      if (principal.kind === "user" && principal.user.mustChangePassword && !access.passwordChange)
        throw forbidden("Change your temporary password first", "password_change_required");
    });

    // Authorisation after validation, when params are known to be well formed.
    app.addHook("preHandler", async (request) => {
      const access = request.routeOptions.config.access;
      if (!access || "public" in access || "sharedSecret" in access) return;
      const principal = principalOf(request);
      if (!admits(access.audience, principal)) throw forbidden();
      if (!access.centre) return;
      const params = request.params as Record<string, string>;
      if (access.centre === "query") {
        const ref = (request.query as { centreId?: string }).centreId;
        if (!ref) {
          request.centreId = homeCentre(principal);
          return;
        }
        const centre = await deps.findCentre(ref);
        if (!centre) throw notFound("Centre");
        if (!canAccessCentre(principal, centre.id))
          throw forbidden("This centre is not yours", "centre_not_yours");
        request.centreId = centre.id;
        return;
      }
      let centreId: string | null = null;
      if (access.centre === "param") centreId = (await deps.findCentre(params.centreId ?? ""))?.id ?? null;
      if (access.centre === "counter") centreId = await deps.counterCentre(params.counterId ?? "");
      if (access.centre === "ticket") centreId = await deps.ticketCentre(params.ticketId ?? "");
      const what = ({ param: "Centre", counter: "Counter", ticket: "Ticket" } as const)[access.centre];
      if (!centreId) throw notFound(what);
      if (!canAccessCentre(principal, centreId))
        throw forbidden(`This ${what.toLowerCase()} is not in your centre`, "centre_not_yours");
      request.centreId = centreId;
    });
  },
  { name: "access", dependencies: ["errors"] },
);

/** The centre resolved by the access rule; routes with `centre` set (but "query") can rely on it. */
export function centreIdOf(request: FastifyRequest): string {
  if (!request.centreId) throw new Error("route has no centre access rule");
  return request.centreId;
}
