import { useCallback, useEffect, useEffectEvent, useRef } from "react";
import { ApiError } from "@dost/shared/client";
import { useSession } from "../session/session.js";
import { createRefresher } from "./refresher.js";
import { useCentreEvents } from "./useCentreEvents.js";

export interface LiveRefreshOptions {
  centreId: string;
  /** An admin's socket must subscribe to the centre; a member of it is in its room already. */
  subscribe: boolean;
  /** Fetches the screen's data; called on start, after each burst of events, on reconnect and by poll. */
  load: () => Promise<void>;
  debounceMs: number;
  pollMs: number;
  /** Called on every (re)connect before the reload: what may have changed while away is due again. */
  onResync?: () => void;
  /** Whether to load as soon as the centre is known (false when the screen starts loads itself). */
  loadOnStart?: boolean;
}

/**
 * Keeps a screen's data as the server has it: `load` runs after every event of the centre
 * (bursts gathered into one), at once on every (re)connect, and by a slow poll as a backstop. A
 * refused socket signs the session out; a dropped one asks the server whether the session still
 * stands, so only a 401 signs out and the network is simply retried.
 */
export function useLiveRefresh(options: LiveRefreshOptions) {
  const { api, token, expire } = useSession();
  const refresher = useRef<ReturnType<typeof createRefresher> | null>(null);
  const run = useEffectEvent(() => options.load());
  const { centreId, debounceMs, pollMs, loadOnStart = true } = options;

  useEffect(() => {
    const instance = createRefresher(() => run(), debounceMs);
    refresher.current = instance;
    if (loadOnStart) instance.now();
    const poll = setInterval(() => instance.request(), pollMs);
    return () => {
      clearInterval(poll);
      instance.stop();
      refresher.current = null;
    };
  }, [centreId, debounceMs, pollMs, loadOnStart]);

  const { online } = useCentreEvents(centreId, token, options.subscribe, {
    onChange: () => refresher.current?.request(),
    // useCentreEvents calls these as effect events, so they see this render's options.
    onResync: () => {
      options.onResync?.();
      refresher.current?.now();
    },
    onUnauthenticated: () => expire(token),
    onServerDisconnect: () =>
      api.me().then(
        () => true,
        (error: unknown) => !(error instanceof ApiError && error.status === 401),
      ),
  });

  /** Loads now (after any load in progress): for an action's answer or a new choice on screen. */
  const now = useCallback(() => refresher.current?.now(), []);
  /** Loads after the debounce: for "this may be stale". */
  const request = useCallback(() => refresher.current?.request(), []);
  return { online, now, request };
}
