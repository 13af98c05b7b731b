import { nextStatus, type StaffTicketAction } from "@dost/shared";
import type { Principal } from "../../core/principal.js";
import { forbidden } from "../../lib/errors.js";
import type { TicketChanges } from "./tickets.repository.js";

/** At a counter, only the person staffing it (or a manager or admin of the centre) acts on its visitor. */
export function assertMayHandle(principal: Principal, counterUserId: string | null): void {
  if (principal.kind !== "user") throw forbidden();
  if (counterUserId === null || counterUserId === principal.user.id) return;
  if (principal.user.role === "staff") throw forbidden("This visitor is at another employee's counter");
}

/** The row changes of an action besides its status, which the lifecycle table gives. */
export function changesFor(action: StaffTicketAction, now: Date): TicketChanges {
  const status = nextStatus(action);
  switch (action) {
    case "recall":
      // calledAt stays the first call, so waited and "since called" mean the same after a recall.
      return { status, countCall: true };
    case "start":
      return { status, startedAt: now };
    case "complete":
    case "noShow":
    case "cancel":
      return { status, finishedAt: now };
    case "transfer":
      // Back to waiting in another service, keeping its code and its place in time.
      return { status, counterId: null, calledAt: null, startedAt: null };
  }
}

/** A waiting ticket called to a counter (call-next and a call out of order alike). */
export function calledChanges(counterId: string, now: Date): TicketChanges {
  return { status: nextStatus("call"), counterId, calledAt: now, countCall: true };
}
