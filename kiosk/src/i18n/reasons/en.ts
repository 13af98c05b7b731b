import { enCalendar } from "../appointments/en.js";
import type { Messages } from "../messages.js";
import type { ReasonMessages } from "../reasons.js";

const APPOINTMENT_STATES: Record<string, string> = {
  cancelled: "This appointment was cancelled.",
  checked_in: "This appointment has already been used to check in.",
  no_show: "The time of this appointment has passed.",
};

export const enReasons: ReasonMessages = {
  centre_closed: () => "The centre is not issuing tickets right now.",
  service_not_offered: () => "This centre does not offer this service at the moment.",
  idempotency_key_reused: () => "This request was already sent with other details. Please start over.",
  check_in_too_early: (c) =>
    c.time("opensAt") ? `Too early: check-in opens at ${c.time("opensAt")}.` : "Too early to check in.",
  check_in_too_late: () => "The time of this appointment has passed. Please take a ticket for the queue.",
  check_in_wrong_centre: (c) =>
    c.params.centre
      ? `This appointment is booked at another centre (${c.params.centre}).`
      : "This appointment is booked at another centre.",
  appointment_state: (c) =>
    APPOINTMENT_STATES[String(c.params.status)] ?? "This appointment can no longer be changed.",
  slot_full: () => "That time has just been fully booked. Please choose another time.",
  slot_closed: () => "That time can no longer be booked. Please choose one of the free times.",
  already_booked: () => "This phone number already has a booking for this service on that day.",
  appointments_disabled: () => "This service does not take appointments. Please take a ticket at the centre.",
};

export const enClosed: Pick<Messages, "closedHeading" | "opensAt" | "closedNoOpening"> = {
  closedHeading: "Closed now",
  opensAt: (day, time) => {
    if (day.kind === "today") return `We open today at ${time}`;
    if (day.kind === "tomorrow") return `We open tomorrow at ${time}`;
    if (day.kind === "weekday") return `We open ${enCalendar.weekdays[day.weekday]} at ${time}`;
    return `We open on ${day.day} ${enCalendar.months[day.month]} at ${time}`;
  },
  closedNoOpening: "Tickets are not being issued right now. Please ask at the front desk.",
};
