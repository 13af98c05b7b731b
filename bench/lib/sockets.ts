import { io, type Socket } from "socket.io-client";
import { inBatches } from "./staff.js";

export interface OpenedSockets {
  sockets: Socket[];
  /** Per auth given, its connected socket or null. */
  byIndex: (Socket | null)[];
  failed: number;
  /** Reasons of the failed handshakes, counted. */
  errors: Record<string, number>;
  seconds: number;
}

/**
 * Opens one socket.io connection per `auth`, over WebSocket only (a display's browser would start
 * with long-polling and upgrade; only the steady state matters here), `concurrency` handshakes at a
 * time. Each socket is its own connection: `forceNew` stops socket.io-client from multiplexing them.
 */
export async function openSockets(
  url: string,
  auths: readonly Record<string, string>[],
  concurrency: number,
  prepare: (socket: Socket, index: number) => void = () => undefined,
): Promise<OpenedSockets> {
  const started = Date.now();
  const errors: Record<string, number> = {};
  const opened = await inBatches(auths, concurrency, (auth, i) => {
    const socket = io(url, {
      path: "/socket.io",
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      timeout: 30_000,
      auth,
    });
    prepare(socket, i);
    return new Promise<Socket | null>((resolve) => {
      socket.once("connect", () => resolve(socket));
      socket.once("connect_error", (error: Error) => {
        errors[error.message] = (errors[error.message] ?? 0) + 1;
        socket.close();
        resolve(null);
      });
    });
  });
  const sockets = opened.filter((s): s is Socket => s !== null);
  return {
    sockets,
    byIndex: opened,
    failed: auths.length - sockets.length,
    errors,
    seconds: (Date.now() - started) / 1000,
  };
}

export function closeSockets(sockets: readonly Socket[]): void {
  for (const socket of sockets) socket.close();
}
