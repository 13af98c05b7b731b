import type { QueueChanged, TicketUpdated } from "@dost/shared";
import { connectLive, type LiveAuth as Credentials } from "@dost/shared/client";
import { useEffect, useEffectEvent, useState } from "react";

/** A kiosk hears its centre's queue; a status page hears its one ticket. */
export type LiveAuth = Extract<Credentials, { deviceKey: string } | { publicId: string }>;

export interface LiveHandlers {
  /**
   * After every connection, the first included: reload, since events may have been missed before
   * the socket joined its room or while it was away.
   */
  onConnect?(): void;
  onQueueChanged?(payload: QueueChanged): void;
  onTicketUpdated?(payload: TicketUpdated): void;
  /** The server refused the credentials (a revoked device key, an unknown ticket). */
  onRefused?(): void;
}

/**
 * Keeps the live connection open while mounted and reports whether it is known to be down (not
 * before the first attempt has failed, so a screen does not flash a warning while connecting).
 */
export function useLive(auth: LiveAuth | null, handlers: LiveHandlers): { offline: boolean } {
  const [offline, setOffline] = useState(false);
  const authKey = auth ? JSON.stringify(auth) : null;

  const onConnect = useEffectEvent(() => handlers.onConnect?.());
  const onQueueChanged = useEffectEvent((p: QueueChanged) => handlers.onQueueChanged?.(p));
  const onTicketUpdated = useEffectEvent((p: TicketUpdated) => handlers.onTicketUpdated?.(p));
  const onRefused = useEffectEvent(() => handlers.onRefused?.());

  useEffect(() => {
    if (!authKey) return;
    const connection = connectLive({
      auth: JSON.parse(authKey) as LiveAuth,
      onStatus: (status) => setOffline(status === "offline"),
      onResync: () => onConnect(),
      onRefused: () => onRefused(),
      on: {
        "queue:changed": (payload) => onQueueChanged(payload),
        "ticket:updated": (payload) => onTicketUpdated(payload),
        // Sent to the first waiting tickets of a service when their place moves.
        "ticket:place": (payload) => onTicketUpdated(payload),
      },
    });
    return () => {
      connection.close();
      setOffline(false);
    };
  }, [authKey]);

  return { offline };
}
