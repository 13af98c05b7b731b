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
    /** A temporary password that must be changed before anything else. */
    mustChangePassword: boolean;
    /** Signs in with a second factor. */
    mfaEnabled?: boolean;
    /** The policy asks this role for a second factor not yet enrolled: enrolment before anything else. */
    mustEnrolMfa?: boolean;
  };
}

export interface DevicePrincipal {
  kind: "device";
  device: {
    id: string;
    centreId: string;
    kind: DeviceKind;
    name: string;
    counterId: string | null;
    /**
     * A kiosk's network receipt printer, `host:port`, read with the key so that issuing needs no
     * look-up of its own; absent or null: the kiosk prints through its browser.
     */
    printer?: string | null;
  };
}

export type Principal = UserPrincipal | DevicePrincipal;

/**
 * Who may call a route: groups of roles, and device kinds. Each group names the roles it admits, so
 * the roles that fit no ladder (viewer, volunteer) are placed explicitly:
 * - `staff`: counter work — staff, managers, admins;
 * - `manager`: a centre's monitoring and configuration — managers, admins;
 * - `admin`: admins only;
 * - `viewer`: read-only monitoring of every centre (ministry analysts);
 * - `volunteer`: issuing tickets and checking visitors in at its own centre;
 * - `user`: anyone signed in (their own session and account);
 * - `kiosk`, `display`, `feedback`: devices of that kind.
 */
export type Audience = "user" | "staff" | "manager" | "admin" | "viewer" | "volunteer" | DeviceKind;

const ROLES_ADMITTED: Record<Exclude<Audience, DeviceKind>, readonly Role[]> = {
  user: ["admin", "manager", "staff", "viewer", "volunteer"],
  staff: ["staff", "manager", "admin"],
  manager: ["manager", "admin"],
  admin: ["admin"],
  viewer: ["viewer"],
  volunteer: ["volunteer"],
};

const isDeviceKind = (a: Audience): a is DeviceKind => !Object.hasOwn(ROLES_ADMITTED, a);

export function admits(audience: readonly Audience[], principal: Principal): boolean {
  if (principal.kind === "device") return audience.includes(principal.device.kind);
  const role = principal.user.role;
  return audience.some((a) => !isDeviceKind(a) && ROLES_ADMITTED[a].includes(role));
}

/** The centre a principal belongs to; null for an admin or a viewer, who see every centre. */
export function homeCentre(principal: Principal): string | null {
  return principal.kind === "device" ? principal.device.centreId : principal.user.centreId;
}

/**
 * Admins and viewers reach every centre (a viewer only through the read-only routes its audience
 * admits); everyone else only their own.
 */
export function canAccessCentre(principal: Principal, centreId: string): boolean {
  if (principal.kind === "user" && (principal.user.role === "admin" || principal.user.role === "viewer"))
    return true;
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

/** The network printer the server prints a kiosk's tickets on; null: the kiosk's browser prints. */
export const serverPrinterOf = (principal: Principal): string | null =>
  principal.kind === "device" && principal.device.kind === "kiosk"
    ? (principal.device.printer ?? null)
    : null;
