import { serviceDay, type DisplayState, type LocalizedText } from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { notFound } from "../../lib/errors.js";
import type { Publisher } from "../../core/realtime.js";
import type { CentreDirectory } from "../catalog/index.js";
import type { QueueService } from "../queue/index.js";
import { displayRepository } from "./display.repository.js";

export const RECENT_CALLS = 10;

export interface DisplayServiceDeps {
  db: Db;
  clock: Clock;
  directory: Pick<CentreDirectory, "find" | "invalidate">;
  queue: Pick<QueueService, "state">;
  publisher: Publisher;
}

export function createDisplayService({ db, clock, directory, queue, publisher }: DisplayServiceDeps) {
  return {
    /**
     * Everything a hall display shows, to build its screen after a start or a reconnect; with a zone,
     * the last calls of that zone's counters only, so a floor's screen is never short of them.
     */
    async state(centreId: string, zone?: string): Promise<DisplayState> {
      const centre = await directory.find(db, centreId);
      if (!centre) throw notFound("Centre");
      const now = clock.now();
      const [recentCalls, state] = await Promise.all([
        displayRepository.recentCalls(db, centre.id, serviceDay(now, centre.timezone), RECENT_CALLS, zone),
        queue.state(db, centre),
      ]);
      return {
        centreId: centre.id,
        recentCalls,
        services: state.services(),
        displayMessage: centre.displayMessage,
      };
    },

    /** Sets the hall's message line; every display of the centre then refetches its state. */
    async setMessage(centreId: string, message: LocalizedText | null): Promise<void> {
      await displayRepository.setMessage(db, centreId, message);
      await directory.invalidate();
      publisher.publish([{ name: "display:changed", payload: { centreId } }]);
    },
  };
}

export type DisplayService = ReturnType<typeof createDisplayService>;
