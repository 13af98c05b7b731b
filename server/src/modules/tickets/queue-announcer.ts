import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { CentreEvent, Publisher } from "../../plugins/realtime/publisher.js";
import type { CentreRecord } from "../catalog/centre-directory.js";
import { QueueState, type QueueLoadOptions } from "./queue-state.js";
import { toTicket } from "./ticket-view.js";
import { ticketsRepository } from "./tickets.repository.js";

/** Status pages hear about their place while they are among the first this many of their service. */
export const PLACE_UPDATES_FOR_FIRST = 10;

/**
 * Publishes a centre's events after a commit together with what the change did to its queue:
 * `queue:changed` for every screen, and `ticket:place` to the status page of each of the first
 * waiting tickets whose place or estimate moved. Those further back refresh their page themselves.
 */
export function createQueueAnnouncer({
  db,
  clock,
  publisher,
}: {
  db: Db;
  clock: Clock;
  publisher: Publisher;
}) {
  // Per centre, what each leading ticket's page was last told; bounded by the leaders themselves.
  const lastTold = new Map<string, Map<string, string>>();

  async function placeEvents(centre: CentreRecord, queue: QueueState): Promise<CentreEvent[]> {
    const told = lastTold.get(centre.id) ?? new Map<string, string>();
    const now = new Map<string, string>();
    const moved: { ticketId: string; place: ReturnType<QueueState["placeOf"]> }[] = [];
    for (const { ticketId, place } of queue.leaders(PLACE_UPDATES_FOR_FIRST)) {
      const key = `${place.position}|${place.estimatedWaitMinutes}`;
      now.set(ticketId, key);
      if (told.get(ticketId) !== key) moved.push({ ticketId, place });
    }
    lastTold.set(centre.id, now);
    if (moved.length === 0) return [];
    const rows = await ticketsRepository.byIds(
      db,
      moved.map((m) => m.ticketId),
    );
    return rows
      .filter((row) => row.status === "waiting")
      .map((row) => ({
        name: "ticket:place" as const,
        payload: { centreId: centre.id, ticket: toTicket(row, null, queue.placeOf(row.id)) },
      }));
  }

  return {
    /** Loads the queue once, publishes `build(queue)` and the queue's own events; returns the queue. */
    async announce(
      centre: CentreRecord,
      build: (queue: QueueState) => CentreEvent[] = () => [],
      placesFor: QueueLoadOptions["placesFor"] = [],
    ): Promise<QueueState> {
      const queue = await QueueState.load(db, centre, clock.now(), {
        leaders: PLACE_UPDATES_FOR_FIRST,
        placesFor,
      });
      const events: CentreEvent[] = [
        ...build(queue),
        { name: "queue:changed", payload: { centreId: centre.id, services: queue.services() } },
      ];
      events.push(...(await placeEvents(centre, queue)));
      publisher.publish(events);
      return queue;
    },
  };
}

export type QueueAnnouncer = ReturnType<typeof createQueueAnnouncer>;
