import type { Publisher } from "../../core/realtime.js";
import type { Instruments } from "./instruments.js";

/**
 * Metrics are observed from outside the use cases: a decorator around the publisher counts the
 * calls that pass through it, and the HTTP hook counts tickets issued, so no service knows it is
 * measured.
 */

/** A centre's code by its id (the directory's cached lookup), for labels. */
export type CentreCode = (centreId: string) => Promise<string | null>;

/** Centre codes for labels (readable on a dashboard, and as few as the centres). */
export function centreLabeller(codeOf: CentreCode) {
  const codes = new Map<string, string>();
  return (centreId: string, count: (code: string) => void): void => {
    const known = codes.get(centreId);
    if (known) return count(known);
    // The directory answers from its cache; the count lands a microtask later.
    codeOf(centreId).then(
      (code) => {
        codes.set(centreId, code ?? "unknown");
        count(code ?? "unknown");
      },
      () => count("unknown"),
    );
  };
}

export function observePublisher(inner: Publisher, instruments: Instruments, codeOf: CentreCode): Publisher {
  const label = centreLabeller(codeOf);
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
 * The routes that make a ticket (a kiosk's, staff's or volunteer's issue, and an appointment's
 * check-in): a 201 from one of them is a new ticket; a replayed Idempotency-Key answers 200.
 */
export const ISSUING_ROUTES = new Set([
  "POST /api/v1/centres/:centreId/tickets",
  "POST /api/v1/centres/:centreId/check-in",
]);
