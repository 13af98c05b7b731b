import {
  APPOINTMENT_CODE_ALPHABET,
  APPOINTMENT_CODE_LENGTH,
  LEGACY_APPOINTMENT_CODE_LENGTH,
  appointmentCodeSchema,
  formatAppointmentCode,
} from "@dost/shared";

/** An appointment code has 10 characters; people read and type it as two groups of five. */
export const CODE_LENGTH = APPOINTMENT_CODE_LENGTH;

const ALPHABET = new Set(APPOINTMENT_CODE_ALPHABET);

/** `ABCDE23456` → `ABCDE-23456` (an older 8-character code: `ABCD-2345`), partial codes as they grow. */
export const formatCode = formatAppointmentCode;

/** A whole code: 10 characters, or 8 for a booking made before codes grew (it still checks in). */
export const isCompleteCode = (code: string): boolean =>
  code.length === CODE_LENGTH || code.length === LEGACY_APPOINTMENT_CODE_LENGTH;

/**
 * What someone typed, reduced to code characters: upper case, and anything that cannot be part of a
 * code (dashes, spaces, an O typed for a zero) dropped, up to the code's length.
 */
export function keepCodeCharacters(typed: string): string {
  return [...typed.toUpperCase()]
    .filter((c) => ALPHABET.has(c))
    .join("")
    .slice(0, CODE_LENGTH);
}

/** The code in `text` if it is one, bare (`abcd-2345`) or as the booking's manage address. */
export function codeFromText(text: string): string | null {
  const trimmed = text.trim();
  const fromAddress = /[?&]code=([^&#\s]+)/i.exec(trimmed)?.[1];
  const parsed = appointmentCodeSchema.safeParse(fromAddress ? decodeURIComponent(fromAddress) : trimmed);
  return parsed.success ? parsed.data : null;
}

/** The page where a citizen looks up, moves or cancels a booking; the confirmation's QR holds it. */
export function manageUrl(code: string, origin = window.location.origin): string {
  return `${origin}${import.meta.env.BASE_URL}book/manage?code=${code}`;
}

export function bookUrl(origin = window.location.origin): string {
  return `${origin}${import.meta.env.BASE_URL}book`;
}
