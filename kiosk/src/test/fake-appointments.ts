import { addDays, weekdayOf, type Appointment, type Centre, type Service } from "@dost/shared";
import { vi } from "vitest";
import { demoRoutes, errorBody, json, type Handler } from "./fake-server.js";
import { CENTRE, PENSION, SERVICES, ticket } from "./fixtures.js";

/**
 * The appointment endpoints as the component tests see them: one centre whose calendar runs from
 * Monday 23 November 2026 (today) for 30 days, with Wednesday the 25th fully booked, and one
 * booking that the routes keep, so booking, looking up, moving and cancelling agree.
 */
export const TODAY = "2026-11-23";
/** 10:00 in Baku on TODAY; component tests fix the browser's Date to it. */
export const NOW = "2026-11-23T06:00:00.000Z";
export const FULL_DAY = "2026-11-25";
export const CODE = "HK7M3XQ9RT";
/** A code issued before codes grew to 10 characters: the kiosk still checks it in. */
export const LEGACY_CODE = "ABCD2345";
/** The last four digits of the stored booking's phone, which cancelling or moving it asks. */
export const PHONE_LAST4 = "4567";

export const SUMGAYIT: Centre = {
  id: "11111111-1111-4111-8111-111111111112",
  code: "SUMGAYIT",
  name: { az: "Sumqayıt DOST mərkəzi", ru: "Центр DOST Сумгайыт", en: "DOST Centre Sumgayit" },
  timezone: "Asia/Baku",
};

export const SURVIVOR_PENSION: Service = {
  ...PENSION,
  id: "22222222-2222-4222-8222-222222222224",
  code: "PEN-SURV",
  prefix: "B",
  appointmentEnabled: true,
  name: {
    az: "Ailə başçısını itirməyə görə pensiya",
    ru: "Пенсия по потере кормильца",
    en: "Survivor's pension",
  },
};

const SERVICE_PATH = `/api/v1/centres/${CENTRE.id}/services/${SURVIVOR_PENSION.id}`;

/** A day's status as the server would judge it on TODAY with a 30-day window. */
function dayOf(date: string) {
  if (date < TODAY) return { date, status: "past" as const, available: 0 };
  if (date > addDays(TODAY, 30)) return { date, status: "beyond_window" as const, available: 0 };
  if (weekdayOf(date) === "sat" || weekdayOf(date) === "sun")
    return { date, status: "closed" as const, available: 0 };
  if (date === FULL_DAY) return { date, status: "full" as const, available: 0 };
  return { date, status: "open" as const, available: 52 };
}

/** 09:00 to 12:00 in Baku (UTC+4) every 20 minutes; the 09:20 slot is full. */
export function slotsOf(date: string) {
  return Array.from({ length: 9 }, (_, i) => {
    const start = new Date(`${date}T09:00:00+04:00`).getTime() + i * 20 * 60_000;
    return {
      start: new Date(start).toISOString(),
      end: new Date(start + 20 * 60_000).toISOString(),
      available: i === 1 ? 0 : 2,
    };
  });
}

export function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: "55555555-5555-4555-8555-555555555555",
    code: CODE,
    centreId: CENTRE.id,
    serviceId: SURVIVOR_PENSION.id,
    // Tuesday 24 November, 11:00 in Baku.
    start: "2026-11-24T07:00:00.000Z",
    end: "2026-11-24T07:20:00.000Z",
    status: "booked",
    language: "az",
    citizen: { name: "L*** Ə***", phone: "+99450***4567", pin: null },
    ticketId: null,
    checkedInAt: null,
    ...overrides,
  };
}

export function appointmentRoutes(): {
  routes: Record<string, Handler>;
  stored: { current: Appointment | null };
} {
  const stored: { current: Appointment | null } = { current: null };
  const own =
    (handler: (a: Appointment) => Response): Handler =>
    () =>
      stored.current ? handler(stored.current) : errorBody(404, "NOT_FOUND");
  const routes: Record<string, Handler> = {
    ...demoRoutes(),
    "GET /api/v1/centres": () => json(200, { centres: [CENTRE, SUMGAYIT] }),
    [`GET /api/v1/centres/${CENTRE.id}/services`]: () =>
      json(200, { services: [...SERVICES, SURVIVOR_PENSION] }),
    [`GET ${SERVICE_PATH}/calendar`]: (r) => {
      const from = r.query.get("from") ?? TODAY;
      const days = Number(r.query.get("days") ?? 31);
      return json(200, { days: Array.from({ length: days }, (_, i) => dayOf(addDays(from, i))) });
    },
    [`GET ${SERVICE_PATH}/slots`]: (r) => json(200, { slots: slotsOf(r.query.get("date") ?? TODAY) }),
    "POST /api/v1/appointments": (r) => {
      const body = r.body as { start: string; language: Appointment["language"] };
      const end = new Date(new Date(body.start).getTime() + 20 * 60_000).toISOString();
      stored.current = appointment({ start: body.start, end, language: body.language });
      return json(201, { appointment: stored.current });
    },
    [`GET /api/v1/appointments/${CODE}`]: own((a) => json(200, { appointment: a })),
    [`POST /api/v1/appointments/${CODE}/cancel`]: (r) => {
      if (!stored.current) return errorBody(404, "NOT_FOUND");
      if ((r.body as { phoneLast4?: string }).phoneLast4 !== PHONE_LAST4) return errorBody(403, "FORBIDDEN");
      stored.current = { ...stored.current, status: "cancelled" };
      return json(200, { appointment: stored.current });
    },
    [`POST /api/v1/appointments/${CODE}/reschedule`]: (r) => {
      if (!stored.current) return errorBody(404, "NOT_FOUND");
      const { start, phoneLast4 } = r.body as { start: string; phoneLast4?: string };
      if (phoneLast4 !== PHONE_LAST4) return errorBody(403, "FORBIDDEN");
      stored.current = { ...stored.current, start };
      return json(200, { appointment: stored.current });
    },
    [`POST /api/v1/centres/${CENTRE.id}/check-in`]: (r) =>
      [CODE, LEGACY_CODE].includes((r.body as { code: string }).code)
        ? json(201, { ticket: ticket({ code: "B007", serviceId: SURVIVOR_PENSION.id, position: 0 }) })
        : errorBody(404, "NOT_FOUND"),
  };
  return { routes, stored };
}

/** The browser's clock on TODAY at 10:00 in Baku, for the calendar's first guess of the month. */
export function fixBrowserDate(): void {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(NOW) });
}

/** A 409 as the server words it: its English message, and the reason (with params) apps translate. */
export const conflict = (message: string, reason?: string, params?: Record<string, string>): Response =>
  json(409, {
    error: { code: "CONFLICT", message, ...(reason ? { reason } : {}), ...(params ? { params } : {}) },
  });
