import type { ClientToServerEvents, ServerToClientEvents } from "@dost/shared";
import type { Server } from "socket.io";
import type { Principal } from "../../core/principal.js";
import type { CentreEvent, Publisher } from "../../core/realtime.js";
import type { ConfigChangeEvents } from "./config-changes.js";
import { rooms } from "./rooms.js";

export interface SocketData {
  principal?: Principal;
}

/** The server-to-server event that carries one publish's events to the other processes. */
export interface PublishedEvents {
  "centre:events": (events: CentreEvent[]) => void;
}

export type SocketServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  ConfigChangeEvents & PublishedEvents,
  SocketData
>;

/**
 * How a publish reaches every socket. `local-first`: this process's sockets at once, and the other
 * processes through one adapter message per publish (one NOTIFY per commit, however many events),
 * each delivering to its own sockets; nobody waits for the NOTIFY's round trip. `adapter`: every
 * event is broadcast through the adapter, which delivers locally only after its own round trip but
 * numbers each packet, so a socket that reconnects gets what it missed (connection state recovery,
 * on with Redis Streams).
 */
export type Delivery = { kind: "local-first"; crossProcess: boolean } | { kind: "adapter" };

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

function emitEach(to: (rooms: string[]) => { emit: unknown }, events: readonly CentreEvent[]): void {
  for (const event of events) {
    // The union narrows per event, but emit() cannot follow a computed name; the pairing of name
    // and payload is guaranteed by the RealtimeEvent type.
    (to(roomsFor(event)).emit as (name: string, payload: unknown) => void)(event.name, event.payload);
  }
}

export function createSocketPublisher(
  io: SocketServer,
  delivery: Delivery = { kind: "local-first", crossProcess: false },
): Publisher {
  const local = (events: readonly CentreEvent[]) => emitEach((r) => io.local.to(r), events);
  if (delivery.kind === "local-first" && delivery.crossProcess) io.on("centre:events", local);
  return {
    publish(events) {
      if (delivery.kind === "adapter") {
        emitEach((r) => io.to(r), events);
        return;
      }
      local(events);
      // Not awaited: the adapter sends it on its own connection; a lost notice is the adapter's
      // usual failure (it logs and goes on), as a lost broadcast was.
      if (delivery.crossProcess && events.length > 0) io.serverSideEmit("centre:events", [...events]);
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
