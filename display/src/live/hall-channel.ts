import type { TicketCalled } from "@dost/shared";
import { connectLive } from "@dost/shared/client";

/** What the live connection tells the hall; the connector stays behind this seam so tests can fake it. */
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

/** The display's side of the one live connector: its device key, the calls and its settings. */
export const openHallChannel: OpenHallChannel = (deviceKey, listener) =>
  connectLive({
    auth: { deviceKey },
    onResync: () => listener.connected(),
    onStatus: (status) => {
      if (status === "offline") listener.disconnected();
    },
    onRefused: () => listener.refused(),
    on: {
      "ticket:called": (call) => listener.called(call),
      "display:changed": () => listener.changed(),
    },
  });
