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
 * Keeps a socket.io connection open while mounted and reports whether it is up. socket.io retries
 * by itself; a refused handshake is final and is handed to `onRefused`.
 */
export function useLive(auth: LiveAuth | null, handlers: LiveHandlers): { online: boolean } {
  const [online, setOnline] = useState(false);
  const authKey = auth ? JSON.stringify(auth) : null;

  const onConnect = useEffectEvent(() => handlers.onConnect?.());
  const onQueueChanged = useEffectEvent((p: QueueChanged) => handlers.onQueueChanged?.(p));
  const onTicketUpdated = useEffectEvent((p: TicketUpdated) => handlers.onTicketUpdated?.(p));
  const onRefused = useEffectEvent(() => handlers.onRefused?.());

  useEffect(() => {
    if (!authKey) return;
    const socket: LiveSocket = io({ path: "/socket.io", auth: JSON.parse(authKey) as LiveAuth });
    socket.on("connect", () => {
      setOnline(true);
      onConnect();
    });
    socket.on("disconnect", () => setOnline(false));
    socket.on("connect_error", (error) => {
      setOnline(false);
      if (error.message === "UNAUTHENTICATED") onRefused();
    });
    socket.on("queue:changed", (payload) => onQueueChanged(payload));
    socket.on("ticket:updated", (payload) => onTicketUpdated(payload));
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
      setOnline(false);
    };
  }, [authKey]);

  return { online };
}
