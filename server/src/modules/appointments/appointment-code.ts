import { randomInt, timingSafeEqual } from "node:crypto";
import { APPOINTMENT_CODE_ALPHABET, APPOINTMENT_CODE_LENGTH } from "@dost/shared";
import { forbidden } from "../../lib/errors.js";

/**
 * 10 characters of a 31-letter alphabet: 31^10 ≈ 8.2 × 10^14 codes, about 49.5 bits (the 8-character
 * codes issued before had 39.6 bits and still work; `appointmentCodeSchema` takes both lengths).
 * Guessing one is still not enough to change a booking: cancelling or moving by code also takes the
 * phone's last four digits, and changes are rate-limited as bookings are.
 */
export function newAppointmentCode(): string {
  let code = "";
  for (let i = 0; i < APPOINTMENT_CODE_LENGTH; i++) {
    code += APPOINTMENT_CODE_ALPHABET[randomInt(APPOINTMENT_CODE_ALPHABET.length)];
  }
  return code;
}

/**
 * Whoever changes a booking by its public code proves they hold it: the last four digits of the
 * phone it was booked with. A purged booking (no phone kept) cannot be changed by code.
 */
export function assertPhoneHolder(storedPhone: string | null, phoneLast4: string): void {
  const expected = Buffer.from((storedPhone ?? "").replace(/\D/g, "").slice(-4).padStart(4, "x"));
  const given = Buffer.from(phoneLast4.padStart(4, "y").slice(-4));
  if (!storedPhone || !timingSafeEqual(expected, given)) {
    throw forbidden("The last four digits of the phone do not match this booking", "phone_digits_wrong");
  }
}
