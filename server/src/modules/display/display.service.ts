import { serviceDay, type DisplayState } from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { notFound } from "../../lib/errors.js";
import type { CentreDirectory } from "../catalog/centre-directory.js";
import { QueueState } from "../tickets/queue-state.js";
import { displayRepository } from "./display.repository.js";

export const RECENT_CALLS = 10;

export function createDisplayService({
  db,
  clock,
  centres,
}: {
  db: Db;
  clock: Clock;
  centres: CentreDirectory;
}) {
  return {
    /** Everything a hall display shows, to build its screen after a start or a reconnect. */
    async state(centreId: string): Promise<DisplayState> {
      const centre = await centres.find(centreId);
      if (!centre) throw notFound("Centre");
      const now = clock.now();
      const [recentCalls, queue] = await Promise.all([
        displayRepository.recentCalls(db, centre.id, serviceDay(now, centre.timezone), RECENT_CALLS),
        QueueState.load(db, centre, now),
      ]);
      return { centreId: centre.id, recentCalls, services: queue.services() };
    },
  };
}

export type DisplayService = ReturnType<typeof createDisplayService>;
