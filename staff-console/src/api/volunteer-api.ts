import type { Language, Priority, Ticket } from "@dost/shared";
import type { ApiClient } from "@dost/shared/client";

/** What a volunteer issues for a visitor (CONTRACT.md "Tickets"). */
export interface VolunteerIssue {
  serviceId: string;
  priority: Priority;
  /** The visitor's language: the status page and the calls speak it. */
  language: Language;
  /** Optional: texts when the turn is near and when called; never shown back. */
  phone?: string;
}

/**
 * The two calls of the volunteer's tablet: a walk-in ticket, and an appointment's check-in by its
 * code.
 */
export function volunteerEndpoints({ call }: ApiClient) {
  return {
    issue: async (centreId: string, body: VolunteerIssue): Promise<Ticket> =>
      (await call("issueTicket", { params: { centreId }, body })).ticket,
    checkIn: async (centreId: string, code: string): Promise<Ticket> =>
      (await call("checkIn", { params: { centreId }, body: { code } })).ticket,
  };
}
