import { ApiError } from "@dost/shared/client";
import type { VolunteerKey } from "./i18n.js";

/** What a refusal means to the volunteer, by the contract's `reason` (never the English message). */
export function failureKey(error: unknown): VolunteerKey {
  if (!(error instanceof ApiError)) return "volunteer.failed";
  if (error.code === "NETWORK") return "volunteer.offline";
  switch (error.reason) {
    case "centre_closed":
      return "volunteer.closed";
    case "phone_invalid":
      return "volunteer.phoneInvalid";
    case "check_in_too_early":
      return "volunteer.tooEarly";
    case "check_in_too_late":
      return "volunteer.tooLate";
    case "check_in_wrong_centre":
      return "volunteer.wrongCentre";
    case "appointment_state":
      return "volunteer.cancelled";
  }
  // Only a check-in names a resource by what the volunteer typed: a code unknown or malformed.
  return error.code === "NOT_FOUND" || error.code === "VALIDATION_FAILED"
    ? "volunteer.noAppointment"
    : "volunteer.failed";
}
