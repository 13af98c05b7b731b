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
  /** 1–3 capital letters, the centre's own for this service (unique among what it offers). */
  prefix: z.string().regex(/^[A-Z]{1,3}$/),
  name: localizedTextSchema,
  category: z.string(),
  /** What to bring, possibly empty. Always sent by the server (optional only for older clients' fixtures). */
  documents: z.array(localizedTextSchema).optional(),
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
