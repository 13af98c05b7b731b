import type { Db, Executor } from "../../db/client.js";
import type { TicketRow } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import type { CentreDirectory } from "../catalog/index.js";
import { renderNotification, type NotificationService } from "../notifications/index.js";
import type { QueueService } from "../queue/index.js";
import { ticketContactsRepository as contacts } from "./ticket-contacts.repository.js";

export interface TicketTextsDeps {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "find" | "all">;
  queue: Pick<QueueService, "state" | "onQueueChanged">;
  notifications: Pick<NotificationService, "enqueue" | "dispatch" | "purgeTicketTexts">;
  /** "Your turn is near" once this many or fewer are ahead … */
  nearPosition: number;
  /** … or the expected wait is this many minutes or less. */
  nearMinutes: number;
  log?: { warn(obj: object, msg: string): void };
}

/**
 * Texts to a walk-in visitor who left a phone at the kiosk: "your turn is near" once, when the
 * ticket comes near the front, and "come to counter 5" once, when it is called (a recall sends
 * nothing more: the visitor has been told where to go). Each goes through the outbox, at most once
 * per ticket and kind (its unique index), and the phone is deleted when the ticket is called.
 */
export function createTicketTexts(deps: TicketTextsDeps) {
  const { db, clock, notifications } = deps;

  let sending: Promise<void> | null = null;
  let again = false;

  /**
   * Sends what was enqueued, after the commit; a failure is retried by the housekeeping run. Two
   * runs in a row: the first may join a run that claimed its batch before this message was
   * committed, the second starts after that one and so sees it.
   */
  function sendSoon(): void {
    if (sending) {
      again = true;
      return;
    }
    sending = (async () => {
      do {
        again = false;
        await notifications.dispatch();
        await notifications.dispatch();
      } while (again);
    })()
      .catch((err: unknown) => deps.log?.warn({ err }, "sending texts failed"))
      .finally(() => {
        sending = null;
      });
  }

  /** Enqueues "near" for the centre's waiting tickets with a phone that have come near the front. */
  async function checkNear(centreId: string): Promise<number> {
    const waiting = await contacts.waiting(db, centreId);
    if (waiting.length === 0) return 0;
    const centre = await deps.centres.find(db, centreId);
    if (!centre) return 0;
    const queue = await deps.queue.state(db, centre, { placesFor: waiting.map((w) => w.ticket) });
    const now = clock.now();
    let enqueued = 0;
    for (const { ticket, phone } of waiting) {
      const place = queue.placeOf(ticket.id);
      if (!place) continue;
      const near =
        place.position <= deps.nearPosition ||
        (place.estimatedWaitMinutes !== null && place.estimatedWaitMinutes <= deps.nearMinutes);
      if (!near) continue;
      await notifications.enqueue(db, {
        ticketId: ticket.id,
        kind: "turn_near",
        recipient: phone,
        language: ticket.language,
        body: renderNotification("turn_near", ticket.language, {
          ticketCode: ticket.code,
          wait: { minutes: place.estimatedWaitMinutes, range: place.estimatedWaitRange },
        }),
        nextAttemptAt: now,
        createdAt: now,
      });
      enqueued += 1;
    }
    return enqueued;
  }

  return {
    /** Keeps the phone given at issue, in the issuing transaction. */
    saveWithin: (tx: Executor, ticketId: string, phone: string): Promise<void> =>
      contacts.save(tx, ticketId, phone),

    /**
     * In the calling transaction: enqueues "come to counter …" for a ticket with a phone and
     * deletes the phone (it is in the outbox now, until sent). True when a text was enqueued.
     */
    async calledWithin(tx: Executor, row: TicketRow, now: Date): Promise<boolean> {
      const contact = await contacts.forCall(tx, row.id);
      if (!contact) return false;
      await notifications.enqueue(tx, {
        ticketId: row.id,
        kind: "ticket_called",
        recipient: contact.phone,
        language: row.language,
        body: renderNotification("ticket_called", row.language, {
          ticketCode: row.code,
          counter: contact.counterLabel ?? "",
        }),
        nextAttemptAt: now,
        createdAt: now,
      });
      await contacts.remove(tx, row.id);
      return true;
    },

    sendSoon,

    /** Looks for tickets come near after each change of a centre's queue (after its commit). */
    listen(): void {
      deps.queue.onQueueChanged((centreId) => {
        checkNear(centreId)
          .then((n) => (n > 0 ? sendSoon() : undefined))
          .catch((err: unknown) => deps.log?.warn({ err }, "checking texts failed"));
      });
    },

    /**
     * Housekeeping: what time alone brings near (no queue change), the phones of tickets that left
     * the queue, and the numbers and texts of ticket messages already sent or given up.
     */
    async sweep(): Promise<void> {
      for (const centre of await deps.centres.all(db)) await checkNear(centre.id);
      await contacts.dropEnded(db);
      await notifications.purgeTicketTexts();
    },

    checkNear,
  };
}

export type TicketTexts = ReturnType<typeof createTicketTexts>;
