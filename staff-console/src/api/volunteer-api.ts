import { ticketResponseSchema, type Language, type Priority, type Ticket } from "@dost/shared";
import type { createHttp } from "./http.js";

/** What a volunteer issues for a visitor (CONTRACT.md "Tickets"). */
export interface VolunteerIssue {
  serviceId: string;
  priority: Priority;
  /** The visitor's language: the status page and the calls speak it. */
  language: Language;
}

const at = (id: string) => encodeURIComponent(id);

/**
 * The two calls of the volunteer's tablet, kept apart so they move with the console's other
 * clients: a walk-in ticket, and an appointment's check-in by its code.
 */
export function volunteerEndpoints(http: ReturnType<typeof createHttp>) {
  return {
    issue: async (centreId: string, body: VolunteerIssue): Promise<Ticket> =>
      (await http.post(`/centres/${at(centreId)}/tickets`, body, ticketResponseSchema)).ticket,
    checkIn: async (centreId: string, code: string): Promise<Ticket> =>
      (await http.post(`/centres/${at(centreId)}/check-in`, { code }, ticketResponseSchema)).ticket,
  };
}
