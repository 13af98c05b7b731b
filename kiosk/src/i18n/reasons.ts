import type { ErrorParams, ErrorReason } from "@dost/shared";

/**
 * The refusal reasons (shared/src/errors.ts ERROR_REASONS) the kiosk, the booking pages and the
 * manage page can meet, each translated in every dictionary. A reason outside this list is shown
 * in the server's English words, marked as English.
 */
export const KIOSK_REASONS = [
  // Taking a ticket at the kiosk.
  "centre_closed",
  "service_not_offered",
  "idempotency_key_reused",
  // Checking in with a booking code.
  "check_in_too_early",
  "check_in_too_late",
  "check_in_wrong_centre",
  "appointment_state",
  // Booking, moving and cancelling on a phone.
  "slot_full",
  "slot_closed",
  "already_booked",
  "appointments_disabled",
] as const satisfies readonly ErrorReason[];
export type KioskReason = (typeof KIOSK_REASONS)[number];

export const isKioskReason = (reason: string | undefined): reason is KioskReason =>
  (KIOSK_REASONS as readonly (string | undefined)[]).includes(reason);

/** What a reason's text may use: a parameter as given, or one holding an instant, as a time of day. */
export interface ReasonContext {
  params: ErrorParams;
  /** `params[name]`, an ISO instant, as the centre's clock shows it (10:45); "" if absent. */
  time(name: string): string;
}

export type ReasonMessages = Record<KioskReason, (context: ReasonContext) => string>;
