import { z } from "zod";
import { queueServiceSchema, ticketCalledSchema } from "../realtime/events.js";

export const displayStateSchema = z.object({
  centreId: z.uuid(),
  recentCalls: z.array(ticketCalledSchema),
  services: z.array(queueServiceSchema),
});
export type DisplayState = z.infer<typeof displayStateSchema>;

export const healthResponseSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  db: z.enum(["ok", "down"]),
});
