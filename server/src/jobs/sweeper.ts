import { dayClosesAt, serviceDay } from "@dost/shared";
import type { Db } from "../db/client.js";
import type { Clock } from "../lib/clock.js";
import { authRepository } from "../modules/auth/auth.repository.js";
import { hoursOf, type CentreDirectory } from "../modules/catalog/centre-directory.js";
import type { QueueAnnouncer } from "../modules/tickets/queue-announcer.js";
import { ticketsRepository } from "../modules/tickets/tickets.repository.js";

/**
 * Periodic housekeeping: tickets still waiting at the end of their service day become `expired`
 * (each with its event; see `waitingTicketExpiresAt`); idempotency keys older than their 24 hours
 * and long-ended sessions are dropped.
 */
export function createSweeper(deps: {
  db: Db;
  clock: Clock;
  centres: CentreDirectory;
  announcer: QueueAnnouncer;
}) {
  const { db, clock, centres, announcer } = deps;

  async function sweep(): Promise<{ expired: number }> {
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
        await announcer.announce(centre);
      }
    }
    await ticketsRepository.dropIdempotencyKeysBefore(db, new Date(now.getTime() - 24 * 3_600_000));
    // Ended sessions are kept a week for the audit of who signed in, then dropped.
    await authRepository.dropSessionsEndedBefore(db, new Date(now.getTime() - 7 * 86_400_000));
    return { expired };
  }

  return { sweep };
}

export type Sweeper = ReturnType<typeof createSweeper>;
