import type { SocketServer } from "./publisher.js";

/** The configuration a process caches, by what a change invalidates. */
export type ConfigKind = "centres" | "devices";

/** The server-to-server event a configuration change crosses as (never sent to a client). */
export interface ConfigChangeEvents {
  "config:changed": (kind: ConfigKind) => void;
}

export interface ConfigChanges {
  /**
   * Tells every other process that `kind` changed; resolves once the notice is on its way, so an
   * event published after it reaches the other processes after it. Never rejects: if the database
   * is away the notice is lost, and the other processes' caches expire by their TTL instead.
   */
  announce(kind: ConfigKind): Promise<void>;
  /** What this process drops when another one announces `kind`. */
  on(kind: ConfigKind, drop: () => void): void;
}

/** The cluster adapter's way of sending one message and waiting for it to be sent (protected in its types). */
interface PublishingAdapter {
  publishAndReturnOffset(message: { type: number; data: { packet: unknown[] } }): Promise<unknown>;
}

/** socket.io-adapter's MessageType.SERVER_SIDE_EMIT, the type `io.serverSideEmit` sends. */
const SERVER_SIDE_EMIT = 9;

/**
 * Configuration changes between server processes, through the socket.io adapter's own channel:
 * PostgreSQL LISTEN/NOTIFY (or Redis Streams). The notice goes on the same channel, and is read by
 * the same listening connection, as the live events, so a display told `display:changed` by another
 * process reads the new configuration when it refetches: the notice is sent (its NOTIFY committed)
 * before the event is even published, and PostgreSQL delivers notifications in commit order.
 * `io.serverSideEmit` would not wait for its NOTIFY, and the pool could then send the event first.
 * Without a cluster adapter (the embedded database: one process) there is nobody to tell.
 */
export function createConfigChanges(io: SocketServer): ConfigChanges {
  const drops = new Map<ConfigKind, (() => void)[]>();
  io.on("config:changed", (kind) => {
    for (const drop of drops.get(kind) ?? []) drop();
  });
  return {
    async announce(kind) {
      const adapter = io.of("/").adapter as unknown as Partial<PublishingAdapter>;
      if (typeof adapter.publishAndReturnOffset !== "function") return;
      await adapter
        .publishAndReturnOffset({ type: SERVER_SIDE_EMIT, data: { packet: ["config:changed", kind] } })
        .catch(() => undefined);
    },
    on(kind, drop) {
      drops.set(kind, [...(drops.get(kind) ?? []), drop]);
    },
  };
}
