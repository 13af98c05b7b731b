import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { CentreEvent, Publisher } from "../../core/realtime.js";
import type { CentreDirectory, CentreRecord } from "../catalog/centre-directory.js";
import { QueueState } from "./queue-state.js";
import { toTicket, type TicketRow } from "./ticket-view.js";
import { ticketsRepository } from "./tickets.repository.js";

/** Status pages hear about their place while they are among the first this many of their service. */
export const PLACE_UPDATES_FOR_FIRST = 10;

/**
 * A centre's queue figures go out at most this often: a burst of calls and issues (forty counters,
 * a crowd at the kiosks) becomes one `queue:changed`, not one per request.
 */
export const QUEUE_REFRESH_MS = 150;

/**
 * Publishes a centre's events after a commit, at once, and then what the change did to its queue,
 * coalesced per centre: `queue:changed` for every screen, and `ticket:place` to the status page of
 * each of the first waiting tickets whose place or estimate moved (those further back refresh their
 * page themselves).
 */
export function createQueueAnnouncer({
  db,
  clock,
  publisher,
  centres,
}: {
  db: Db;
  clock: Clock;
  publisher: Publisher;
  centres: Pick<CentreDirectory, "find">;
}) {
  // Per centre, what each leading ticket's page was last told; bounded by the leaders themselves.
  const lastTold = new Map<string, Map<string, string>>();
  const pending = new Map<string, NodeJS.Timeout>();

  async function placeEvents(centre: CentreRecord, queue: QueueState): Promise<CentreEvent[]> {
    const told = lastTold.get(centre.id) ?? new Map<string, string>();
    const now = new Map<string, string>();
    const moved: string[] = [];
    for (const { ticketId, place } of queue.leaders(PLACE_UPDATES_FOR_FIRST)) {
      const key = `${place.position}|${place.estimatedWaitMinutes}`;
      now.set(ticketId, key);
      if (told.get(ticketId) !== key) moved.push(ticketId);
    }
    lastTold.set(centre.id, now);
    if (moved.length === 0) return [];
    const rows = await ticketsRepository.byIds(db, moved);
    return rows
      .filter((row) => row.status === "waiting")
      .map((row) => ({
        name: "ticket:place" as const,
        payload: { centreId: centre.id, ticket: toTicket(row, null, queue.placeOf(row.id)) },
      }));
  }

  async function refresh(centreId: string): Promise<void> {
    const centre = await centres.find(db, centreId);
    if (!centre) return;
    const queue = await QueueState.load(db, centre, clock.now(), { leaders: PLACE_UPDATES_FOR_FIRST });
    publisher.publish([
      { name: "queue:changed", payload: { centreId, services: queue.services() } },
      ...(await placeEvents(centre, queue)),
    ]);
  }

  function scheduleRefresh(centreId: string): void {
    if (pending.has(centreId)) return;
    const timer = setTimeout(() => {
      pending.delete(centreId);
      // A failed refresh only delays figures until the next change; it must not crash the process.
      refresh(centreId).catch(() => undefined);
    }, QUEUE_REFRESH_MS);
    timer.unref();
    pending.set(centreId, timer);
  }

  return {
    /**
     * Publishes `build(queue)` now, the queue read only when a ticket of `placesFor` waits and so
     * needs its place, and schedules the centre's queue figures.
     */
    async announce(
      centre: CentreRecord,
      build: (queue: QueueState | null) => CentreEvent[] = () => [],
      placesFor: readonly TicketRow[] = [],
    ): Promise<void> {
      const waiting = placesFor.filter((t) => t.status === "waiting");
      const queue =
        waiting.length > 0 ? await QueueState.load(db, centre, clock.now(), { placesFor: waiting }) : null;
      publisher.publish(build(queue));
      scheduleRefresh(centre.id);
    },

    close(): void {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}

export type QueueAnnouncer = ReturnType<typeof createQueueAnnouncer>;
