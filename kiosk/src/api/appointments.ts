import {
  type Appointment,
  type calendarResponseSchema,
  type Centre,
  type Language,
  type slotsResponseSchema,
  type Ticket,
} from "@dost/shared";
import { routePath, ROUTES } from "@dost/shared/client";
import { api, deviceAuth } from "./client.js";

/** One day of the booking calendar: whether it has room, as the server judges it. */
export type CalendarDay = ReturnType<typeof calendarResponseSchema.parse>["days"][number];
export type Slot = ReturnType<typeof slotsResponseSchema.parse>["slots"][number];

export interface CitizenInput {
  name: string;
  phone: string;
  pin?: string;
}

export async function fetchCentres(): Promise<Centre[]> {
  return (await api.call("centres")).centres;
}

export async function fetchCalendar(
  centreId: string,
  serviceId: string,
  from: string,
  days: number,
): Promise<CalendarDay[]> {
  return (await api.call("calendar", { params: { centreId, serviceId }, query: { from, days } })).days;
}

export async function fetchSlots(centreId: string, serviceId: string, date: string): Promise<Slot[]> {
  return (await api.call("slots", { params: { centreId, serviceId }, query: { date } })).slots;
}

export async function bookAppointment(body: {
  centreId: string;
  serviceId: string;
  start: string;
  citizen: CitizenInput;
  language: Language;
}): Promise<Appointment> {
  return (await api.call("book", { body })).appointment;
}

export async function fetchAppointment(code: string): Promise<Appointment> {
  return (await api.call("appointment", { params: { code } })).appointment;
}

/** Cancelling or moving by code takes the last four digits of the booking's phone as well. */
export async function cancelAppointment(code: string, phoneLast4: string): Promise<Appointment> {
  return (await api.call("cancelAppointment", { params: { code }, body: { phoneLast4 } })).appointment;
}

export async function rescheduleAppointment(
  code: string,
  start: string,
  phoneLast4: string,
): Promise<Appointment> {
  return (await api.call("rescheduleAppointment", { params: { code }, body: { start, phoneLast4 } }))
    .appointment;
}

/** The kiosk turns a booking into a ticket; checking in twice returns the same ticket. */
export async function checkIn(deviceKey: string, centreId: string, code: string): Promise<Ticket> {
  return (await api.call("checkIn", { params: { centreId }, headers: deviceAuth(deviceKey), body: { code } }))
    .ticket;
}

/** The "add to calendar" file: a plain link, so the phone's own calendar app takes it over. */
export function icsHref(code: string): string {
  return `/api/v1${routePath(ROUTES.appointmentIcs, { code })}`;
}
