import {
  appointmentResponseSchema,
  calendarResponseSchema,
  centresResponseSchema,
  slotsResponseSchema,
  ticketResponseSchema,
  type Appointment,
  type Centre,
  type Language,
  type Ticket,
} from "@dost/shared";
import { deviceAuth, request } from "./client.js";

/** One day of the booking calendar: whether it has room, as the server judges it. */
export type CalendarDay = ReturnType<typeof calendarResponseSchema.parse>["days"][number];
export type Slot = ReturnType<typeof slotsResponseSchema.parse>["slots"][number];

export interface CitizenInput {
  name: string;
  phone: string;
  pin?: string;
}

const API = "/api/v1";
const enc = encodeURIComponent;
const jsonPost = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

export async function fetchCentres(): Promise<Centre[]> {
  return (await request("/centres", centresResponseSchema)).centres;
}

export async function fetchCalendar(
  centreId: string,
  serviceId: string,
  from: string,
  days: number,
): Promise<CalendarDay[]> {
  const path = `/centres/${enc(centreId)}/services/${enc(serviceId)}/calendar?from=${from}&days=${days}`;
  return (await request(path, calendarResponseSchema)).days;
}

export async function fetchSlots(centreId: string, serviceId: string, date: string): Promise<Slot[]> {
  const path = `/centres/${enc(centreId)}/services/${enc(serviceId)}/slots?date=${date}`;
  return (await request(path, slotsResponseSchema)).slots;
}

export async function bookAppointment(body: {
  centreId: string;
  serviceId: string;
  start: string;
  citizen: CitizenInput;
  language: Language;
}): Promise<Appointment> {
  return (await request("/appointments", appointmentResponseSchema, jsonPost(body))).appointment;
}

export async function fetchAppointment(code: string): Promise<Appointment> {
  return (await request(`/appointments/${enc(code)}`, appointmentResponseSchema)).appointment;
}

/** Cancelling or moving by code takes the last four digits of the booking's phone as well. */
export async function cancelAppointment(code: string, phoneLast4: string): Promise<Appointment> {
  const init = jsonPost({ phoneLast4 });
  return (await request(`/appointments/${enc(code)}/cancel`, appointmentResponseSchema, init)).appointment;
}

export async function rescheduleAppointment(
  code: string,
  start: string,
  phoneLast4: string,
): Promise<Appointment> {
  const init = jsonPost({ start, phoneLast4 });
  return (await request(`/appointments/${enc(code)}/reschedule`, appointmentResponseSchema, init))
    .appointment;
}

/** The kiosk turns a booking into a ticket; checking in twice returns the same ticket. */
export async function checkIn(deviceKey: string, centreId: string, code: string): Promise<Ticket> {
  const init = jsonPost({ code }, deviceAuth(deviceKey));
  return (await request(`/centres/${enc(centreId)}/check-in`, ticketResponseSchema, init)).ticket;
}

/** The "add to calendar" file: a plain link, so the phone's own calendar app takes it over. */
export function icsHref(code: string): string {
  return `${API}/appointments/${enc(code)}/calendar.ics`;
}
