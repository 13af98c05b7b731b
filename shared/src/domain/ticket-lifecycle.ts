import type { TicketStatus } from "../api/tickets.js";

/**
 * The ticket lifecycle: every status change is one of these actions. The server guards its SQL with
 * `status IN (from)` taken from here, and the console enables a button only when its action is
 * allowed, so both always agree.
 */
export const TICKET_TRANSITIONS = {
  call: { from: ["waiting"], to: "called" },
  recall: { from: ["called"], to: "called" },
  start: { from: ["called"], to: "serving" },
  complete: { from: ["serving"], to: "done" },
  noShow: { from: ["called"], to: "no_show" },
  cancel: { from: ["waiting", "called", "serving"], to: "cancelled" },
  transfer: { from: ["waiting", "called", "serving"], to: "waiting" },
  expire: { from: ["waiting"], to: "expired" },
} as const satisfies Record<string, { from: readonly TicketStatus[]; to: TicketStatus }>;

export type TicketAction = keyof typeof TICKET_TRANSITIONS;

export const TICKET_ACTIONS = Object.keys(TICKET_TRANSITIONS) as TicketAction[];

/**
 * The actions a member of staff takes on a ticket by its id, each a route of its own (calling goes
 * through a counter, expiring is the server's own). The server's routes and the console's client
 * both read this list.
 */
export const STAFF_TICKET_ACTIONS = [
  "recall",
  "start",
  "complete",
  "noShow",
  "cancel",
  "transfer",
] as const satisfies readonly TicketAction[];
export type StaffTicketAction = (typeof STAFF_TICKET_ACTIONS)[number];

export function allowedFrom(action: TicketAction): readonly TicketStatus[] {
  return TICKET_TRANSITIONS[action].from;
}

export function canTransition(status: TicketStatus, action: TicketAction): boolean {
  return (TICKET_TRANSITIONS[action].from as readonly TicketStatus[]).includes(status);
}

export function nextStatus(action: TicketAction): TicketStatus {
  return TICKET_TRANSITIONS[action].to;
}

/** Statuses in which a ticket occupies a counter. */
export const AT_COUNTER_STATUSES = ["called", "serving"] as const satisfies readonly TicketStatus[];

export const FINAL_STATUSES = [
  "done",
  "no_show",
  "cancelled",
  "expired",
] as const satisfies readonly TicketStatus[];
