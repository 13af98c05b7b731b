import type { ClientToServerEvents, ServerToClientEvents } from "@dost/shared";
import type { Server } from "socket.io";
import type { Principal } from "../../core/principal.js";
import type { CentreEvent, Publisher } from "../../core/realtime.js";
import type { ConfigChangeEvents } from "./config-changes.js";
import { rooms } from "./rooms.js";

export interface SocketData {
  principal?: Principal;
}

export type SocketServer = Server<ClientToServerEvents, ServerToClientEvents, ConfigChangeEvents, SocketData>;

export function roomsFor(event: CentreEvent): string[] {
  const centreId = event.payload.centreId;
  switch (event.name) {
    case "ticket:called":
      return [rooms.centreDisplays(centreId), rooms.centreStaff(centreId)];
    case "ticket:updated":
      return [rooms.centreStaff(centreId), rooms.ticket(event.payload.ticket.publicId)];
    case "ticket:place":
      return [rooms.ticket(event.payload.ticket.publicId)];
    case "queue:changed":
      return [rooms.centreDisplays(centreId), rooms.centreStaff(centreId), rooms.centreKiosks(centreId)];
    case "counter:changed":
      return [rooms.centreStaff(centreId)];
    case "display:changed":
      return [rooms.centreDisplays(centreId), rooms.centreStaff(centreId)];
    case "alert:raised":
    case "alert:cleared":
      return [rooms.centreMonitors(centreId)];
  }
}

export function createSocketPublisher(io: SocketServer): Publisher {
  return {
    publish(events) {
      for (const event of events) {
        // The union narrows per event, but emit() cannot follow a computed name; the pairing of name
        // and payload is guaranteed by the RealtimeEvent type.
        (io.to(roomsFor(event)).emit as (name: string, payload: unknown) => void)(event.name, event.payload);
      }
    },
    disconnectSession(sessionId) {
      // Say why first, so a console can tell "signed out" from a network drop. Locally only: through
      // a cluster adapter the broadcast waits for the adapter's round trip and would arrive after the
      // disconnect; a console on another process learns the reason from /auth/me instead.
      io.local.to(rooms.session(sessionId)).emit("session:ended", { reason: "signed_out" });
      io.in(rooms.session(sessionId)).disconnectSockets(false);
    },
    disconnectUser(userId) {
      io.local.to(rooms.user(userId)).emit("session:ended", { reason: "revoked" });
      io.in(rooms.user(userId)).disconnectSockets(true);
    },
    disconnectDevice(deviceId) {
      io.in(rooms.device(deviceId)).disconnectSockets(true);
    },
  };
}
