import { canTransition, type Counter, type Ticket, type TicketAction } from "@dost/shared";

/** What the employee can do to the visitor at the counter, in the order of the buttons. */
export const VISITOR_ACTIONS = [
  "recall",
  "start",
  "complete",
  "noShow",
  "transfer",
  "cancel",
] as const satisfies readonly TicketAction[];

export type VisitorAction = (typeof VISITOR_ACTIONS)[number];

/**
 * Actions that end the visit are held for a few seconds with an Undo, because the server cannot
 * take them back. Calling the next visitor sends a held action at once.
 */
export const DEFERRED_ACTIONS = ["complete", "noShow", "cancel"] as const satisfies readonly VisitorAction[];
export type DeferredAction = (typeof DEFERRED_ACTIONS)[number];

export const isDeferred = (action: VisitorAction): action is DeferredAction =>
  (DEFERRED_ACTIONS as readonly VisitorAction[]).includes(action);

export interface PendingAction {
  ticket: Ticket;
  action: DeferredAction;
  /** Server time at which it is sent unless undone. */
  deadline: number;
}

export interface DeskLock {
  /** A request is under way: one thing at a time, so a double press never acts twice. */
  busy: boolean;
  pending: PendingAction | null;
}

/** The lifecycle table of @dost/shared decides, so the console and the server always agree. */
export function isActionEnabled(action: VisitorAction, ticket: Ticket | null, lock: DeskLock): boolean {
  return !lock.busy && lock.pending === null && ticket !== null && canTransition(ticket.status, action);
}

/**
 * The server calls the next visitor only at an open counter with nobody called or being served; a
 * held final action frees the counter, so it is sent first.
 */
export function canCallNext(
  counterStatus: Counter["status"],
  ticket: Ticket | null,
  lock: DeskLock,
): boolean {
  if (counterStatus !== "open" || lock.busy) return false;
  if (ticket === null) return true;
  if (lock.pending?.ticket.id === ticket.id) return true;
  return ticket.status !== "called" && ticket.status !== "serving";
}
