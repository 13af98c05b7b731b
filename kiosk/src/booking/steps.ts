import type { Appointment, Centre, Service } from "@dost/shared";
import type { Slot } from "../api/appointments.js";
import type { Month } from "../appointments/dates.js";

/** Where the citizen is in booking: each step carries every choice made before it. */
export type BookingStep =
  | { step: "centre" }
  | { step: "service"; centre: Centre }
  | { step: "day"; centre: Centre; service: Service; month: Month; chosen: string | null }
  | { step: "time"; centre: Centre; service: Service; date: string }
  | { step: "details"; centre: Centre; service: Service; date: string; slot: Slot }
  | { step: "confirmed"; centre: Centre; service: Service; appointment: Appointment };

/** The steps the citizen counts ("Step 3 of 5"); the confirmation is the outcome, not a step. */
export const STEP_NUMBER: Record<Exclude<BookingStep["step"], "confirmed">, number> = {
  centre: 1,
  service: 2,
  day: 3,
  time: 4,
  details: 5,
};
export const STEP_COUNT = 5;
