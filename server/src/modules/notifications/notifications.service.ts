import type { SmsDeliveryReport } from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { notFound } from "../../lib/errors.js";
import { notificationsRepository as repo } from "./notifications.repository.js";

const DELIVERED = new Set(["delivered", "delivrd"]);
const FAILED = new Set([
  "failed",
  "undelivered",
  "undeliverable",
  "undeliv",
  "rejected",
  "rejectd",
  "expired",
]);

/** The provider's word for an outcome, in ours; null for an interim status (queued, sent, …). */
export function deliveryOutcome(status: string): "delivered" | "failed" | null {
  const word = status.trim().toLowerCase();
  if (DELIVERED.has(word)) return "delivered";
  if (FAILED.has(word)) return "failed";
  return null;
}

export function createNotificationService(deps: { db: Db; clock: Clock }) {
  return {
    /** Records one delivery report; 404 when it names no message of ours. */
    async recordDeliveryReport(
      report: SmsDeliveryReport,
    ): Promise<{ recorded: "delivered" | "failed" | null }> {
      const outcome = deliveryOutcome(report.status);
      const ref = { id: report.messageId, providerMessageId: report.providerMessageId };
      if (!outcome) {
        if (!(await repo.exists(deps.db, ref))) throw notFound("Message");
        return { recorded: null };
      }
      const known = await repo.recordDelivery(deps.db, ref, {
        status: outcome,
        error: outcome === "failed" ? (report.error ?? null) : null,
        at: deps.clock.now(),
      });
      if (!known) throw notFound("Message");
      return { recorded: outcome };
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
