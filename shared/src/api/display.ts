import { z } from "zod";
import { localizedFreeTextSchema, localizedTextSchema } from "./common.js";
import { queueServiceSchema, ticketCalledSchema } from "../realtime/events.js";

export const displayStateSchema = z.object({
  centreId: z.uuid(),
  recentCalls: z.array(ticketCalledSchema),
  services: z.array(queueServiceSchema),
  /** The line of text a manager sets for the hall, or null. */
  displayMessage: localizedTextSchema.nullable(),
});
export type DisplayState = z.infer<typeof displayStateSchema>;

export const healthResponseSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  db: z.enum(["ok", "down"]),
});

export const displayMessageBodySchema = z.strictObject({
  message: localizedFreeTextSchema({ max: 500, multiline: true }).nullable(),
});

export const displayStateQuerySchema = z.strictObject({ zone: z.string().min(1).max(50).optional() });
