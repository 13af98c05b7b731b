import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { principalOf, SESSION_COOKIE } from "../core/access.js";
import { forbidden, notFound, unauthenticated } from "../lib/errors.js";
import { isCrossSiteCookieRequest } from "./same-origin.js";
import { admits, canAccessCentre, homeCentre, type Authenticate } from "../core/principal.js";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Equal in constant time whatever the lengths (both sides are hashed to 32 bytes first). */
export function secretMatches(given: string | undefined, expected: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

/** What the plugin needs from the modules, as functions: plugins import no module. */
export interface AccessDeps {
  authenticate: Authenticate;
  findCentre(ref: string): Promise<{ id: string } | null>;
  counterCentre(counterId: string): Promise<string | null>;
  ticketCentre(ticketId: string): Promise<string | null>;
  /** PUBLIC_URL: an Origin naming it is this server's own. */
  publicUrl: string | null;
}

/** A request's credentials: `Authorization: Bearer|Device …`, else the session cookie. */
export function credentialsOf(request: FastifyRequest): {
  token?: string;
  deviceKey?: string;
  fromCookie?: true;
} {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, value] = header.split(" ", 2);
    if (value && scheme?.toLowerCase() === "bearer") return { token: value };
    if (value && scheme?.toLowerCase() === "device") return { deviceKey: value };
    return {};
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, fromCookie: true } : {};
}

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
      const credentials = credentialsOf(request);
      // Only the cookie is sent by the browser on its own, so only it can be forged cross-site.
      if (credentials.fromCookie && isCrossSiteCookieRequest(request, deps.publicUrl))
        throw forbidden("Cross-site requests with the session cookie are refused", "cross_site_request");
      const principal = await deps.authenticate(credentials);
      if (!principal) throw unauthenticated();
      request.principal = principal;
      if (principal.kind === "user" && principal.user.mustChangePassword && !access.passwordChange)
        throw forbidden("Change your temporary password first", "password_change_required");
      if (principal.kind === "user" && principal.user.mustEnrolMfa && !access.mfaEnrolment)
        throw forbidden("Set up two-step sign-in first", "mfa_enrolment_required");
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
