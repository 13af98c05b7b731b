import { APPOINTMENT_CODE_ALPHABET, appointmentCodeSchema } from "@dost/shared";

/** An appointment code has 8 characters; people read and type it as two groups of four. */
export const CODE_LENGTH = 8;

const ALPHABET = new Set(APPOINTMENT_CODE_ALPHABET);

/** `ABCD2345` → `ABCD-2345`; a partial code is grouped the same way as it grows. */
export function formatCode(code: string): string {
  return code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

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
