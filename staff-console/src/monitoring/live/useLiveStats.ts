import type { LiveStats, Service } from "@dost/shared";
import { useRef, useState } from "react";
import { ApiError, type FailureCode } from "@dost/shared/client";
import { useLiveRefresh } from "../../realtime/useLiveRefresh.js";
import { useSession } from "../../session/session.js";

/** A call emits several events at once; this gathers a burst into one fetch. */
export const LIVE_DEBOUNCE_MS = 300;
/** A backstop under the events: even one missed silently is corrected within this time. */
export const LIVE_POLL_MS = 30_000;

export interface LiveData {
  stats: LiveStats | null;
  services: Service[];
  failure: FailureCode | null;
  online: boolean;
}

/**
 * A centre's live figures as the server computes them: fetched again after every event of the
 * centre (debounced), rebuilt on every (re)connect, and polled as a backstop. Nothing is guessed
 * here; only the screen counts timers on from the moment the server measured them.
 */
export function useLiveStats(centreId: string, subscribe: boolean): LiveData {
  const { api } = useSession();
  const [stats, setStats] = useState<LiveStats | null>(null);
  const [services, setServices] = useState<Service[]>([]);
  const [failure, setFailure] = useState<FailureCode | null>(null);
  const catalogDue = useRef(true);

  const { online } = useLiveRefresh({
    centreId,
    subscribe,
    debounceMs: LIVE_DEBOUNCE_MS,
    pollMs: LIVE_POLL_MS,
    // Services may have been renamed or added while we were away.
    onResync: () => (catalogDue.current = true),
    load: async () => {
      try {
        const [catalog, live] = await Promise.all([
          catalogDue.current ? api.services(centreId) : Promise.resolve(null),
          api.liveStats(centreId),
        ]);
        if (catalog) {
          catalogDue.current = false;
          setServices(catalog);
        }
        setStats(live);
        setFailure(null);
      } catch (error) {
        setFailure(error instanceof ApiError ? error.code : "NETWORK");
      }
    },
  });

  return { stats, services, failure, online };
}
