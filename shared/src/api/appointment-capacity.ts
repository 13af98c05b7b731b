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
  /** The slot capacity booking uses in this hour now (its own, else the service's). */
  configuredCapacity: z.number().int().min(0),
  /** Appointments per slot this hour can take and keep the forecast walk-ins within target. */
  suggestedCapacity: z.number().int().min(0),
});

export const appointmentCapacityServiceSchema = z.object({
  serviceId: uuidSchema,
  /** The service's slot capacity (the centre's override, else the catalogue's), for hours without their own. */
  configuredCapacity: z.number().int().min(0),
  /** The tightest hour's suggestion: one figure that would hold all day. Applying sets each hour's own. */
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

// ── Slot capacity per hour (admin settings) ─────────────────────────────────────────────────────

/** One local hour's slot capacity for a service: slots starting in that hour take this many. */
export const hourCapacitySchema = z.strictObject({
  hour: z.number().int().min(0).max(23),
  capacity: z.number().int().min(0).max(100),
});
export type ConfiguredHourCapacity = z.infer<typeof hourCapacitySchema>;

export const serviceHourCapacitiesSchema = z.object({
  serviceId: uuidSchema,
  /** The service's slot capacity (the centre's override, else the catalogue's): hours not listed. */
  slotCapacity: z.number().int().min(0),
  /** The hours with their own capacity, by hour. */
  hours: z.array(hourCapacitySchema),
});
export const slotCapacityResponseSchema = z.object({ services: z.array(serviceHourCapacitiesSchema) });
export type SlotCapacityResponse = z.infer<typeof slotCapacityResponseSchema>;

/**
 * Replaces the hours of each listed service (an empty list: every hour back to the service's);
 * services not listed keep theirs.
 */
export const putSlotCapacityBodySchema = z.strictObject({
  services: z
    .array(z.strictObject({ serviceId: uuidSchema, hours: z.array(hourCapacitySchema).max(24) }))
    .max(500),
});
export type PutSlotCapacityBody = z.infer<typeof putSlotCapacityBodySchema>;
