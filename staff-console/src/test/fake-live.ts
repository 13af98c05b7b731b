import type { LiveConnection, LiveEvent, LiveOptions } from "@dost/shared/client";

/**
 * A stand-in for the live connector (`connectLive` of `@dost/shared/client`): the test plays the
 * server. Payload validation and reconnection are the connector's, proved against a real socket.io
 * server in shared/src/client/live.test.ts; here the screens' use of the connection is tested.
 *
 *     vi.mock("@dost/shared/client", async (original) => ({
 *       ...(await original<object>()),
 *       connectLive: (await import("../test/fake-live.js")).fakeConnectLive,
 *     }));
 */

interface Subscription {
  centreId: string;
  /** The server's answer to the subscribe request. */
  confirm(ok: boolean): void;
}

const open = new Set<LiveOptions>();

export const live = {
  /** Every subscribe request sent on a (re)connection, in order. */
  subscriptions: [] as Subscription[],

  /** Every open connection (re)connects: up, resync, and subscribe where asked to. */
  connect(): void {
    for (const options of [...open]) {
      options.onStatus?.("online");
      options.onResync();
      const wanted = options.subscribe;
      if (wanted)
        live.subscriptions.push({
          centreId: wanted.centreId,
          confirm: (ok) => {
            if (ok && open.has(options)) options.onResync();
          },
        });
    }
  },

  /** The connection is lost. */
  disconnect(): void {
    for (const options of [...open]) options.onStatus?.("offline");
  },

  /** The server sends an event to every open connection that listens for it. */
  send(event: LiveEvent, payload: unknown): void {
    for (const options of [...open]) {
      const handler = options.on[event] as ((payload: unknown) => void) | undefined;
      handler?.(payload);
    }
  },

  /** Forget everything between tests. */
  reset(): void {
    open.clear();
    live.subscriptions = [];
  },
};

export function fakeConnectLive(options: LiveOptions): LiveConnection {
  open.add(options);
  return { close: () => void open.delete(options) };
}
