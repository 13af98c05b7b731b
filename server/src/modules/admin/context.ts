import type { FastifyRequest } from "fastify";
import type { Db } from "../../db/client.js";
import { violatedUnique } from "../../db/errors.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, forbidden } from "../../lib/errors.js";
import { principalOf } from "../../core/access.js";
import type { Publisher } from "../../core/realtime.js";
import { auditActorOf, systemActor, type AuditActor } from "../audit/index.js";
import type { UserPrincipal } from "../../core/principal.js";
import type { CentreDirectory } from "../catalog/index.js";

/** What every area of administration needs; each takes the part it uses. */
export interface AdminDeps {
  db: Db;
  clock: Clock;
  centres: CentreDirectory;
  publisher: Pick<Publisher, "publish" | "disconnectUser" | "disconnectDevice">;
  /**
   * Drops cached device keys in every server process, so a revoked or replaced key stops working
   * everywhere at once (resolves once the other processes are told).
   */
  forgetDevices(): Promise<void>;
  /** Where devices reach the system, for pairing links (PUBLIC_URL); relative links without it. */
  publicUrl: string | null;
}

/**
 * Who asks for a change: a signed-in admin or manager, or the system itself (the installer and
 * the demo seed, which act with an admin's reach). The actor goes into every audit row.
 */
export interface Caller {
  principal: UserPrincipal | null;
  actor: AuditActor;
}

export const systemCaller = (name = "system"): Caller => ({ principal: null, actor: systemActor(name) });

export function callerOf(request: FastifyRequest): Caller {
  const principal = principalOf(request);
  // Every administration route admits users only; a device here is a wiring mistake.
  if (principal.kind !== "user") throw forbidden();
  return { principal, actor: auditActorOf(principal, request.ip) };
}

/** An admin (or the system) reaches everything; a manager only its own centre. */
export function isAdmin(caller: Caller): boolean {
  return caller.principal === null || caller.principal.user.role === "admin";
}

/** The caller's centre when it is limited to one; null when it reaches every centre. */
export function scopedCentre(caller: Caller): string | null {
  if (isAdmin(caller)) return null;
  const centreId = caller.principal?.user.centreId;
  if (!centreId) throw forbidden();
  return centreId;
}

export function assertCentreInScope(caller: Caller, centreId: string | null): void {
  const own = scopedCentre(caller);
  if (own !== null && own !== centreId) throw forbidden("This belongs to another centre", "centre_not_yours");
}

/**
 * Runs a write and turns a unique violation that slipped past the checks (two admins at once) into
 * the same 409 the check gives.
 */
export async function guardUnique<T>(
  write: () => Promise<T>,
  conflicts: Record<string, () => Error>,
): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const constraint = violatedUnique(e);
    if (constraint === null) throw e;
    const match = Object.entries(conflicts).find(([name]) => constraint.includes(name));
    throw match ? match[1]() : conflict("That conflicts with an existing record");
  }
}
