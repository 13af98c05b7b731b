import { callReason, type CallReasonView, type PolicyWeights } from "@dost/shared";
import type { TicketRow } from "../../db/schema.js";

/**
 * Why a ticket stands where it does in the call order at `at`, in the parts the policy scores (the
 * shared `callReason`), with the appointment's slot time so the desk can say "appointment due 10:30".
 */
export function explainCall(
  row: Pick<TicketRow, "id" | "serviceId" | "priority" | "queuedAt" | "appointmentAt">,
  at: Date,
  weights: PolicyWeights,
): CallReasonView {
  const reason = callReason(
    {
      id: row.id,
      serviceId: row.serviceId,
      priority: row.priority,
      queuedAt: row.queuedAt,
      appointmentAt: row.appointmentAt,
    },
    at,
    weights,
  );
  return {
    waitedMinutes: reason.waitedMinutes,
    priorityBonus: reason.priorityBonus,
    appointment: row.appointmentAt
      ? { at: row.appointmentAt.toISOString(), bonusMinutes: reason.appointmentBonusMinutes }
      : null,
    totalMinutes: reason.totalMinutes,
  };
}
