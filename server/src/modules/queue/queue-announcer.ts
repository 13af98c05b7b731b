import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { CentreEvent, Publisher } from "../../core/realtime.js";
import { queueRepository } from "./queue.repository.js";
import { QueueState, type QueueCentre, type WaitEstimation } from "./queue-state.js";
import { toTicket } from "./ticket-view.js";

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
  findCentre,
  estimation,
}: {
  db: Db;
  clock: Clock;
  publisher: Publisher;
  /** The centre as it is now (its policy may have changed since the event). */
  findCentre(id: string): Promise<QueueCentre | null>;
  estimation: WaitEstimation;
}) {
  // Per centre, what each leading ticket's page was last told; bounded by the leaders themselves.
  const lastTold = new Map<string, Map<string, string>>();
  const pending = new Map<string, NodeJS.Timeout>();
  // Who wants to know once a centre's queue has changed and its figures gone out (the alerts).
  const listeners: ((centreId: string, queue: QueueState) => void)[] = [];

  async function placeEvents(centreId: string, queue: QueueState): Promise<CentreEvent[]> {
    const told = lastTold.get(centreId) ?? new Map<string, string>();
    const now = new Map<string, string>();
    const moved: string[] = [];
    for (const { ticketId, place } of queue.leaders(PLACE_UPDATES_FOR_FIRST)) {
      const range = place.estimatedWaitRange;
      const key = `${place.position}|${place.estimatedWaitMinutes}|${range ? `${range.low}-${range.high}` : ""}`;
      now.set(ticketId, key);
      if (told.get(ticketId) !== key) moved.push(ticketId);
    }
    lastTold.set(centreId, now);
    if (moved.length === 0) return [];
    const rows = await queueRepository.byIds(db, moved);
    return rows
      .filter((row) => row.status === "waiting")
      .map((row) => ({
        name: "ticket:place" as const,
        payload: { centreId, ticket: toTicket(row, null, queue.placeOf(row.id)) },
      }));
  }

  async function refresh(centreId: string): Promise<void> {
    const centre = await findCentre(centreId);
    if (!centre) return;
    const queue = await QueueState.load(
      db,
      centre,
      clock.now(),
      { leaders: PLACE_UPDATES_FOR_FIRST },
      estimation,
    );
    publisher.publish([
      { name: "queue:changed", payload: { centreId, services: queue.services() } },
      ...(await placeEvents(centreId, queue)),
    ]);
    for (const listener of listeners) listener(centreId, queue);
  }

  return {
    /** Publishes `events` now and schedules the centre's queue figures. */
    announce(centreId: string, events: readonly CentreEvent[] = []): void {
      if (events.length > 0) publisher.publish(events);
      if (pending.has(centreId)) return;
      const timer = setTimeout(() => {
        pending.delete(centreId);
        // A failed refresh only delays figures until the next change; it must not crash the process.
        refresh(centreId).catch(() => undefined);
      }, QUEUE_REFRESH_MS);
      timer.unref();
      pending.set(centreId, timer);
    },

    /**
     * Calls `listener` after each coalesced refresh of a centre's figures, with the queue state they
     * came from: after the commit, at most once per QUEUE_REFRESH_MS per centre however busy it is.
     */
    onQueueChanged(listener: (centreId: string, queue: QueueState) => void): void {
      listeners.push(listener);
    },

    close(): void {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}

export type QueueAnnouncer = ReturnType<typeof createQueueAnnouncer>;
