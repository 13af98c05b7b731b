import type { ClientToServerEvents, QueueChanged, ServerToClientEvents, TicketUpdated } from "@dost/shared";
import { useEffect, useEffectEvent, useState } from "react";
import { io, type Socket } from "socket.io-client";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A kiosk hears its centre's queue; a status page hears its one ticket. */
export type LiveAuth = { deviceKey: string } | { publicId: string };

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
 * After a refused handshake socket.io gives up; unless the refusal was about the credentials (the
 * database was away, say), try again after this long, so live figures come back by themselves.
 */
export const HANDSHAKE_RETRY_MS = 5_000;

/**
 * Keeps a socket.io connection open while mounted and reports whether it is known to be down
 * (not before the first attempt has failed, so a screen does not flash a warning while connecting).
 * socket.io reconnects by itself after a lost connection; a refused handshake is retried here,
 * except a refusal of the credentials, which is final and handed to `onRefused`.
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
    const socket: LiveSocket = io({ path: "/socket.io", auth: JSON.parse(authKey) as LiveAuth });
    let retry: number | undefined;
    socket.on("connect", () => {
      setOffline(false);
      onConnect();
    });
    socket.on("disconnect", () => setOffline(true));
    socket.on("connect_error", (error) => {
      setOffline(true);
      if (error.message === "UNAUTHENTICATED") return onRefused();
      if (!socket.active) retry = window.setTimeout(() => socket.connect(), HANDSHAKE_RETRY_MS);
    });
    socket.on("queue:changed", (payload) => onQueueChanged(payload));
    socket.on("ticket:updated", (payload) => onTicketUpdated(payload));
    // Sent to the first waiting tickets of a service when their place moves.
    socket.on("ticket:place", (payload) => onTicketUpdated(payload));
    return () => {
      window.clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
      setOffline(false);
    };
  }, [authKey]);

  return { offline };
}
