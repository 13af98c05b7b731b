import { randomInt, timingSafeEqual } from "node:crypto";
import { APPOINTMENT_CODE_ALPHABET } from "@dost/shared";
import { forbidden } from "../../lib/errors.js";

/**
 * 8 characters of a 31-letter alphabet: about 8.5 × 10^11 codes (39.6 bits). Guessing one is not
 * enough to change a booking: cancelling or moving by code also takes the phone's last four digits,
 * and changes are rate-limited as bookings are.
 */
export function newAppointmentCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += APPOINTMENT_CODE_ALPHABET[randomInt(APPOINTMENT_CODE_ALPHABET.length)];
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
