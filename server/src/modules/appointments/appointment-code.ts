import { randomInt } from "node:crypto";
import { APPOINTMENT_CODE_ALPHABET } from "@dost/shared";

/** 8 characters of a 31-letter alphabet: about 8.5 × 10^11 codes, and lookups are rate-limited. */
export function newAppointmentCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += APPOINTMENT_CODE_ALPHABET[randomInt(APPOINTMENT_CODE_ALPHABET.length)];
  return code;
}
