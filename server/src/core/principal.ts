import type { DeviceKind, Role } from "@dost/shared";

export interface UserPrincipal {
  kind: "user";
  sessionId: string;
  user: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    centreId: string | null;
  };
}

export interface DevicePrincipal {
  kind: "device";
  device: { id: string; centreId: string; kind: DeviceKind; name: string };
}

export type Principal = UserPrincipal | DevicePrincipal;

/** Who may call a route. `staff` also admits managers and admins; `manager` also admits admins. */
export type Audience = "staff" | "manager" | "admin" | "kiosk" | "display";

const ROLE_RANK: Record<Role, number> = { staff: 1, manager: 2, admin: 3 };

export function admits(audience: readonly Audience[], principal: Principal): boolean {
  if (principal.kind === "device") return audience.includes(principal.device.kind);
  const rank = ROLE_RANK[principal.user.role];
  return audience.some((a) => (a === "staff" || a === "manager" || a === "admin") && rank >= ROLE_RANK[a]);
}

/** The centre a principal belongs to; null for an admin, who may act on every centre. */
export function homeCentre(principal: Principal): string | null {
  return principal.kind === "device" ? principal.device.centreId : principal.user.centreId;
}

export function canAccessCentre(principal: Principal, centreId: string): boolean {
  if (principal.kind === "user" && principal.user.role === "admin") return true;
  return homeCentre(principal) === centreId;
}

/** The actor columns of an event row. */
export function actorOf(principal: Principal): { userId: string | null; deviceId: string | null } {
  return principal.kind === "user"
    ? { userId: principal.user.id, deviceId: null }
    : { userId: null, deviceId: principal.device.id };
}

/** The key space of idempotency keys: each caller's keys are its own. */
export function principalKey(principal: Principal): string {
  return principal.kind === "user" ? `user:${principal.user.id}` : `device:${principal.device.id}`;
}

/** What a request or a socket presents: a session token, or a device key. */
export interface Credentials {
  token?: string | undefined;
  deviceKey?: string | undefined;
}

/** Resolves credentials to a principal; null when they are not valid (the auth module's). */
export type Authenticate = (credentials: Credentials) => Promise<Principal | null>;
