import type { Db, Executor } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { createDispatcher } from "./dispatcher.js";
import type { NotificationGateway } from "./gateway.js";
import { notificationsRepository, type NotificationValues } from "./notifications.repository.js";

/**
 * Texts to citizens: an outbox table written in the transaction that causes a message, and a
 * dispatcher that sends what is due through the gateway.
 */
export function createNotificationService(deps: { db: Db; clock: Clock; gateway: NotificationGateway }) {
  const dispatcher = createDispatcher(deps);
  return {
    /** Adds a message to the outbox in the caller's transaction; a repeat of a kind is ignored. */
    enqueue: (ex: Executor, values: NotificationValues): Promise<void> =>
      notificationsRepository.enqueue(ex, values),
    /** Sends due messages. */
    dispatch: () => dispatcher.dispatch(),
    /** Texts due and not sent yet, and how long the oldest has been due. */
    backlog: () => notificationsRepository.backlog(deps.db, deps.clock.now()),
    /** Drops messages older than `before` (their texts hold personal data). */
    purgeBefore: (before: Date): Promise<void> => notificationsRepository.purgeBefore(deps.db, before),
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
