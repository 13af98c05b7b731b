import type { Priority } from "../api/tickets.js";
import { type PolicyWeights, type QueueCandidate } from "./queue-policy.js";

/**
 * Why a ticket stands where it does in the call order, in the policy's own parts: the minutes it
 * has waited plus each bonus it earns. The desk says it in words ("waited 12 min + veteran bonus
 * 15 min"); the parts add up to the score the policy orders by, in minutes.
 */
export interface CallReason {
  waitedMinutes: number;
  /** The priority group's bonus, or null for ordinary visitors (no bonus to name). */
  priorityBonus: { priority: Priority; minutes: number } | null;
  /** The appointment bonus once the slot has started, else null. */
  appointmentBonusMinutes: number | null;
  /** Everything together: what the call order compares. */
  totalMinutes: number;
}

export function callReason(candidate: QueueCandidate, now: Date, weights: PolicyWeights): CallReason {
  const waitedSeconds = Math.max(0, (now.getTime() - candidate.queuedAt.getTime()) / 1000);
  const priorityBonusSeconds = weights.priorityBonusSeconds[candidate.priority];
  const appointmentDue =
    candidate.appointmentAt !== null && candidate.appointmentAt.getTime() <= now.getTime();
  const appointmentSeconds = appointmentDue ? weights.appointmentBonusSeconds : 0;
  // Whole minutes, as said aloud; the total is rounded once so it is the order's own figure.
  return {
    waitedMinutes: Math.floor(waitedSeconds / 60),
    priorityBonus:
      priorityBonusSeconds > 0
        ? { priority: candidate.priority, minutes: Math.round(priorityBonusSeconds / 60) }
        : null,
    appointmentBonusMinutes: appointmentDue ? Math.round(appointmentSeconds / 60) : null,
    totalMinutes: Math.floor((waitedSeconds + priorityBonusSeconds + appointmentSeconds) / 60),
  };
}

/** The note a call out of the policy's order carries in the event log (counters' callTicket). */
export const OUT_OF_ORDER_NOTE = "out of order:";

/**
 * Why a called ticket was not simply the policy's pick: chosen by hand (its call's note says so),
 * or called again after not coming (more than one call). Null: called in its turn.
 */
export function outOfTurn(call: {
  callCount: number;
  callNote: string | null;
}): "out_of_order" | "recalled" | null {
  if (call.callNote?.startsWith(OUT_OF_ORDER_NOTE)) return "out_of_order";
  return call.callCount > 1 ? "recalled" : null;
}
