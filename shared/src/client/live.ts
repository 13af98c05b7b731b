import { io, type Socket } from "socket.io-client";
import type { z } from "zod";
import { alertClearedSchema, alertRaisedSchema } from "../api/monitoring.js";
import {
  counterChangedSchema,
  displayChangedSchema,
  queueChangedSchema,
  sessionEndedSchema,
  ticketCalledSchema,
  ticketUpdatedSchema,
  type ServerToClientEvents,
} from "../realtime/events.js";

/**
 * The one live connection of the three apps. Every payload is checked against the wire schema
 * before an app sees it (a screen that runs for weeks must not break on one malformed event), and
 * every loss of the connection is retried by the one policy below.
 */

export type LiveEvent = keyof ServerToClientEvents;
export type LivePayload<E extends LiveEvent> = Parameters<ServerToClientEvents[E]>[0];

/** The schema each server event is checked against; the type keeps it in step with the map. */
export const LIVE_EVENT_SCHEMAS: { readonly [E in LiveEvent]: z.ZodType<LivePayload<E>> } = {
  "ticket:called": ticketCalledSchema,
  "ticket:updated": ticketUpdatedSchema,
  "ticket:place": ticketUpdatedSchema,
  "session:ended": sessionEndedSchema,
  "queue:changed": queueChangedSchema,
  "counter:changed": counterChangedSchema,
  "display:changed": displayChangedSchema,
  "alert:raised": alertRaisedSchema,
  "alert:cleared": alertClearedSchema,
};

/**
 * Handshake credentials: a paired device's key, a status page's ticket, or a staff token. None
 * sends the staff session's httpOnly cookie instead.
 */
export type LiveAuth = { deviceKey: string } | { publicId: string } | { token: string };

export type LiveHandlers = { [E in LiveEvent]?: (payload: LivePayload<E>) => void };

/**
 * The reconnect policy: 1 s, 2 s, 4 s … capped at 5 s, each delay drawn from its upper half so a
 * centre's screens do not all come back in the same instant after a server restart.
 */
export const RECONNECT_FIRST_DELAY_MS = 1_000;
export const RECONNECT_MAX_DELAY_MS = 5_000;

export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_MAX_DELAY_MS, RECONNECT_FIRST_DELAY_MS * 2 ** attempt);
  return ceiling * (0.5 + random() / 2);
}

export interface LiveOptions {
  auth?: LiveAuth;
  /** A centre to watch besides the rooms the server joins by itself (an admin's centre). */
  subscribe?: { centreId: string };
  /** The app's handlers, called with validated payloads only. */
  on: LiveHandlers;
  /**
   * Connected, the first time or again, and again once a subscription is confirmed: events may
   * have been missed meanwhile, so the app reloads what it shows.
   */
  onResync(): void;
  /** Up on every connection; down on every loss and every failed attempt. */
  onStatus?(status: "online" | "offline"): void;
  /** The server refused the credentials (a revoked key, an unknown ticket): final, not retried. */
  onRefused(): void;
  /**
   * The server dropped the socket on purpose (a sign-out elsewhere). Resolve true to reconnect;
   * without this handler the connector reconnects.
   */
  onServerDisconnect?(): Promise<boolean>;
  /** A payload failed its schema and was dropped. Gets the field paths only, never the values. */
  onInvalid?(event: LiveEvent, fields: string[]): void;
  /** Where the server is; the page's own origin when omitted (the apps are served by it). */
  url?: string;
  /** Test seam for the jitter. */
  random?: () => number;
}

export interface LiveConnection {
  close(): void;
}

/** The handshake refusal that means "these credentials will never do"; anything else is retried. */
const REFUSED = "UNAUTHENTICATED";

export function connectLive(options: LiveOptions): LiveConnection {
  const socketOptions = {
    path: "/socket.io",
    ...(options.auth ? { auth: options.auth } : {}),
    withCredentials: true,
    // socket.io's own reconnection gives up in some cases (a refused handshake, a server that ended
    // the session) and has its own timing; one policy here covers every case instead.
    reconnection: false,
    timeout: 10_000,
  };
  const socket: Socket = options.url ? io(options.url, socketOptions) : io(socketOptions);
  let closed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const retryLater = () => {
    if (closed) return;
    clearTimeout(retryTimer);
    const delay = reconnectDelay(attempt, options.random);
    attempt += 1;
    retryTimer = setTimeout(() => {
      if (!closed && !socket.connected) socket.connect();
    }, delay);
  };

  socket.on("connect", () => {
    attempt = 0;
    options.onStatus?.("online");
    options.onResync();
    const wanted = options.subscribe;
    // The server joins the room only once it has looked the centre up: an event in that moment
    // would be missed, so resync again when it confirms.
    if (wanted)
      socket.emit("subscribe", { centreId: wanted.centreId }, (result: { ok: boolean }) => {
        if (result.ok && !closed) options.onResync();
      });
  });
  socket.on("disconnect", (reason: string) => {
    options.onStatus?.("offline");
    if (reason === "io client disconnect") return;
    if (reason === "io server disconnect" && options.onServerDisconnect) {
      void options.onServerDisconnect().then(
        (stay) => stay && retryLater(),
        () => retryLater(),
      );
      return;
    }
    retryLater();
  });
  socket.on("connect_error", (error: Error) => {
    options.onStatus?.("offline");
    if (error.message === REFUSED) options.onRefused();
    else retryLater();
  });

  for (const event of Object.keys(options.on) as LiveEvent[]) listen(socket, event, options);

  // When the device itself loses its network the browser knows at once, long before a ping times
  // out: close the transport so the retries (and the offline badge) start now. When it is back,
  // try at once instead of waiting out the backoff.
  const browser = typeof window === "undefined" ? null : window;
  const onOffline = () => socket.io?.engine?.close();
  const onOnline = () => {
    if (socket.connected || closed) return;
    clearTimeout(retryTimer);
    attempt = 0;
    socket.connect();
  };
  browser?.addEventListener("offline", onOffline);
  browser?.addEventListener("online", onOnline);

  return {
    close() {
      closed = true;
      browser?.removeEventListener("offline", onOffline);
      browser?.removeEventListener("online", onOnline);
      clearTimeout(retryTimer);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}

function listen<E extends LiveEvent>(socket: Socket, event: E, options: LiveOptions): void {
  const handler = options.on[event] as ((payload: LivePayload<E>) => void) | undefined;
  if (!handler) return;
  const schema: z.ZodType<LivePayload<E>> = LIVE_EVENT_SCHEMAS[event];
  socket.on(event as string, (payload: unknown) => {
    const parsed = schema.safeParse(payload);
    if (parsed.success) return handler(parsed.data);
    const fields = parsed.error.issues.map((issue) => issue.path.join(".") || "(payload)");
    if (options.onInvalid) options.onInvalid(event, fields);
    else console.warn(`Dropped a malformed ${event} event (${fields.join(", ")})`);
  });
}
