import { ApiError } from "@dost/shared/client";

/** The volunteer's failure messages, by their key under `t.volunteer`. */
export type VolunteerFailure =
  | "failed"
  | "offline"
  | "closed"
  | "phoneInvalid"
  | "tooEarly"
  | "tooLate"
  | "wrongCentre"
  | "cancelled"
  | "noAppointment"
  | "chooseService"
  | "confirmFirst";

/** What a refusal means to the volunteer, by the contract's `reason` (never the English message). */
export function failureKey(error: unknown): VolunteerFailure {
  if (!(error instanceof ApiError)) return "failed";
  if (error.code === "NETWORK") return "offline";
  switch (error.reason) {
    case "centre_closed":
      return "closed";
    case "phone_invalid":
      return "phoneInvalid";
    case "check_in_too_early":
      return "tooEarly";
    case "check_in_too_late":
      return "tooLate";
    case "check_in_wrong_centre":
      return "wrongCentre";
    case "appointment_state":
      return "cancelled";
  }
  // Only a check-in names a resource by what the volunteer typed: a code unknown or malformed.
  return error.code === "NOT_FOUND" || error.code === "VALIDATION_FAILED" ? "noAppointment" : "failed";
}
