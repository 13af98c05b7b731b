import { z } from "zod";
import { phoneSchema } from "./appointments.js";
import type { StaffTicketAction } from "../domain/ticket-lifecycle.js";
import { freeText, isoDateTimeSchema, languageSchema, uuidSchema } from "./common.js";

export const TICKET_STATUSES = [
  "waiting",
  "called",
  "serving",
  "done",
  "no_show",
  "cancelled",
  "expired",
] as const;
export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const PRIORITIES = ["none", "disability", "veteran", "martyr_family", "elderly", "pregnant"] as const;
export const prioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof prioritySchema>;

export const counterRefSchema = z.object({ id: uuidSchema, label: z.string() });

export const ticketSchema = z.object({
  id: uuidSchema,
  publicId: z.string(),
  centreId: uuidSchema,
  serviceId: uuidSchema,
  code: z.string(),
  status: ticketStatusSchema,
  priority: prioritySchema,
  issuedAt: isoDateTimeSchema,
  calledAt: isoDateTimeSchema.nullable(),
  startedAt: isoDateTimeSchema.nullable(),
  finishedAt: isoDateTimeSchema.nullable(),
  counter: counterRefSchema.nullable(),
  position: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().nullable(),
  /** The band the wait falls in four times out of five (minutes); null when not waiting or not known. */
  estimatedWaitRange: z.object({ low: z.number(), high: z.number() }).nullable(),
  language: languageSchema,
});
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketResponseSchema = z.object({
  ticket: ticketSchema,
  /**
   * On issuing at a kiosk with a network printer: the server sends the receipt to that printer
   * (after answering), so the kiosk does not print it through its browser. Absent otherwise.
   */
  serverPrint: z.boolean().optional(),
});
export const maybeTicketResponseSchema = z.object({ ticket: ticketSchema.nullable() });
export const ticketsResponseSchema = z.object({ tickets: z.array(ticketSchema) });

export const issueTicketBodySchema = z.strictObject({
  serviceId: uuidSchema,
  priority: prioritySchema.default("none"),
  language: languageSchema.default("az"),
  /** For texts about this ticket only; never shown back unmasked. */
  phone: phoneSchema.optional(),
});
export type IssueTicketBody = z.infer<typeof issueTicketBodySchema>;

export const idempotencyKeyHeadersSchema = z.object({
  "idempotency-key": z.string().min(1).max(64).optional(),
});

export const ticketListQuerySchema = z.strictObject({
  status: ticketStatusSchema.optional(),
  serviceId: uuidSchema.optional(),
});

export const ticketParamsSchema = z.object({ ticketId: uuidSchema });

/** The route of each staff action on a ticket (CONTRACT.md "Tickets"), served and called from here. */
export const TICKET_ACTION_PATHS = {
  recall: "/tickets/:ticketId/recall",
  start: "/tickets/:ticketId/start",
  complete: "/tickets/:ticketId/complete",
  noShow: "/tickets/:ticketId/no-show",
  cancel: "/tickets/:ticketId/cancel",
  transfer: "/tickets/:ticketId/transfer",
} as const satisfies Record<StaffTicketAction, string>;
/** Public ids are 22 characters of base64url: 128 random bits. */
export const publicTicketParamsSchema = z.object({
  publicId: z.string().regex(/^[A-Za-z0-9_-]{22}$/, "not a ticket status id"),
});

export const transferBodySchema = z.strictObject({
  serviceId: uuidSchema,
  note: freeText({ max: 500, multiline: true }).optional(),
});

export const noteBodySchema = z.strictObject({ note: freeText({ min: 1, max: 500, multiline: true }) });

export const ticketActionBodySchema = z
  .strictObject({ note: freeText({ max: 500, multiline: true }).optional() })
  .nullish();
