import {
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
  type StaffTicketAction,
  type Ticket,
  type User,
} from "@dost/shared";
import { createApiClient, routePath, ROUTES, type Query } from "@dost/shared/client";
import { adminEndpoints } from "./admin-api.js";
import { capacityCalls } from "./capacity-calls.js";
import { learnServerTime } from "./server-clock.js";
import { volunteerEndpoints } from "./volunteer-api.js";

/** The ticket actions with a route of their own under /tickets/:id/ and no body (transfer has one). */
export type TicketCommand = Exclude<StaffTicketAction, "transfer">;

export interface ConsoleApiOptions {
  /** The session token, sent as `Authorization: Bearer`; without one the cookie speaks. */
  token(): string | null;
  /**
   * Any 401 outside sign-in: the session expired or was revoked. It names the token the request
   * carried, so a late answer to an old session cannot sign out a newer one.
   */
  onUnauthenticated(token: string | null): void;
  fetch?: typeof fetch;
  base?: string;
}

export interface Me {
  user: User;
  /** The work profile this user last opened a counter with; null when the server does not say. */
  lastServiceIds: string[] | null;
}

/** What a report asks for; without `centreId` a manager means its own centre and an admin all. */
export interface ReportRequest {
  centreId: string | null;
  from: string;
  to: string;
  groupBy: ReportGroup;
}

/** The query of /reports/summary, shared by the JSON fetch and the CSV link. */
function reportParams(request: ReportRequest, format: "json" | "csv", language: Language): Query {
  return {
    centreId: request.centreId || undefined,
    from: request.from,
    to: request.to,
    groupBy: request.groupBy,
    format,
    language,
  };
}

/** The CSV download: a plain link, which the session cookie authenticates. */
export const reportCsvUrl = (request: ReportRequest, language: Language, base = "/api/v1"): string =>
  `${base}${routePath(ROUTES.report, undefined, reportParams(request, "csv", language))}`;

/** Every endpoint the console calls, typed and checked against the shared schemas. */
export function createConsoleApi(options: ConsoleApiOptions) {
  const BEARER = "Bearer ";
  const api = createApiClient({
    ...(options.base ? { base: options.base } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    credentials: "same-origin",
    authorization: () => {
      const token = options.token();
      return token ? `${BEARER}${token}` : null;
    },
    onUnauthenticated: (authorization) =>
      options.onUnauthenticated(authorization?.slice(BEARER.length) ?? null),
    onAnswer: (response, sentAt) => learnServerTime(response.headers.get("date"), sentAt, Date.now()),
  });
  const { call } = api;
  return {
    /** With `code` (the authenticator app's, or a recovery code) for a user with a second factor. */
    login: (username: string, password: string, code?: string) =>
      call("login", {
        body: { username, password, ...(code ? { code } : {}) },
        expectUnauthenticated: true,
      }),
    /** A new TOTP secret and its otpauth:// URI, shown this once. */
    mfaEnrolment: () => call("mfaEnrolment"),
    /** Confirms with a code from the app; the answer holds the recovery codes, shown this once. */
    mfaConfirm: (code: string) => call("mfaConfirm", { body: { code } }),
    me: async (): Promise<Me> => {
      const { user, lastServiceIds } = await call("me");
      return { user, lastServiceIds: lastServiceIds ?? null };
    },
    /** The first sign-in with a temporary password, or any change; the answer is the updated user. */
    changePassword: async (currentPassword: string, newPassword: string): Promise<User> =>
      (await call("changePassword", { body: { currentPassword, newPassword } })).user,
    logout: () => call("logout", { expectUnauthenticated: true }),

    centres: async (): Promise<Centre[]> => (await call("centres")).centres,
    services: async (centreId: string): Promise<Service[]> =>
      (await call("services", { params: { centreId } })).services,
    counters: async (centreId: string): Promise<Counter[]> =>
      (await call("counters", { params: { centreId } })).counters,
    waiting: async (centreId: string): Promise<Ticket[]> =>
      (await call("tickets", { params: { centreId }, query: { status: "waiting" } })).tickets,

    openCounter: (counterId: string, serviceIds?: string[]) =>
      call("openCounter", { params: { counterId }, body: serviceIds ? { serviceIds } : {} }),
    pause: (counterId: string, reason: string) =>
      call("pauseCounter", { params: { counterId }, body: { reason } }),
    resume: (counterId: string) => call("resumeCounter", { params: { counterId } }),
    closeCounter: (counterId: string) => call("closeCounter", { params: { counterId } }),
    callNext: async (counterId: string): Promise<Ticket | null> =>
      (await call("callNext", { params: { counterId } })).ticket,
    /** The visitor at the counter and the next few in its call order, each with why (staff only). */
    nextInLine: (counterId: string): Promise<CounterNext> => call("nextInLine", { params: { counterId } }),
    callTicket: async (counterId: string, ticketId: string, reason: string): Promise<Ticket> =>
      (await call("callTicket", { params: { counterId }, body: { ticketId, reason } })).ticket,

    act: async (ticketId: string, command: TicketCommand): Promise<Ticket> =>
      (await call(`ticket.${command}`, { params: { ticketId } })).ticket,
    transfer: async (ticketId: string, serviceId: string, note?: string): Promise<Ticket> =>
      (
        await call("ticket.transfer", {
          params: { ticketId },
          body: note ? { serviceId, note } : { serviceId },
        })
      ).ticket,
    /** A centre's appointments of one service day (YYYY-MM-DD), unmasked for its own staff. */
    appointments: async (centreId: string, date: string): Promise<Appointment[]> =>
      (await call("appointments", { params: { centreId }, query: { date } })).appointments,
    liveStats: (centreId: string): Promise<LiveStats> => call("liveStats", { params: { centreId } }),
    /** The centre's alerts raised since `since` (ISO), or those of today; open ones have clearedAt null. */
    alerts: async (centreId: string, since?: string): Promise<Alert[]> =>
      (await call("alerts", { params: { centreId }, query: { since } })).alerts,
    /** Counters needed against counters open, hour by hour, for a service day (YYYY-MM-DD). */
    staffing: (centreId: string, date: string): Promise<StaffingResponse> =>
      call("staffing", { params: { centreId }, query: { date } }),
    ...capacityCalls(api),
    nationalStats: (): Promise<NationalStats> => call("nationalStats"),
    report: (request: ReportRequest, language: Language): Promise<Report> =>
      call("report", { query: reportParams(request, "json", language) }),

    addNote: (ticketId: string, note: string) => call("addNote", { params: { ticketId }, body: { note } }),

    /** The Administration area's endpoints (CONTRACT.md "Administration"). */
    admin: adminEndpoints(api),
    /** The volunteer's tablet: issuing and checking in for a visitor. */
    volunteer: volunteerEndpoints(api),
  };
}

export type ConsoleApi = ReturnType<typeof createConsoleApi>;
