import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { NotificationGateway } from "./gateway.js";
import { notificationsRepository as repo } from "./notifications.repository.js";

export const MAX_ATTEMPTS = 8;

/** 1, 2, 4 … minutes after each failure, capped at an hour. */
export const retryDelayMs = (attempts: number): number => Math.min(60, 2 ** attempts) * 60_000;

/**
 * Sends due outbox messages. Each batch is locked (SKIP LOCKED) while it is sent, so two processes
 * never send the same message; a sent message is marked in the same transaction.
 */
export function createDispatcher(deps: { db: Db; clock: Clock; gateway: NotificationGateway }) {
  return {
    async dispatch(limit = 50): Promise<{ sent: number; failed: number }> {
      return deps.db.transaction(async (tx) => {
        const now = deps.clock.now();
        let sent = 0;
        let failed = 0;
        for (const message of await repo.lockDue(tx, now, limit)) {
          if (!message.recipient || !message.body) {
            await repo.markFailed(tx, message.id, "no recipient or text (purged)", null);
            failed += 1;
            continue;
          }
          try {
            await deps.gateway.send({
              id: message.id,
              channel: message.channel,
              recipient: message.recipient,
              body: message.body,
            });
            await repo.markSent(tx, message.id, now);
            sent += 1;
          } catch (err) {
            const attempts = message.attempts + 1;
            const next = attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + retryDelayMs(attempts));
            await repo.markFailed(tx, message.id, err instanceof Error ? err.message : String(err), next);
            failed += 1;
          }
        }
        return { sent, failed };
      });
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
