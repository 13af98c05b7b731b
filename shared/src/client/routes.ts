import { z } from "zod";
import {
  adminCentreResponseSchema,
  adminCentresResponseSchema,
  adminCounterResponseSchema,
  adminCountersResponseSchema,
  adminDeviceResponseSchema,
  adminDevicesResponseSchema,
  adminServiceResponseSchema,
  adminServicesResponseSchema,
  adminUserResponseSchema,
  adminUsersResponseSchema,
  auditResponseSchema,
  closedDatesResponseSchema,
  createdDeviceResponseSchema,
  createdUserResponseSchema,
  offerResponseSchema,
  pairingCodeResponseSchema,
  temporaryPasswordResponseSchema,
} from "../api/admin.js";
import {
  appointmentResponseSchema,
  appointmentsResponseSchema,
  calendarResponseSchema,
  slotsResponseSchema,
} from "../api/appointments.js";
import {
  changePasswordResponseSchema,
  mfaConfirmResponseSchema,
  mfaEnrolmentResponseSchema,
  deviceMeResponseSchema,
  loginResponseSchema,
  meResponseSchema,
  pairDeviceResponseSchema,
} from "../api/auth.js";
import { centresResponseSchema, servicesResponseSchema } from "../api/catalog.js";
import { appointmentCapacityResponseSchema } from "../api/appointment-capacity.js";
import { counterNextResponseSchema, countersResponseSchema } from "../api/counters.js";
import { displayStateSchema } from "../api/display.js";
import {
  counterFeedbackTicketResponseSchema,
  feedbackResponseSchema,
  givenFeedbackResponseSchema,
} from "../api/feedback.js";
import {
  alertsResponseSchema,
  publicWaitsResponseSchema,
  staffingResponseSchema,
} from "../api/monitoring.js";
import { liveStatsResponseSchema, nationalStatsResponseSchema, reportResponseSchema } from "../api/stats.js";
import {
  maybeTicketResponseSchema,
  TICKET_ACTION_PATHS,
  ticketResponseSchema,
  ticketsResponseSchema,
} from "../api/tickets.js";
import type { StaffTicketAction } from "../domain/ticket-lifecycle.js";

/** Anything with zod's `parse`: every answer is checked before a screen shows it. */
export interface Parser<T> {
  parse(data: unknown): T;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH";
  /** Below /api/v1; `:name` is a path parameter, filled in encoded. */
  path: string;
  response: Parser<unknown>;
}

/** A 204, or an answer the app does not read. */
export const noContent: Parser<void> = { parse: (): void => undefined };

/** The names of a path template's parameters: "/tickets/:ticketId/start" → "ticketId". */
export type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}.${string}`
    ? Name
    : P extends `${string}:${infer Name}`
      ? Name
      : never;

const ticketAction = <A extends StaffTicketAction>(action: A) =>
  ({ method: "POST", path: TICKET_ACTION_PATHS[action], response: ticketResponseSchema }) as const;

/**
 * Tolerant readings where an app must keep working with an older server: a display-state without
 * `displayMessage` has no message; a /devices/me without `publicUrl` has none; a /auth/me without
 * `lastServiceIds` does not say.
 */
const displayStateAnswer = displayStateSchema.extend({
  displayMessage: displayStateSchema.shape.displayMessage.default(null),
});
const deviceMeAnswer = deviceMeResponseSchema.extend({ publicUrl: z.string().nullable().default(null) });
const meAnswer = meResponseSchema.partial({ lastServiceIds: true });

/** Every endpoint the three apps call: method, path template and the schema of the answer. */
export const ROUTES = {
  // Devices (kiosk, display)
  deviceMe: { method: "GET", path: "/devices/me", response: deviceMeAnswer },
  pairDevice: { method: "POST", path: "/devices/pair", response: pairDeviceResponseSchema },

  // Catalogue and the public pages
  centres: { method: "GET", path: "/centres", response: centresResponseSchema },
  services: { method: "GET", path: "/centres/:centreId/services", response: servicesResponseSchema },
  displayState: { method: "GET", path: "/centres/:centreId/display-state", response: displayStateAnswer },
  publicWaits: { method: "GET", path: "/public/waits", response: publicWaitsResponseSchema },
  publicTicket: { method: "GET", path: "/public/tickets/:publicId", response: ticketResponseSchema },
  feedback: {
    method: "GET",
    path: "/public/tickets/:publicId/feedback",
    response: givenFeedbackResponseSchema,
  },
  sendFeedback: {
    method: "POST",
    path: "/public/tickets/:publicId/feedback",
    response: feedbackResponseSchema,
  },
  // The feedback tablet at a counter (device kind "feedback")
  feedbackTabletTicket: {
    method: "GET",
    path: "/feedback-tablet/ticket",
    response: counterFeedbackTicketResponseSchema,
  },
  feedbackTabletSend: { method: "POST", path: "/feedback-tablet/feedback", response: feedbackResponseSchema },

  // Tickets and appointments
  issueTicket: { method: "POST", path: "/centres/:centreId/tickets", response: ticketResponseSchema },
  tickets: { method: "GET", path: "/centres/:centreId/tickets", response: ticketsResponseSchema },
  checkIn: { method: "POST", path: "/centres/:centreId/check-in", response: ticketResponseSchema },
  calendar: {
    method: "GET",
    path: "/centres/:centreId/services/:serviceId/calendar",
    response: calendarResponseSchema,
  },
  slots: {
    method: "GET",
    path: "/centres/:centreId/services/:serviceId/slots",
    response: slotsResponseSchema,
  },
  book: { method: "POST", path: "/appointments", response: appointmentResponseSchema },
  appointment: { method: "GET", path: "/appointments/:code", response: appointmentResponseSchema },
  cancelAppointment: {
    method: "POST",
    path: "/appointments/:code/cancel",
    response: appointmentResponseSchema,
  },
  rescheduleAppointment: {
    method: "POST",
    path: "/appointments/:code/reschedule",
    response: appointmentResponseSchema,
  },
  appointmentIcs: { method: "GET", path: "/appointments/:code/calendar.ics", response: noContent },
  appointments: {
    method: "GET",
    path: "/centres/:centreId/appointments",
    response: appointmentsResponseSchema,
  },

  // Staff: session
  login: { method: "POST", path: "/auth/login", response: loginResponseSchema },
  me: { method: "GET", path: "/auth/me", response: meAnswer },
  changePassword: { method: "POST", path: "/auth/password", response: changePasswordResponseSchema },
  logout: { method: "POST", path: "/auth/logout", response: noContent },
  mfaEnrolment: { method: "POST", path: "/auth/mfa/enrolment", response: mfaEnrolmentResponseSchema },
  mfaConfirm: { method: "POST", path: "/auth/mfa/confirm", response: mfaConfirmResponseSchema },

  // Staff: the counter's work
  counters: { method: "GET", path: "/centres/:centreId/counters", response: countersResponseSchema },
  openCounter: { method: "POST", path: "/counters/:counterId/open", response: noContent },
  pauseCounter: { method: "POST", path: "/counters/:counterId/break", response: noContent },
  resumeCounter: { method: "POST", path: "/counters/:counterId/resume", response: noContent },
  closeCounter: { method: "POST", path: "/counters/:counterId/close", response: noContent },
  callNext: { method: "POST", path: "/counters/:counterId/call-next", response: maybeTicketResponseSchema },
  callTicket: { method: "POST", path: "/counters/:counterId/call", response: ticketResponseSchema },
  nextInLine: { method: "GET", path: "/counters/:counterId/next", response: counterNextResponseSchema },
  "ticket.recall": ticketAction("recall"),
  "ticket.start": ticketAction("start"),
  "ticket.complete": ticketAction("complete"),
  "ticket.noShow": ticketAction("noShow"),
  "ticket.cancel": ticketAction("cancel"),
  "ticket.transfer": ticketAction("transfer"),
  addNote: { method: "POST", path: "/tickets/:ticketId/notes", response: noContent },

  // Staff: monitoring
  liveStats: { method: "GET", path: "/centres/:centreId/stats/live", response: liveStatsResponseSchema },
  alerts: { method: "GET", path: "/centres/:centreId/alerts", response: alertsResponseSchema },
  staffing: { method: "GET", path: "/centres/:centreId/staffing", response: staffingResponseSchema },
  appointmentCapacity: {
    method: "GET",
    path: "/centres/:centreId/appointment-capacity",
    response: appointmentCapacityResponseSchema,
  },
  applyAppointmentCapacity: {
    method: "POST",
    path: "/centres/:centreId/appointment-capacity/apply",
    response: appointmentCapacityResponseSchema,
  },
  nationalStats: { method: "GET", path: "/stats/national", response: nationalStatsResponseSchema },
  report: { method: "GET", path: "/reports/summary", response: reportResponseSchema },

  // Administration (CONTRACT.md "Administration")
  "admin.centres": { method: "GET", path: "/admin/centres", response: adminCentresResponseSchema },
  "admin.centre": { method: "GET", path: "/admin/centres/:centreId", response: adminCentreResponseSchema },
  "admin.createCentre": { method: "POST", path: "/admin/centres", response: adminCentreResponseSchema },
  "admin.patchCentre": {
    method: "PATCH",
    path: "/admin/centres/:centreId",
    response: adminCentreResponseSchema,
  },
  "admin.services": { method: "GET", path: "/admin/services", response: adminServicesResponseSchema },
  "admin.createService": { method: "POST", path: "/admin/services", response: adminServiceResponseSchema },
  "admin.patchService": {
    method: "PATCH",
    path: "/admin/services/:serviceId",
    response: adminServiceResponseSchema,
  },
  "admin.offer": { method: "GET", path: "/admin/centres/:centreId/services", response: offerResponseSchema },
  "admin.putOffer": {
    method: "PUT",
    path: "/admin/centres/:centreId/services",
    response: offerResponseSchema,
  },
  "admin.counters": {
    method: "GET",
    path: "/admin/centres/:centreId/counters",
    response: adminCountersResponseSchema,
  },
  "admin.createCounter": {
    method: "POST",
    path: "/admin/centres/:centreId/counters",
    response: adminCounterResponseSchema,
  },
  "admin.patchCounter": {
    method: "PATCH",
    path: "/admin/counters/:counterId",
    response: adminCounterResponseSchema,
  },
  "admin.users": { method: "GET", path: "/admin/users", response: adminUsersResponseSchema },
  "admin.createUser": { method: "POST", path: "/admin/users", response: createdUserResponseSchema },
  "admin.patchUser": { method: "PATCH", path: "/admin/users/:userId", response: adminUserResponseSchema },
  "admin.resetPassword": {
    method: "POST",
    path: "/admin/users/:userId/reset-password",
    response: temporaryPasswordResponseSchema,
  },
  "admin.resetMfa": { method: "POST", path: "/admin/users/:userId/reset-mfa", response: noContent },
  "admin.devices": {
    method: "GET",
    path: "/admin/centres/:centreId/devices",
    response: adminDevicesResponseSchema,
  },
  "admin.createDevice": {
    method: "POST",
    path: "/admin/centres/:centreId/devices",
    response: createdDeviceResponseSchema,
  },
  "admin.patchDevice": {
    method: "PATCH",
    path: "/admin/devices/:deviceId",
    response: adminDeviceResponseSchema,
  },
  "admin.revokeDevice": {
    method: "POST",
    path: "/admin/devices/:deviceId/revoke",
    response: adminDeviceResponseSchema,
  },
  "admin.pairingCode": {
    method: "POST",
    path: "/admin/devices/:deviceId/pairing-code",
    response: pairingCodeResponseSchema,
  },
  "admin.closedDates": {
    method: "GET",
    path: "/admin/centres/:centreId/closed-dates",
    response: closedDatesResponseSchema,
  },
  "admin.putClosedDates": {
    method: "PUT",
    path: "/admin/centres/:centreId/closed-dates",
    response: closedDatesResponseSchema,
  },
  "admin.holidays": { method: "GET", path: "/admin/holidays", response: closedDatesResponseSchema },
  "admin.putHolidays": { method: "PUT", path: "/admin/holidays", response: closedDatesResponseSchema },
  "admin.audit": { method: "GET", path: "/admin/audit", response: auditResponseSchema },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;
