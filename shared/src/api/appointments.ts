import { z } from "zod";
import { centreRefSchema, freeText, isoDateTimeSchema, languageSchema, uuidSchema } from "./common.js";

export const APPOINTMENT_STATUSES = ["booked", "checked_in", "cancelled", "no_show"] as const;
export const appointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof appointmentStatusSchema>;

/** Unambiguous letters and digits: no 0/O, 1/I/L, so a code read aloud or typed is not mistaken. */
export const APPOINTMENT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** New codes: 10 characters of 31, log2(31^10) ≈ 49.5 bits (issue 12 asks for at least 48). */
export const APPOINTMENT_CODE_LENGTH = 10;
/** Codes issued before 10-character codes: still looked up, cancelled and checked in. */
export const LEGACY_APPOINTMENT_CODE_LENGTH = 8;
export const appointmentCodeSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, "").toUpperCase())
  .pipe(
    z
      .string()
      .regex(
        /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}(?:[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{2})?$/,
        "not an appointment code",
      ),
  );

/**
 * A code as people read it: two groups, `ABCDE-FGH23` (a legacy 8-character code: `ABCD-EFGH`). A
 * partial code is grouped the same way as it grows; dashes, spaces and case in the input are ignored.
 */
export function formatAppointmentCode(code: string): string {
  const plain = code.replace(/[\s-]/g, "").toUpperCase();
  const cut = plain.length === LEGACY_APPOINTMENT_CODE_LENGTH ? 4 : APPOINTMENT_CODE_LENGTH / 2;
  return plain.length > cut ? `${plain.slice(0, cut)}-${plain.slice(cut)}` : plain;
}

/** The last four digits of the phone a booking was made with: asked to cancel or move it by code. */
export const phoneLast4Schema = z.string().regex(/^\d{4}$/, "the last four digits of the phone");

export const dateSchema = z.iso.date();

/** Azerbaijani mobile or landline, with or without +994; stored in E.164. */
export const phoneSchema = z
  .string()
  .transform((s) => s.replace(/[\s()-]/g, ""))
  .pipe(
    z.string().refine((s) => /^(\+994|994|0)?\d{9}$/.test(s), {
      message: "not a phone number",
      params: { reason: "phone_invalid" },
    }),
  )
  .transform((s) => `+994${s.slice(-9)}`);

/** The personal identification number (FIN) of an Azerbaijani ID card: 7 letters and digits. */
export const pinSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[0-9A-Z]{7}$/, "a FIN has 7 letters and digits"));

export const citizenSchema = z.strictObject({
  name: freeText({ min: 2, max: 100 }),
  phone: phoneSchema,
  pin: pinSchema.optional(),
});

export const slotSchema = z.object({
  start: isoDateTimeSchema,
  end: isoDateTimeSchema,
  available: z.number().int(),
});
/** A bookable time as the API offers it (the domain's `Slot` has dates and no seats). */
export type SlotOffer = z.infer<typeof slotSchema>;
export const slotsResponseSchema = z.object({ slots: z.array(slotSchema) });
export const slotsQuerySchema = z.strictObject({ date: dateSchema });
export const slotParamsSchema = z.object({ centreId: centreRefSchema, serviceId: uuidSchema });

export const calendarQuerySchema = z.strictObject({
  from: dateSchema,
  days: z.coerce.number().int().min(1).max(62).default(31),
});
export const calendarResponseSchema = z.object({
  days: z.array(
    z.object({
      date: dateSchema,
      status: z.enum(["open", "closed", "past", "beyond_window", "full"]),
      available: z.number().int(),
    }),
  ),
});

export const bookAppointmentBodySchema = z.strictObject({
  centreId: centreRefSchema,
  serviceId: uuidSchema,
  start: isoDateTimeSchema,
  citizen: citizenSchema,
  language: languageSchema.default("az"),
});

export const appointmentSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  centreId: uuidSchema,
  serviceId: uuidSchema,
  start: isoDateTimeSchema,
  end: isoDateTimeSchema,
  status: appointmentStatusSchema,
  language: languageSchema,
  /** Masked for the public, in full for the centre's own staff. */
  citizen: z.object({ name: z.string(), phone: z.string(), pin: z.string().nullable() }).nullable(),
  ticketId: uuidSchema.nullable(),
  checkedInAt: isoDateTimeSchema.nullable(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentResponseSchema = z.object({ appointment: appointmentSchema });
export const appointmentsResponseSchema = z.object({ appointments: z.array(appointmentSchema) });
export const appointmentCodeParamsSchema = z.object({ code: appointmentCodeSchema });
export const rescheduleBodySchema = z.strictObject({
  start: isoDateTimeSchema,
  phoneLast4: phoneLast4Schema,
});
export const cancelAppointmentBodySchema = z.strictObject({ phoneLast4: phoneLast4Schema });
export const checkInBodySchema = z.strictObject({ code: appointmentCodeSchema });
export const appointmentListQuerySchema = z.strictObject({ date: dateSchema.optional() });
