import type { SmsDeliveryReport } from "@dost/shared";
import type { Db, Executor } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { notFound } from "../../lib/errors.js";
import { createDispatcher, type DispatcherDeps } from "./dispatcher.js";
import { notificationsRepository as repo, type NotificationValues } from "./notifications.repository.js";

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

/**
 * Texts to citizens: an outbox table written in the transaction that causes a message, a dispatcher
 * that sends what is due through the gateway (no transaction held while a provider answers), and
 * the provider's delivery reports.
 */
export function createNotificationService(deps: DispatcherDeps & { db: Db; clock: Clock }) {
  const dispatcher = createDispatcher(deps);
  return {
    /** Adds a message to the outbox in the caller's transaction; a repeat of a kind is ignored. */
    enqueue: (ex: Executor, values: NotificationValues): Promise<void> => repo.enqueue(ex, values),
    /** Blanks the number and text of walk-in tickets' messages once sent or given up. */
    purgeTicketTexts: (): Promise<void> => repo.purgeTicketTexts(deps.db),
    /** Sends due messages. */
    dispatch: () => dispatcher.dispatch(),
    /** Texts due and not sent yet, and how long the oldest has been due. */
    backlog: () => repo.backlog(deps.db, deps.clock.now()),
    /** Drops messages older than `before` (their texts hold personal data). */
    purgeBefore: (before: Date): Promise<void> => repo.purgeBefore(deps.db, before),

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
