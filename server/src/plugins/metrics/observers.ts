import type { CentreRecord } from "../../modules/catalog/centre-directory.js";
import type { TicketService } from "../../modules/tickets/tickets.service.js";
import type { Publisher } from "../realtime/publisher.js";
import type { Instruments } from "./instruments.js";

/**
 * Metrics are observed from outside the services: decorators around the publisher and the ticket
 * service count what passes through them, so no use case knows it is measured.
 */

/** Finds a centre by id (the directory's cached lookup). */
export type FindCentre = (centreId: string) => Promise<CentreRecord | null>;

/** Centre codes for labels (readable on a dashboard, and as few as the centres). */
function centreLabeller(findCentre: FindCentre) {
  const codes = new Map<string, string>();
  return (centreId: string, count: (code: string) => void): void => {
    const known = codes.get(centreId);
    if (known) return count(known);
    // The directory answers from its cache; the count lands a microtask later.
    findCentre(centreId).then(
      (centre) => {
        const code = centre?.code ?? "unknown";
        codes.set(centreId, code);
        count(code);
      },
      () => count("unknown"),
    );
  };
}

export function observePublisher(
  inner: Publisher,
  instruments: Instruments,
  findCentre: FindCentre,
): Publisher {
  const label = centreLabeller(findCentre);
  return {
    // Disconnecting sessions, users and devices passes through unchanged.
    ...inner,
    publish(events) {
      inner.publish(events);
      for (const event of events) {
        instruments.realtimeEvents.inc({ event: event.name });
        if (event.name === "ticket:called") {
          const recall = String(event.payload.recall);
          label(event.payload.centreId, (centre) => instruments.ticketCalls.inc({ centre, recall }));
        }
      }
    },
  };
}

/**
 * Counts issued tickets where they are made: `issue` (a kiosk or a member of staff; a replayed
 * Idempotency-Key is not a new ticket) and `announceIssued` (an appointment's check-in). A
 * `ticket:updated` event cannot tell an issue from a transfer back into a queue.
 */
export function observeTickets(
  inner: TicketService,
  instruments: Instruments,
  findCentre: FindCentre,
): TicketService {
  const label = centreLabeller(findCentre);
  const count = (centreId: string) => label(centreId, (centre) => instruments.ticketsIssued.inc({ centre }));
  return {
    ...inner,
    async issue(...args) {
      const result = await inner.issue(...args);
      if (result.created) count(result.ticket.centreId);
      return result;
    },
    async announceIssued(row) {
      const ticket = await inner.announceIssued(row);
      count(ticket.centreId);
      return ticket;
    },
  };
}
