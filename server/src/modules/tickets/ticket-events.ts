import type { Ticket } from "@dost/shared";
import type { TicketRow } from "../../db/schema.js";
import type { CentreEvent } from "../../core/realtime.js";

/** The live events a ticket's change sends, built in one place for every path that makes them. */

/** A call (or a recall) for the hall displays: code, counter and when. */
export function calledEvent(
  row: TicketRow,
  counter: { id: string; label: string; zone: string },
  calledAt: Date,
  recall: boolean,
): CentreEvent {
  return {
    name: "ticket:called",
    payload: {
      centreId: row.centreId,
      ticketId: row.id,
      code: row.code,
      serviceId: row.serviceId,
      counter: { id: counter.id, label: counter.label, zone: counter.zone },
      calledAt: calledAt.toISOString(),
      recall,
    },
  };
}

/** The ticket as it is now, for staff screens and its own status page. */
export function updatedEvent(ticket: Ticket): CentreEvent {
  return { name: "ticket:updated", payload: { centreId: ticket.centreId, ticket } };
}

export function counterChangedEvent(centreId: string, counterId: string): CentreEvent {
  return { name: "counter:changed", payload: { centreId, counterId } };
}
