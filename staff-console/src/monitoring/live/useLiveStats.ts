import type { LiveStats, Service } from "@dost/shared";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import { ApiError, type FailureCode } from "../../api/http.js";
import { createRefresher } from "../../realtime/refresher.js";
import { useCentreEvents } from "../../realtime/useCentreEvents.js";
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
  const { api, token, expire } = useSession();
  const [stats, setStats] = useState<LiveStats | null>(null);
  const [services, setServices] = useState<Service[]>([]);
  const [failure, setFailure] = useState<FailureCode | null>(null);
  const catalogDue = useRef(true);
  const refresher = useRef<ReturnType<typeof createRefresher> | null>(null);

  const load = useEffectEvent(async () => {
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
  });

  useEffect(() => {
    const instance = createRefresher(() => load(), LIVE_DEBOUNCE_MS);
    refresher.current = instance;
    instance.now();
    const poll = setInterval(() => instance.request(), LIVE_POLL_MS);
    return () => {
      clearInterval(poll);
      instance.stop();
      refresher.current = null;
    };
  }, [centreId]);

  const { online } = useCentreEvents(centreId, token, subscribe, {
    onChange: () => refresher.current?.request(),
    onResync: () => {
      // Services may have been renamed or added while we were away.
      catalogDue.current = true;
      refresher.current?.now();
    },
    onUnauthenticated: () => expire(token),
    // Only a 401 means the session is gone (the API's handler signs out); anything else is the
    // network, and the socket keeps trying.
    onServerDisconnect: () =>
      api.me().then(
        () => true,
        (error: unknown) => !(error instanceof ApiError && error.status === 401),
      ),
  });

  return { stats, services, failure, online };
}
