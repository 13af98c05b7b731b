import { dayClosesAt, serviceDay } from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { hoursOf, type CentreDirectory } from "../catalog/index.js";
import type { QueueService } from "../queue/index.js";
import { ticketsRepository } from "./tickets.repository.js";

/**
 * The tickets' housekeeping: tickets still waiting at the end of their service day become `expired`
 * (each with its event; see `waitingTicketExpiresAt`), and idempotency keys older than their 24
 * hours are dropped.
 */
export function createTicketExpiry(deps: {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "all">;
  queue: Pick<QueueService, "announce">;
}) {
  const { db, clock, centres, queue } = deps;

  return {
    async run(): Promise<{ expired: number }> {
      const now = clock.now();
      let expired = 0;
      for (const centre of await centres.all(db)) {
        const today = serviceDay(now, centre.timezone);
        const closes = dayClosesAt(today, hoursOf(centre));
        const count = await db.transaction((tx) =>
          ticketsRepository.expireWaiting(tx, {
            centreId: centre.id,
            today,
            // Today's tickets issued before closing end with it; those issued after it, at midnight.
            todayIssuedBefore: closes && closes.getTime() <= now.getTime() ? closes : null,
            now,
          }),
        );
        if (count > 0) {
          expired += count;
          queue.announce(centre.id);
        }
      }
      await ticketsRepository.dropIdempotencyKeysBefore(db, new Date(now.getTime() - 24 * 3_600_000));
      return { expired };
    },
  };
}
