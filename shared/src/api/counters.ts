import { z } from "zod";
import { freeText, isoDateTimeSchema, uuidSchema } from "./common.js";
import { prioritySchema, ticketSchema } from "./tickets.js";

export const COUNTER_STATUSES = ["closed", "open", "break"] as const;
export const counterStatusSchema = z.enum(COUNTER_STATUSES);
export type CounterStatus = z.infer<typeof counterStatusSchema>;

export const counterUserSchema = z.object({
  id: uuidSchema,
  username: z.string(),
  displayName: z.string(),
});

export const counterSchema = z.object({
  id: uuidSchema,
  centreId: uuidSchema,
  label: z.string(),
  zone: z.string(),
  status: counterStatusSchema,
  serviceIds: z.array(uuidSchema),
  breakReason: z.string().nullable(),
  statusSince: isoDateTimeSchema.nullable(),
  user: counterUserSchema.nullable(),
  currentTicket: ticketSchema.nullable(),
});
export type Counter = z.infer<typeof counterSchema>;

export const countersResponseSchema = z.object({ counters: z.array(counterSchema) });
export const counterResponseSchema = z.object({ counter: counterSchema });

export const counterParamsSchema = z.object({ counterId: uuidSchema });

export const openCounterBodySchema = z
  .strictObject({ serviceIds: z.array(uuidSchema).min(1).max(100).optional() })
  .nullish();

export const breakCounterBodySchema = z.strictObject({
  reason: freeText({ min: 1, max: 200, multiline: true }),
});

export const callTicketBodySchema = z.strictObject({
  ticketId: uuidSchema,
  reason: freeText({ min: 1, max: 500, multiline: true }),
});

/**
 * Why a ticket stands where it does in a counter's call order, in the policy's own parts (staff
 * only; see shared/domain/call-reason.ts): the desk says it in words, "waited 12 min + veteran
 * bonus 15 min", "appointment due 10:30".
 */
export const callReasonSchema = z.object({
  waitedMinutes: z.number().int(),
  /** The priority group's bonus; null for ordinary visitors. */
  priorityBonus: z.object({ priority: prioritySchema, minutes: z.number().int() }).nullable(),
  /** A checked-in appointment: its slot start, and its bonus once due (null before the slot starts). */
  appointment: z.object({ at: isoDateTimeSchema, bonusMinutes: z.number().int().nullable() }).nullable(),
  /** Everything together, in minutes: what the call order compares. */
  totalMinutes: z.number().int(),
  /**
   * For a ticket already called: when it was not the policy's pick, why ("out_of_order": chosen by
   * hand, its reason in the event log; "recalled": called again after not coming). Absent or null:
   * called in its turn.
   */
  outOfTurn: z.enum(["out_of_order", "recalled"]).nullable().optional(),
});
export type CallReasonView = z.infer<typeof callReasonSchema>;

export const explainedTicketSchema = z.object({ ticket: ticketSchema, reason: callReasonSchema });
export type ExplainedTicket = z.infer<typeof explainedTicketSchema>;

export const counterNextQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(10).default(3),
});

/** `GET /counters/:counterId/next`: the visitor at the counter and the next few, each with its reason. */
export const counterNextResponseSchema = z.object({
  /** The ticket called or being served here, with its reason as it stood when it was called. */
  current: explainedTicketSchema.nullable(),
  /** The next waiting tickets, in the order call-next would take them now. */
  next: z.array(explainedTicketSchema),
});
export type CounterNext = z.infer<typeof counterNextResponseSchema>;
