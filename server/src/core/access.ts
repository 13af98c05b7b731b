import type {} from "@fastify/cookie";
import type {} from "@fastify/rate-limit";
import type { FastifyRequest } from "fastify";
import { unauthenticated } from "../lib/errors.js";
import type { Audience, Principal } from "./principal.js";

/** The httpOnly cookie a staff sign-in sets; the access plugin reads it, the auth routes write it. */
export const SESSION_COOKIE = "dost_session";

/**
 * Every route under /api/v1 declares who may call it and how its centre is found; the access plugin
 * (plugins/access.ts) is the one place that enforces it. A route without a declaration does not start.
 *
 * - `public`: anyone.
 * - `audience`: the roles and device kinds admitted (see `Audience`: `staff` admits managers and
 *   admins too, `user` every signed-in user).
 * - `centre`: where the resource's centre comes from; the caller must belong to it (admins excepted).
 *   The resolved centre id is left on `request.centreId`. With `query`, `?centreId=` is optional:
 *   without it an admin means every centre (null) and anyone else their own centre.
 * - `passwordChange`: also open to a user whose temporary password must be changed first; every
 *   other route answers them 403 `password_change_required`.
 * - `mfaEnrolment`: also open to a user the policy (MFA_REQUIRED_ROLES) holds to a second factor
 *   they have not enrolled yet; every other route answers them 403 `mfa_enrolment_required`.
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
      mfaEnrolment?: true;
    }
  | { sharedSecret: { header: string; secret: string } | null };

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

export const principalOf = (request: FastifyRequest): Principal => {
  if (!request.principal) throw unauthenticated();
  return request.principal;
};

/** The centre resolved by the access rule; routes with `centre` set (but "query") can rely on it. */
export function centreIdOf(request: FastifyRequest): string {
  if (!request.centreId) throw new Error("route has no centre access rule");
  return request.centreId;
}
