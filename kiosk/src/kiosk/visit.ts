import type { Language, Priority, Service, Ticket } from "@dost/shared";
import type { Refusal } from "../api/client.js";
import type { CheckInProblemKind } from "../checkin/CheckInProblem.js";

/**
 * Where the visitor at the kiosk is. An attempt to take a ticket carries one idempotency key from
 * the moment the service is chosen: a double tap, or a retry after a lost answer, reuses it, so the
 * server hands back the same ticket rather than a second one.
 */
export type Visit =
  | { step: "start" }
  // The service's documents, asked about before the priority question (skipped when it needs none).
  | { step: "documents"; service: Service; attemptKey: string }
  // An optional phone for texts about the ticket, then the priority question; the phone rides along.
  | { step: "phone"; service: Service; attemptKey: string }
  | { step: "priority"; service: Service; attemptKey: string; phone?: string }
  | { step: "issuing"; service: Service; attemptKey: string; priority: Priority; phone?: string }
  | {
      step: "failed";
      service: Service;
      attemptKey: string;
      priority: Priority;
      /** The language the attempt was sent in: a retry resends the same request, whatever the screen shows now. */
      language: Language;
      problem: "unreachable" | "not-issuing";
      phone?: string;
    }
  /** `serverPrint`: the server prints it on the kiosk's network printer, so the browser does not. */
  | { step: "ticket"; service: Service; ticket: Ticket; serverPrint?: boolean }
  // A visitor with an appointment: the code entry, the check-in in flight, or why it was refused.
  | { step: "check-in"; code: string }
  | { step: "checking-in"; code: string }
  | { step: "check-in-failed"; code: string; problem: CheckInProblemKind; refusal?: Refusal };

export const START: Visit = { step: "start" };
