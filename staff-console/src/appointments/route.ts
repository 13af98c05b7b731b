import { formatAppointmentCode as formatCode, type AppointmentStatus } from "@dost/shared";

/** The appointments screen, open to everyone who works in a centre. */
export const APPOINTMENTS_PATH = "/console/appointments";

export const isAppointmentsPath = (pathname: string): boolean => /\/appointments\/?$/.test(pathname);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day named in the address (`?date=2026-11-23`), so a link or a reload shows that day. */
export function dateInAddress(search: string): string | null {
  const date = new URLSearchParams(search).get("date");
  return date && DAY.test(date) && !Number.isNaN(Date.parse(date)) ? date : null;
}

export const isDay = (value: string): boolean => DAY.test(value);

/** An appointment code as the citizen has it on paper: ABCDE-FGH23 (an older one: ABCD-EFGH). */
export const formatAppointmentCode = formatCode;

/** The order states are counted and told in. */
export const APPOINTMENT_STATES: readonly AppointmentStatus[] = [
  "booked",
  "checked_in",
  "cancelled",
  "no_show",
];
