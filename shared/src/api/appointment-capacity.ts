import { z } from "zod";
import { uuidSchema } from "./common.js";

// ── Appointment capacity (issue 17, item 3) ─────────────────────────────────────────────────────

export const appointmentCapacityQuerySchema = z.strictObject({ date: z.iso.date() });
/** Apply the suggestions worked out for this date as the centre's slot capacities. */
export const applyAppointmentCapacityBodySchema = z.strictObject({ date: z.iso.date() });

export const appointmentCapacityHourSchema = z.object({
  /** Local hour, 0–23. */
  hour: z.number().int().min(0).max(23),
  /** Slots of the service starting in this hour. */
  slots: z.number().int().min(0),
  /** Appointments per slot this hour can take and keep the forecast walk-ins within target. */
  suggestedCapacity: z.number().int().min(0),
});

export const appointmentCapacityServiceSchema = z.object({
  serviceId: uuidSchema,
  /** The slot capacity booking uses now (the centre's override, else the catalogue's). */
  configuredCapacity: z.number().int().min(0),
  /** One figure for the day (slot capacity is per service): its tightest hour. */
  suggestedCapacity: z.number().int().min(0),
  hours: z.array(appointmentCapacityHourSchema),
});

export const appointmentCapacityResponseSchema = z.object({
  date: z.iso.date(),
  targetWaitMinutes: z.number().min(0),
  /** The same-weekday dates the forecast rests on; empty before there is any history. */
  basedOn: z.array(z.iso.date()),
  services: z.array(appointmentCapacityServiceSchema),
});
export type AppointmentCapacityResponse = z.infer<typeof appointmentCapacityResponseSchema>;
