import { sql } from "drizzle-orm";
import { tickets } from "../../db/schema.js";
import { forbidden } from "../../lib/errors.js";
import type { Principal } from "../../core/principal.js";
import type { StaffTicketAction } from "./tickets.service.js";
import type { TicketChanges } from "./tickets.repository.js";

/** At a counter, only the person staffing it (or a manager or admin of the centre) acts on its visitor. */
export function assertMayHandle(principal: Principal, counterUserId: string | null): void {
  if (principal.kind !== "user") throw forbidden();
  if (counterUserId === null || counterUserId === principal.user.id) return;
  if (principal.user.role === "staff") throw forbidden("This visitor is at another employee's counter");
}

export function changesFor(action: StaffTicketAction, now: Date): TicketChanges {
  switch (action) {
    case "recall":
      // calledAt stays the first call, so waited and "since called" mean the same after a recall.
      return { callCount: sql`${tickets.callCount} + 1` };
    case "start":
      return { status: "serving", startedAt: now };
    case "complete":
      return { status: "done", finishedAt: now };
    case "noShow":
      return { status: "no_show", finishedAt: now };
    case "cancel":
      return { status: "cancelled", finishedAt: now };
    case "transfer":
      // Back to waiting in another service, keeping its code and its place in time.
      return { status: "waiting", counterId: null, calledAt: null, startedAt: null };
  }
}
