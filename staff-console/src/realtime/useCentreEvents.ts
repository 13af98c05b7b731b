import type { AlertCleared, AlertRaised } from "@dost/shared";
import { connectLive } from "@dost/shared/client";
import { useEffect, useEffectEvent, useState } from "react";

export interface CentreEventHandlers {
  /** Something in the centre changed: tickets, queues or counters. */
  onChange(): void;
  /** (Re)connected: events may have been missed, so rebuild everything. */
  onResync(): void;
  /** The handshake was refused for our credentials. */
  onUnauthenticated(): void;
  /**
   * The server dropped us on purpose: a sign-out elsewhere revokes the session and disconnects its
   * sockets. Ask the API whether the session still holds; it answers 401 if not.
   */
  onServerDisconnect(): Promise<boolean>;
  /** An alert of the centre was raised (or turned critical): managers and watchers only get these. */
  onAlertRaised?(alert: AlertRaised): void;
  /** An alert of the centre ended. */
  onAlertCleared?(cleared: AlertCleared): void;
}

/**
 * The centre's live events over socket.io. Staff sockets join their centre's staff room on the
 * server; an admin, who belongs to no centre, subscribes to the one it works in.
 */
export function useCentreEvents(
  centreId: string,
  token: string | null,
  subscribe: boolean,
  handlers: CentreEventHandlers,
): { online: boolean } {
  const [online, setOnline] = useState(false);
  const onChange = useEffectEvent(() => handlers.onChange());
  const onResync = useEffectEvent(() => handlers.onResync());
  const onUnauthenticated = useEffectEvent(() => handlers.onUnauthenticated());
  const onServerDisconnect = useEffectEvent(() => handlers.onServerDisconnect());
  const onAlertRaised = useEffectEvent((alert: AlertRaised) => handlers.onAlertRaised?.(alert));
  const onAlertCleared = useEffectEvent((cleared: AlertCleared) => handlers.onAlertCleared?.(cleared));

  useEffect(() => {
    const belongsHere = (payload: { centreId: string }) => payload.centreId === centreId;
    const changed = (payload: { centreId: string }) => belongsHere(payload) && onChange();
    // Without a token in this tab, the handshake sends the httpOnly session cookie.
    const connection = connectLive({
      ...(token ? { auth: { token } } : {}),
      ...(subscribe ? { subscribe: { centreId } } : {}),
      onStatus: (status) => setOnline(status === "online"),
      onResync: () => onResync(),
      onRefused: () => onUnauthenticated(),
      onServerDisconnect: () => onServerDisconnect(),
      on: {
        "ticket:called": changed,
        "ticket:updated": changed,
        "queue:changed": changed,
        "counter:changed": changed,
        "alert:raised": (p) => belongsHere(p) && onAlertRaised(p),
        "alert:cleared": (p) => belongsHere(p) && onAlertCleared(p),
      },
    });
    return () => connection.close();
  }, [centreId, token, subscribe]);

  return { online };
}
