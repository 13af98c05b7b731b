import {
  ticketCalledSchema,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type TicketCalled,
} from "@dost/shared";
import { io, type Socket } from "socket.io-client";

/** What the live connection tells the hall; socket.io stays behind this seam so tests can fake it. */
export interface HallListener {
  /** Connected, the first time or again: the screen is rebuilt from display-state. */
  connected(): void;
  disconnected(): void;
  /** The server refused the device key. */
  refused(): void;
  called(call: TicketCalled): void;
  /** The display's settings (its message line) changed: refetch display-state. */
  changed(): void;
}

export interface HallChannel {
  close(): void;
}

export type OpenHallChannel = (deviceKey: string, listener: HallListener) => HallChannel;

// socket.io's own backoff: 1 s, 2 s, 4 s … capped, with jitter so a centre's displays do not all
// come back in the same instant after a server restart.
const RECONNECT_DELAY_MS = 1_000;
const RECONNECT_DELAY_MAX_MS = 5_000;

export const openHallChannel: OpenHallChannel = (deviceKey, listener) => {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: "/socket.io",
    auth: { deviceKey },
    reconnection: true,
    reconnectionDelay: RECONNECT_DELAY_MS,
    reconnectionDelayMax: RECONNECT_DELAY_MAX_MS,
    randomizationFactor: 0.5,
    timeout: 10_000,
  });

  // socket.io stops retrying in two cases: the server ended the session ("io server disconnect",
  // as on a restart), and the handshake middleware refused (any connect_error while not active).
  // Unless the key itself was refused, this display keeps trying, with the same capped backoff.
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  const retryLater = () => {
    clearTimeout(retryTimer);
    const delay =
      Math.min(RECONNECT_DELAY_MAX_MS, RECONNECT_DELAY_MS * 2 ** attempt) * (0.5 + Math.random() / 2);
    attempt += 1;
    retryTimer = setTimeout(() => socket.connect(), delay);
  };

  socket.on("connect", () => {
    attempt = 0;
    listener.connected();
  });
  socket.on("disconnect", (reason) => {
    listener.disconnected();
    if (reason === "io server disconnect") retryLater();
  });
  socket.on("connect_error", (error) => {
    if (socket.active) return;
    if (error.message === "UNAUTHENTICATED") listener.refused();
    else retryLater();
  });
  socket.on("ticket:called", (payload) => {
    // A malformed event is dropped rather than allowed to break a screen that must run for weeks.
    const parsed = ticketCalledSchema.safeParse(payload);
    if (parsed.success) listener.called(parsed.data);
  });
  socket.on("display:changed", () => listener.changed());

  // When the device itself loses its network the browser knows at once, long before a ping times
  // out: close the transport so socket.io's reconnection (and the offline badge) starts now.
  const onOffline = () => socket.io.engine?.close();
  // And when it is back, try at once instead of waiting out the backoff (up to 5 s): disconnect()
  // cancels the pending attempt, connect() opens now and falls back to the backoff if it fails.
  const onOnline = () => {
    if (socket.connected) return;
    clearTimeout(retryTimer);
    socket.disconnect();
    socket.connect();
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);

  return {
    close() {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
};
