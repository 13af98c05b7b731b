import { z } from "zod";
import { centreRefSchema, isoDateTimeSchema, localizedTextSchema, uuidSchema } from "./common.js";

export const centreSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  name: localizedTextSchema,
  timezone: z.string(),
});
export type Centre = z.infer<typeof centreSchema>;

export const centresResponseSchema = z.object({ centres: z.array(centreSchema) });

export const serviceSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  prefix: z.string().length(1),
  name: localizedTextSchema,
  category: z.string(),
  appointmentEnabled: z.boolean(),
  targetWaitMinutes: z.number(),
  waiting: z.number().int(),
  estimatedWaitMinutes: z.number(),
});
export type Service = z.infer<typeof serviceSchema>;

/** Whether kiosks take tickets now (CONTRACT.md "Tickets": outside hours → `centre_closed`). */
export const issuingSchema = z.object({
  open: z.boolean(),
  /** While open: the last moment a kiosk issues today. */
  lastTicketAt: isoDateTimeSchema.nullable(),
  /** While closed: when issuing opens next. */
  opensAt: isoDateTimeSchema.nullable(),
});
export type Issuing = z.infer<typeof issuingSchema>;

export const servicesResponseSchema = z.object({
  services: z.array(serviceSchema),
  issuing: issuingSchema.optional(),
});

export const centreParamsSchema = z.object({ centreId: centreRefSchema });
