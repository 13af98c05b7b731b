import type { ClientToServerEvents, ServerToClientEvents } from "@dost/shared";
import { io, type Socket } from "socket.io-client";

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client over websocket; resolves once connected, rejects with the refusal. */
export function connectSocket(url: string, auth: Record<string, string>): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    auth,
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** The next `event` on `socket`, or a rejection after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
  ms = 3000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    // socket.io's typed `once` cannot express a listener for a generic event name.
    (socket.once as (name: string, fn: (payload: Parameters<ServerToClientEvents[E]>[0]) => void) => void)(
      event,
      (payload) => {
        clearTimeout(timer);
        resolve(payload);
      },
    );
  });
}

/** Collects every `event` on `socket` from now on. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  (socket.on as (name: string, fn: (payload: Parameters<ServerToClientEvents[E]>[0]) => void) => void)(
    event,
    (p) => seen.push(p),
  );
  return seen;
}
