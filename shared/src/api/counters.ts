import { z } from "zod";
import { freeText, isoDateTimeSchema, uuidSchema } from "./common.js";
import { ticketSchema } from "./tickets.js";

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
