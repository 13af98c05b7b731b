import type { ClientToServerEvents, RealtimeEvent, ServerToClientEvents } from "@dost/shared";
import type { Server } from "socket.io";
import type { Principal } from "../../modules/auth/principal.js";
import { rooms } from "./rooms.js";

/**
 * The output port for live events. Services hand it the events of a committed transaction; it alone
 * knows which rooms hear what.
 */
export interface Publisher {
  publish(events: readonly RealtimeEvent[]): void;
  disconnectSession(sessionId: string): void;
}

export interface SocketData {
  principal?: Principal;
}

export type SocketServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export function roomsFor(event: RealtimeEvent): string[] {
  const centreId = event.payload.centreId;
  switch (event.name) {
    case "ticket:called":
      return [rooms.centreDisplays(centreId), rooms.centreStaff(centreId)];
    case "ticket:updated":
      return [rooms.centreStaff(centreId), rooms.ticket(event.payload.ticket.publicId)];
    case "queue:changed":
      return [rooms.centreDisplays(centreId), rooms.centreStaff(centreId), rooms.centreKiosks(centreId)];
    case "counter:changed":
      return [rooms.centreStaff(centreId)];
    case "display:changed":
      return [rooms.centreDisplays(centreId), rooms.centreStaff(centreId)];
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
      io.in(rooms.session(sessionId)).disconnectSockets(true);
    },
  };
}

/** Collects events inside a use case so they can be published once its transaction has committed. */
export class EventBatch {
  readonly events: RealtimeEvent[] = [];
  add(event: RealtimeEvent): void {
    this.events.push(event);
  }
}
