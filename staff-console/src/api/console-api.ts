import {
  alertsResponseSchema,
  appointmentsResponseSchema,
  centresResponseSchema,
  changePasswordResponseSchema,
  counterNextResponseSchema,
  countersResponseSchema,
  liveStatsResponseSchema,
  loginResponseSchema,
  maybeTicketResponseSchema,
  meResponseSchema,
  nationalStatsResponseSchema,
  reportResponseSchema,
  servicesResponseSchema,
  staffingResponseSchema,
  ticketResponseSchema,
  ticketsResponseSchema,
  type Alert,
  type Appointment,
  type Centre,
  type Counter,
  type CounterNext,
  type Language,
  type LiveStats,
  type StaffingResponse,
  type NationalStats,
  type Report,
  type ReportGroup,
  type Service,
  type Ticket,
  type User,
} from "@dost/shared";
import { adminEndpoints } from "./admin-api.js";
import { capacityCalls } from "./capacity-calls.js";
import { createHttp, type HttpOptions } from "./http.js";
import { volunteerEndpoints } from "./volunteer-api.js";

/** The ticket actions with a route of their own under /tickets/:id/. */
export type TicketCommand = "recall" | "start" | "complete" | "noShow" | "cancel";

const COMMAND_PATHS: Record<TicketCommand, string> = {
  recall: "recall",
  start: "start",
  complete: "complete",
  noShow: "no-show",
  cancel: "cancel",
};

export interface Me {
  user: User;
  /** The work profile this user last opened a counter with; null when the server does not say. */
  lastServiceIds: string[] | null;
}

/** `lastServiceIds` came later than the rest of /auth/me; a server without it is still understood. */
const meSchema = meResponseSchema.partial({ lastServiceIds: true });
const meParser = {
  parse(data: unknown): Me {
    const { user, lastServiceIds } = meSchema.parse(data);
    return { user, lastServiceIds: lastServiceIds ?? null };
  },
};

/** What a report asks for; without `centreId` a manager means its own centre and an admin all. */
export interface ReportRequest {
  centreId: string | null;
  from: string;
  to: string;
  groupBy: ReportGroup;
}

/** The query string of /reports/summary, shared by the JSON fetch and the CSV link. */
export function reportQuery(request: ReportRequest, format: "json" | "csv", language: Language): string {
  const query = new URLSearchParams();
  if (request.centreId) query.set("centreId", request.centreId);
  query.set("from", request.from);
  query.set("to", request.to);
  query.set("groupBy", request.groupBy);
  query.set("format", format);
  query.set("language", language);
  return query.toString();
}

/** The CSV download: a plain link, which the session cookie authenticates. */
export const reportCsvUrl = (request: ReportRequest, language: Language, base = "/api/v1"): string =>
  `${base}/reports/summary?${reportQuery(request, "csv", language)}`;

const ignore = { parse: (): void => undefined };
const at = (id: string) => encodeURIComponent(id);

/** Every endpoint the console calls, typed and checked against the shared schemas. */
export function createConsoleApi(options: HttpOptions) {
  const http = createHttp(options);
  return {
    login: (username: string, password: string) =>
      http.post("/auth/login", { username, password }, loginResponseSchema, { expectUnauthenticated: true }),
    me: () => http.get("/auth/me", meParser),
    /** The first sign-in with a temporary password, or any change; the answer is the updated user. */
    changePassword: async (currentPassword: string, newPassword: string): Promise<User> =>
      (await http.post("/auth/password", { currentPassword, newPassword }, changePasswordResponseSchema))
        .user,
    logout: () => http.post("/auth/logout", undefined, ignore, { expectUnauthenticated: true }),

    centres: async (): Promise<Centre[]> => (await http.get("/centres", centresResponseSchema)).centres,
    services: async (centreId: string): Promise<Service[]> =>
      (await http.get(`/centres/${at(centreId)}/services`, servicesResponseSchema)).services,
    counters: async (centreId: string): Promise<Counter[]> =>
      (await http.get(`/centres/${at(centreId)}/counters`, countersResponseSchema)).counters,
    waiting: async (centreId: string): Promise<Ticket[]> =>
      (await http.get(`/centres/${at(centreId)}/tickets?status=waiting`, ticketsResponseSchema)).tickets,

    openCounter: (counterId: string, serviceIds?: string[]) =>
      http.command(`/counters/${at(counterId)}/open`, serviceIds ? { serviceIds } : {}),
    pause: (counterId: string, reason: string) =>
      http.command(`/counters/${at(counterId)}/break`, { reason }),
    resume: (counterId: string) => http.command(`/counters/${at(counterId)}/resume`),
    closeCounter: (counterId: string) => http.command(`/counters/${at(counterId)}/close`),
    callNext: async (counterId: string): Promise<Ticket | null> =>
      (await http.post(`/counters/${at(counterId)}/call-next`, undefined, maybeTicketResponseSchema)).ticket,
    /** The visitor at the counter and the next few in its call order, each with why (staff only). */
    nextInLine: (counterId: string): Promise<CounterNext> =>
      http.get(`/counters/${at(counterId)}/next`, counterNextResponseSchema),
    callTicket: async (counterId: string, ticketId: string, reason: string): Promise<Ticket> =>
      (await http.post(`/counters/${at(counterId)}/call`, { ticketId, reason }, ticketResponseSchema)).ticket,

    act: async (ticketId: string, command: TicketCommand): Promise<Ticket> =>
      (await http.post(`/tickets/${at(ticketId)}/${COMMAND_PATHS[command]}`, undefined, ticketResponseSchema))
        .ticket,
    transfer: async (ticketId: string, serviceId: string, note?: string): Promise<Ticket> =>
      (
        await http.post(
          `/tickets/${at(ticketId)}/transfer`,
          note ? { serviceId, note } : { serviceId },
          ticketResponseSchema,
        )
      ).ticket,
    /** A centre's appointments of one service day (YYYY-MM-DD), unmasked for its own staff. */
    appointments: async (centreId: string, date: string): Promise<Appointment[]> =>
      (
        await http.get(
          `/centres/${at(centreId)}/appointments?date=${encodeURIComponent(date)}`,
          appointmentsResponseSchema,
        )
      ).appointments,
    liveStats: (centreId: string): Promise<LiveStats> =>
      http.get(`/centres/${at(centreId)}/stats/live`, liveStatsResponseSchema),
    /** The centre's alerts raised since `since` (ISO), or those of today; open ones have clearedAt null. */
    alerts: async (centreId: string, since?: string): Promise<Alert[]> =>
      (
        await http.get(
          `/centres/${at(centreId)}/alerts${since ? `?since=${encodeURIComponent(since)}` : ""}`,
          alertsResponseSchema,
        )
      ).alerts,
    /** Counters needed against counters open, hour by hour, for a service day (YYYY-MM-DD). */
    staffing: (centreId: string, date: string): Promise<StaffingResponse> =>
      http.get(`/centres/${at(centreId)}/staffing?date=${encodeURIComponent(date)}`, staffingResponseSchema),
    ...capacityCalls(http),
    nationalStats: (): Promise<NationalStats> => http.get("/stats/national", nationalStatsResponseSchema),
    report: (request: ReportRequest, language: Language): Promise<Report> =>
      http.get(`/reports/summary?${reportQuery(request, "json", language)}`, reportResponseSchema),

    addNote: (ticketId: string, note: string) => http.command(`/tickets/${at(ticketId)}/notes`, { note }),

    /** The Administration area's endpoints (CONTRACT.md "Administration"). */
    admin: adminEndpoints(http),
    /** The volunteer's tablet: issuing and checking in for a visitor. */
    volunteer: volunteerEndpoints(http),
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
