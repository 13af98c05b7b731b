import type { AlertCleared, AlertRaised, ClientToServerEvents, ServerToClientEvents } from "@dost/shared";
import { useEffect, useEffectEvent, useState } from "react";
import { io, type Socket } from "socket.io-client";

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
    // Without a token in this tab, the handshake sends the httpOnly session cookie.
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: "/socket.io",
      ...(token ? { auth: { token } } : {}),
      withCredentials: true,
    });
    const belongsHere = (payload: { centreId: string }) => payload.centreId === centreId;

    socket.on("connect", () => {
      setOnline(true);
      onResync();
      // The server joins an admin to the centre's room only once it has looked the centre up: an
      // event in that moment would be missed, so rebuild again when it confirms.
      if (subscribe)
        socket.emit("subscribe", { centreId }, (result) => {
          if (result.ok) onResync();
        });
    });
    socket.on("disconnect", (reason) => {
      setOnline(false);
      if (reason === "io server disconnect") {
        void onServerDisconnect().then((stillSignedIn) => {
          if (stillSignedIn) socket.connect();
        });
      }
    });
    let retry: ReturnType<typeof setTimeout> | undefined;
    socket.on("connect_error", (error) => {
      setOnline(false);
      if (error.message === "UNAUTHENTICATED") return onUnauthenticated();
      // A refusal by the server's middleware (say the database is away) is not retried by the
      // client itself; transport failures are.
      if (!socket.active) retry = setTimeout(() => socket.connect(), 3000);
    });
    socket.on("ticket:called", (p) => belongsHere(p) && onChange());
    socket.on("ticket:updated", (p) => belongsHere(p) && onChange());
    socket.on("queue:changed", (p) => belongsHere(p) && onChange());
    socket.on("counter:changed", (p) => belongsHere(p) && onChange());
    socket.on("alert:raised", (p) => belongsHere(p) && onAlertRaised(p));
    socket.on("alert:cleared", (p) => belongsHere(p) && onAlertCleared(p));

    return () => {
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [centreId, token, subscribe]);

  return { online };
}
