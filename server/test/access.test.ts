import type { Ticket } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { createAccount, TEST_PASSWORD } from "./support/accounts.js";
import { FakeClock } from "./support/clock.js";

/**
 * The role × route matrix: for every /api/v1 route, who gets through and who is refused, including
 * principals of another centre. Every route the server registers must appear here.
 */
type Who =
  | "anonymous"
  | "kiosk1"
  | "display1"
  | "staff1"
  | "manager1"
  | "admin"
  | "staff2"
  | "manager2"
  | "kiosk2"
  | "display2"
  | "viewer"
  | "volunteer1"
  | "volunteer2"
  | "feedback1";
const EVERYONE: Who[] = [
  "anonymous",
  "kiosk1",
  "display1",
  "staff1",
  "manager1",
  "admin",
  "staff2",
  "manager2",
  "kiosk2",
  "display2",
  "viewer",
  "volunteer1",
  "volunteer2",
  "feedback1",
];
const USERS_ANY_CENTRE: Who[] = [
  "staff1",
  "manager1",
  "admin",
  "staff2",
  "manager2",
  "viewer",
  "volunteer1",
  "volunteer2",
];
const STAFF_OF_1: Who[] = ["staff1", "manager1", "admin"];
/** Configuration of BAKU-1: its manager and admins. */
const MANAGERS_OF_1: Who[] = ["manager1", "admin"];
/** Lists a manager reads for its own centre and an admin for all. */
const ANY_MANAGER: Who[] = ["manager1", "admin", "manager2"];

const SMS_CALLBACK_SECRET = "access-test-callback-secret";
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let serviceIds: string[];

interface Sample {
  allowed: Who[];
  /** Builds the request afresh for each caller, so one caller's effect cannot change another's answer. */
  request(who: Who): Promise<{
    method: "GET" | "POST" | "PUT" | "PATCH";
    url: string;
    payload?: unknown;
    headers?: Record<string, string>;
  }>;
}

let bookableServiceId = "";
let slotIndex = 0;
let phoneIndex = 0;

/** A booking for a fresh slot and phone, so no caller's request collides with another's. */
async function bookingBody() {
  const date = ["2026-12-01", "2026-12-02", "2026-12-03"][slotIndex % 3];
  const slots = await api.call<{ slots: { start: string }[] }>({
    method: "GET",
    url: `/api/v1/centres/BAKU-1/services/${bookableServiceId}/slots?date=${date}`,
  });
  const start = slots.body.slots[Math.floor(slotIndex++ / 3) % slots.body.slots.length]!.start;
  return {
    centreId: "BAKU-1",
    serviceId: bookableServiceId,
    start,
    citizen: { name: "Test Citizen", phone: `+99455${String(1_000_000 + phoneIndex++)}` },
  };
}

async function bookedCode(): Promise<string> {
  return (await booked()).code;
}

/** A fresh booking's code and the last four digits of its phone, which changing it by code asks. */
async function booked(): Promise<{ code: string; phoneLast4: string }> {
  const body = await bookingBody();
  const res = await api.call<{ appointment: { code: string } }>({
    method: "POST",
    url: "/api/v1/appointments",
    payload: body,
  });
  return { code: res.body.appointment.code, phoneLast4: body.citizen.phone.slice(-4) };
}

async function waitingTicket(): Promise<Ticket> {
  return (await api.issue("BAKU-1", { serviceId: serviceIds[0] })).body.ticket;
}

let adminSession: string | undefined;
/** A counter tablet of BAKU-1 (device kind `feedback`), paired in beforeAll. */
let feedbackTabletKey = "";
const adminAuth = async () => (adminSession ??= (await api.login("admin")).auth);
let serial = 0;
const next = () => ++serial;

/** A fresh staff user of BAKU-1 for each caller, so one caller's change cannot touch another's target. */
async function freshStaff(): Promise<string> {
  const res = await api.call<{ user: { id: string } }>({
    method: "POST",
    url: "/api/v1/admin/users",
    auth: await adminAuth(),
    payload: { username: `target.${next()}`, displayName: "Target", role: "staff", centreId: "BAKU-1" },
  });
  return res.body.user.id;
}

async function freshDevice(): Promise<string> {
  const res = await api.call<{ device: { id: string } }>({
    method: "POST",
    url: "/api/v1/admin/centres/BAKU-1/devices",
    auth: await adminAuth(),
    payload: { kind: "kiosk", label: `Kiosk ${next()}` },
  });
  return res.body.device.id;
}

const freeCounter = async () => {
  const admin = await api.login("admin");
  return (await api.counters("BAKU-1", admin.auth)).filter((c) => c.status === "closed").at(-1)!;
};

const MATRIX: Record<string, Sample> = {
  "POST /api/v1/auth/login": {
    allowed: EVERYONE,
    request: async () => ({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "staff.baku1.8", password: "dost-demo" },
    }),
  },
  "POST /api/v1/auth/password": {
    allowed: USERS_ANY_CENTRE,
    // A wrong current password: 400, past the access rule, and nothing changes.
    request: async () => ({
      method: "POST",
      url: "/api/v1/auth/password",
      payload: { currentPassword: "not-the-password", newPassword: "Another-long-passphrase-9" },
    }),
  },
  "POST /api/v1/auth/mfa/enrolment": {
    allowed: USERS_ANY_CENTRE,
    // Offers a secret; nothing changes until a code confirms it.
    request: async () => ({ method: "POST", url: "/api/v1/auth/mfa/enrolment" }),
  },
  "POST /api/v1/auth/mfa/confirm": {
    allowed: USERS_ANY_CENTRE,
    // No set-up started or a wrong code: 409 or 400, past the access rule.
    request: async () => ({ method: "POST", url: "/api/v1/auth/mfa/confirm", payload: { code: "000000" } }),
  },
  "POST /api/v1/devices/pair": {
    allowed: EVERYONE,
    request: async () => {
      const code = await api.call<{ code: string }>({
        method: "POST",
        url: `/api/v1/admin/devices/${await freshDevice()}/pairing-code`,
        auth: await adminAuth(),
      });
      return { method: "POST", url: "/api/v1/devices/pair", payload: { code: code.body.code } };
    },
  },
  "POST /api/v1/auth/logout": {
    allowed: USERS_ANY_CENTRE,
    request: async () => ({ method: "POST", url: "/api/v1/auth/logout" }),
  },
  "GET /api/v1/auth/me": {
    allowed: USERS_ANY_CENTRE,
    request: async () => ({ method: "GET", url: "/api/v1/auth/me" }),
  },
  "GET /api/v1/devices/me": {
    allowed: ["kiosk1", "display1", "kiosk2", "display2", "feedback1"],
    request: async () => ({ method: "GET", url: "/api/v1/devices/me" }),
  },
  "GET /api/v1/centres": {
    allowed: EVERYONE,
    request: async () => ({ method: "GET", url: "/api/v1/centres" }),
  },
  "GET /api/v1/centres/:centreId/services": {
    allowed: EVERYONE,
    request: async () => ({ method: "GET", url: "/api/v1/centres/BAKU-1/services" }),
  },
  "POST /api/v1/centres/:centreId/tickets": {
    allowed: ["kiosk1", "volunteer1", ...STAFF_OF_1],
    request: async () => ({
      method: "POST",
      url: "/api/v1/centres/BAKU-1/tickets",
      payload: { serviceId: serviceIds[0] },
    }),
  },
  "GET /api/v1/centres/:centreId/tickets": {
    allowed: STAFF_OF_1,
    request: async () => ({ method: "GET", url: "/api/v1/centres/BAKU-1/tickets?status=waiting" }),
  },
  "POST /api/v1/public/tickets/:publicId/feedback": {
    allowed: EVERYONE,
    request: async () => ({
      method: "POST",
      url: `/api/v1/public/tickets/${(await waitingTicket()).publicId}/feedback`,
      payload: { score: 5 },
    }),
  },
  "GET /api/v1/public/tickets/:publicId/feedback": {
    allowed: EVERYONE,
    request: async () => ({
      method: "GET",
      url: `/api/v1/public/tickets/${(await waitingTicket()).publicId}/feedback`,
    }),
  },
  "GET /api/v1/feedback-tablet/ticket": {
    allowed: ["feedback1"],
    request: async () => ({ method: "GET", url: "/api/v1/feedback-tablet/ticket" }),
  },
  "POST /api/v1/feedback-tablet/feedback": {
    allowed: ["feedback1"],
    request: async () => ({
      method: "POST",
      url: "/api/v1/feedback-tablet/feedback",
      payload: { ticketId: (await waitingTicket()).id, score: 4 },
    }),
  },
  "GET /api/v1/public/tickets/:publicId": {
    allowed: EVERYONE,
    request: async () => ({
      method: "GET",
      url: `/api/v1/public/tickets/${(await waitingTicket()).publicId}`,
    }),
  },
  ...Object.fromEntries(
    ["recall", "start", "complete", "no-show", "cancel"].map((action) => [
      `POST /api/v1/tickets/:ticketId/${action}`,
      {
        allowed: STAFF_OF_1,
        request: async () => ({
          method: "POST",
          url: `/api/v1/tickets/${(await waitingTicket()).id}/${action}`,
        }),
      } satisfies Sample,
    ]),
  ),
  "POST /api/v1/tickets/:ticketId/transfer": {
    allowed: STAFF_OF_1,
    request: async () => ({
      method: "POST",
      url: `/api/v1/tickets/${(await waitingTicket()).id}/transfer`,
      payload: { serviceId: serviceIds[1] },
    }),
  },
  "POST /api/v1/tickets/:ticketId/notes": {
    allowed: STAFF_OF_1,
    request: async () => ({
      method: "POST",
      url: `/api/v1/tickets/${(await waitingTicket()).id}/notes`,
      payload: { note: "brought papers" },
    }),
  },
  "GET /api/v1/centres/:centreId/counters": {
    allowed: STAFF_OF_1,
    request: async () => ({ method: "GET", url: "/api/v1/centres/BAKU-1/counters" }),
  },
  "GET /api/v1/counters/:counterId/queue": {
    allowed: STAFF_OF_1,
    request: async () => ({ method: "GET", url: `/api/v1/counters/${(await freeCounter()).id}/queue` }),
  },
  "GET /api/v1/counters/:counterId/next": {
    allowed: STAFF_OF_1,
    request: async () => ({ method: "GET", url: `/api/v1/counters/${(await freeCounter()).id}/next` }),
  },
  ...Object.fromEntries(
    ["open", "break", "resume", "close", "call-next", "call"].map((action) => [
      `POST /api/v1/counters/:counterId/${action}`,
      {
        allowed: STAFF_OF_1,
        request: async () => ({
          method: "POST",
          url: `/api/v1/counters/${(await freeCounter()).id}/${action}`,
          payload:
            action === "break"
              ? { reason: "lunch" }
              : action === "call"
                ? { ticketId: (await waitingTicket()).id, reason: "test" }
                : {},
        }),
      } satisfies Sample,
    ]),
  ),
  "GET /api/v1/centres/:centreId/display-state": {
    allowed: ["display1", "kiosk1", ...STAFF_OF_1],
    request: async () => ({ method: "GET", url: "/api/v1/centres/BAKU-1/display-state" }),
  },
  "GET /api/v1/centres/:centreId/services/:serviceId/slots": {
    allowed: EVERYONE,
    request: async () => ({
      method: "GET",
      url: `/api/v1/centres/BAKU-1/services/${bookableServiceId}/slots?date=2026-12-01`,
    }),
  },
  "GET /api/v1/centres/:centreId/services/:serviceId/calendar": {
    allowed: EVERYONE,
    request: async () => ({
      method: "GET",
      url: `/api/v1/centres/BAKU-1/services/${bookableServiceId}/calendar?from=2026-12-01&days=7`,
    }),
  },
  "POST /api/v1/appointments": {
    allowed: EVERYONE,
    request: async () => ({ method: "POST", url: "/api/v1/appointments", payload: await bookingBody() }),
  },
  "GET /api/v1/appointments/:code": {
    allowed: EVERYONE,
    request: async () => ({ method: "GET", url: `/api/v1/appointments/${await bookedCode()}` }),
  },
  "GET /api/v1/appointments/:code/calendar.ics": {
    allowed: EVERYONE,
    request: async () => ({ method: "GET", url: `/api/v1/appointments/${await bookedCode()}/calendar.ics` }),
  },
  // The SMS provider proves itself with a shared secret, whoever else it is: everyone carrying the
  // secret gets through (404: no such message), and without it everyone gets 401
  // (sms-gateway.test.ts).
  "POST /api/v1/notifications/sms/status": {
    allowed: EVERYONE,
    request: async () => ({
      method: "POST",
      url: "/api/v1/notifications/sms/status",
      headers: { "x-callback-secret": SMS_CALLBACK_SECRET },
      payload: { messageId: crypto.randomUUID(), status: "delivered" },
    }),
  },
  "POST /api/v1/appointments/:code/cancel": {
    allowed: EVERYONE,
    request: async () => {
      const { code, phoneLast4 } = await booked();
      return { method: "POST", url: `/api/v1/appointments/${code}/cancel`, payload: { phoneLast4 } };
    },
  },
  "POST /api/v1/appointments/:code/reschedule": {
    allowed: EVERYONE,
    request: async () => {
      const body = await bookingBody();
      const { code, phoneLast4 } = await booked();
      return {
        method: "POST",
        url: `/api/v1/appointments/${code}/reschedule`,
        payload: { start: body.start, phoneLast4 },
      };
    },
  },
  "POST /api/v1/centres/:centreId/check-in": {
    allowed: ["kiosk1", "volunteer1", ...STAFF_OF_1],
    // An unknown code: the caller gets past the access rule and is told 404, which is not a refusal.
    request: async () => ({
      method: "POST",
      url: "/api/v1/centres/BAKU-1/check-in",
      payload: { code: "ZZZZ2222" },
    }),
  },
  "GET /api/v1/centres/:centreId/appointments": {
    allowed: STAFF_OF_1,
    request: async () => ({ method: "GET", url: "/api/v1/centres/BAKU-1/appointments?date=2026-12-01" }),
  },
  "GET /api/v1/centres/:centreId/stats/live": {
    allowed: ["manager1", "admin", "viewer"],
    request: async () => ({ method: "GET", url: "/api/v1/centres/BAKU-1/stats/live" }),
  },
  "GET /api/v1/centres/:centreId/alerts": {
    allowed: ["manager1", "admin", "viewer"],
    request: async () => ({ method: "GET", url: "/api/v1/centres/BAKU-1/alerts" }),
  },
  "GET /api/v1/centres/:centreId/staffing": {
    allowed: ["manager1", "admin", "viewer"],
    request: async () => ({ method: "GET", url: "/api/v1/centres/BAKU-1/staffing?date=2026-11-24" }),
  },
  "GET /api/v1/centres/:centreId/appointment-capacity": {
    allowed: ["manager1", "admin", "viewer"],
    request: async () => ({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/appointment-capacity?date=2026-11-24",
    }),
  },
  "POST /api/v1/centres/:centreId/appointment-capacity/apply": {
    allowed: MANAGERS_OF_1,
    request: async () => ({
      method: "POST",
      url: "/api/v1/centres/BAKU-1/appointment-capacity/apply",
      payload: { date: "2026-11-24" },
    }),
  },
  "GET /api/v1/admin/centres/:centreId/slot-capacity": {
    allowed: MANAGERS_OF_1,
    request: async () => ({ method: "GET", url: "/api/v1/admin/centres/BAKU-1/slot-capacity" }),
  },
  "PUT /api/v1/admin/centres/:centreId/slot-capacity": {
    allowed: MANAGERS_OF_1,
    // No service listed: the caller gets through and nothing changes.
    request: async () => ({
      method: "PUT",
      url: "/api/v1/admin/centres/BAKU-1/slot-capacity",
      payload: { services: [] },
    }),
  },
  "GET /api/v1/admin/centres/:centreId/alert-thresholds": {
    allowed: ["manager1", "admin", "viewer"],
    request: async () => ({ method: "GET", url: "/api/v1/admin/centres/BAKU-1/alert-thresholds" }),
  },
  "PUT /api/v1/admin/centres/:centreId/alert-thresholds": {
    allowed: MANAGERS_OF_1,
    request: async () => ({
      method: "PUT",
      url: "/api/v1/admin/centres/BAKU-1/alert-thresholds",
      payload: {},
    }),
  },
  "GET /api/v1/public/waits": {
    allowed: EVERYONE,
    request: async () => ({ method: "GET", url: "/api/v1/public/waits" }),
  },
  "GET /api/v1/stats/national": {
    allowed: ["admin", "viewer"],
    request: async () => ({ method: "GET", url: "/api/v1/stats/national" }),
  },
  "GET /api/v1/reports/summary": {
    allowed: ["manager1", "admin", "viewer"],
    request: async () => ({
      method: "GET",
      url: "/api/v1/reports/summary?centreId=BAKU-1&from=2026-11-01&to=2026-11-30",
    }),
  },
  "PUT /api/v1/centres/:centreId/display-message": {
    allowed: ["manager1", "admin"],
    request: async () => ({
      method: "PUT",
      url: "/api/v1/centres/BAKU-1/display-message",
      payload: { message: { az: "Xoş gəlmisiniz", ru: "Добро пожаловать", en: "Welcome" } },
    }),
  },
};

const ADMIN_MATRIX: Record<string, Sample> = {
  "GET /api/v1/admin/centres": {
    allowed: ANY_MANAGER,
    request: async () => ({ method: "GET", url: "/api/v1/admin/centres" }),
  },
  "POST /api/v1/admin/centres": {
    allowed: ["admin"],
    request: async () => ({
      method: "POST",
      url: "/api/v1/admin/centres",
      payload: {
        code: `TEST-${next()}`,
        name: { az: "Sınaq", ru: "Тест", en: "Test" },
        timezone: "Asia/Baku",
        openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      },
    }),
  },
  "GET /api/v1/admin/centres/:centreId": {
    allowed: MANAGERS_OF_1,
    request: async () => ({ method: "GET", url: "/api/v1/admin/centres/BAKU-1" }),
  },
  "PATCH /api/v1/admin/centres/:centreId": {
    allowed: MANAGERS_OF_1,
    request: async () => ({
      method: "PATCH",
      url: "/api/v1/admin/centres/BAKU-1",
      payload: { lastTicketMinutesBeforeClosing: 30 },
    }),
  },
  "GET /api/v1/admin/centres/:centreId/services": {
    allowed: MANAGERS_OF_1,
    request: async () => ({ method: "GET", url: "/api/v1/admin/centres/BAKU-1/services" }),
  },
  "PUT /api/v1/admin/centres/:centreId/services": {
    allowed: ["admin"],
    // The offer as it is: the caller gets through, and nothing changes for the other samples.
    request: async () => {
      const offer = await api.call<{ services: { serviceId: string; prefix: string }[] }>({
        method: "GET",
        url: "/api/v1/admin/centres/BAKU-1/services",
        auth: await adminAuth(),
      });
      return {
        method: "PUT",
        url: "/api/v1/admin/centres/BAKU-1/services",
        payload: { services: offer.body.services.map((s) => ({ serviceId: s.serviceId, prefix: s.prefix })) },
      };
    },
  },
  "GET /api/v1/admin/centres/:centreId/closed-dates": {
    allowed: MANAGERS_OF_1,
    request: async () => ({ method: "GET", url: "/api/v1/admin/centres/BAKU-1/closed-dates" }),
  },
  "PUT /api/v1/admin/centres/:centreId/closed-dates": {
    allowed: MANAGERS_OF_1,
    request: async () => ({
      method: "PUT",
      url: "/api/v1/admin/centres/BAKU-1/closed-dates",
      payload: { dates: [] },
    }),
  },
  "GET /api/v1/admin/holidays": {
    allowed: ["admin"],
    request: async () => ({ method: "GET", url: "/api/v1/admin/holidays" }),
  },
  "PUT /api/v1/admin/holidays": {
    allowed: ["admin"],
    request: async () => {
      const current = await api.call<{ dates: unknown[] }>({
        method: "GET",
        url: "/api/v1/admin/holidays",
        auth: await adminAuth(),
      });
      return { method: "PUT", url: "/api/v1/admin/holidays", payload: { dates: current.body.dates } };
    },
  },
  "GET /api/v1/admin/services": {
    allowed: ANY_MANAGER,
    request: async () => ({ method: "GET", url: "/api/v1/admin/services" }),
  },
  "POST /api/v1/admin/services": {
    allowed: ["admin"],
    request: async () => ({
      method: "POST",
      url: "/api/v1/admin/services",
      payload: {
        code: `TEST-${next()}`,
        prefix: "T",
        name: { az: "Sınaq", ru: "Тест", en: "Test" },
        category: "documents",
        handlingMinutes: 5,
        targetWaitMinutes: 10,
      },
    }),
  },
  "PATCH /api/v1/admin/services/:serviceId": {
    allowed: ["admin"],
    request: async () => ({
      method: "PATCH",
      url: `/api/v1/admin/services/${serviceIds[0]}`,
      payload: { documents: [] },
    }),
  },
  "GET /api/v1/admin/centres/:centreId/counters": {
    allowed: MANAGERS_OF_1,
    request: async () => ({ method: "GET", url: "/api/v1/admin/centres/BAKU-1/counters" }),
  },
  "POST /api/v1/admin/centres/:centreId/counters": {
    allowed: MANAGERS_OF_1,
    request: async () => ({
      method: "POST",
      url: "/api/v1/admin/centres/BAKU-1/counters",
      payload: { label: `T${next()}`, zone: "ground" },
    }),
  },
  "PATCH /api/v1/admin/counters/:counterId": {
    allowed: MANAGERS_OF_1,
    request: async () => {
      const counter = await freeCounter();
      return {
        method: "PATCH",
        url: `/api/v1/admin/counters/${counter.id}`,
        payload: { zone: counter.zone },
      };
    },
  },
  "GET /api/v1/admin/users": {
    allowed: ANY_MANAGER,
    request: async () => ({ method: "GET", url: "/api/v1/admin/users" }),
  },
  "POST /api/v1/admin/users": {
    allowed: MANAGERS_OF_1,
    request: async () => ({
      method: "POST",
      url: "/api/v1/admin/users",
      payload: { username: `new.${next()}`, displayName: "New", role: "staff", centreId: "BAKU-1" },
    }),
  },
  "PATCH /api/v1/admin/users/:userId": {
    allowed: MANAGERS_OF_1,
    request: async () => ({
      method: "PATCH",
      url: `/api/v1/admin/users/${await freshStaff()}`,
      payload: { displayName: "Renamed" },
    }),
  },
  "POST /api/v1/admin/users/:userId/reset-password": {
    allowed: MANAGERS_OF_1,
    request: async () => ({
      method: "POST",
      url: `/api/v1/admin/users/${await freshStaff()}/reset-password`,
    }),
  },
  "POST /api/v1/admin/users/:userId/reset-mfa": {
    allowed: ["admin"],
    request: async () => ({ method: "POST", url: `/api/v1/admin/users/${await freshStaff()}/reset-mfa` }),
  },
  "GET /api/v1/admin/centres/:centreId/devices": {
    allowed: MANAGERS_OF_1,
    request: async () => ({ method: "GET", url: "/api/v1/admin/centres/BAKU-1/devices" }),
  },
  "POST /api/v1/admin/centres/:centreId/devices": {
    allowed: MANAGERS_OF_1,
    request: async () => ({
      method: "POST",
      url: "/api/v1/admin/centres/BAKU-1/devices",
      payload: { kind: "display", label: `Display ${next()}` },
    }),
  },
  "PATCH /api/v1/admin/devices/:deviceId": {
    allowed: MANAGERS_OF_1,
    request: async () => ({
      method: "PATCH",
      url: `/api/v1/admin/devices/${await freshDevice()}`,
      payload: { printer: null },
    }),
  },
  "POST /api/v1/admin/devices/:deviceId/revoke": {
    allowed: MANAGERS_OF_1,
    request: async () => ({ method: "POST", url: `/api/v1/admin/devices/${await freshDevice()}/revoke` }),
  },
  "POST /api/v1/admin/devices/:deviceId/pairing-code": {
    allowed: MANAGERS_OF_1,
    request: async () => ({
      method: "POST",
      url: `/api/v1/admin/devices/${await freshDevice()}/pairing-code`,
    }),
  },
  "GET /api/v1/admin/audit": {
    allowed: MANAGERS_OF_1,
    request: async () => ({ method: "GET", url: "/api/v1/admin/audit?centreId=BAKU-1" }),
  },
};
Object.assign(MATRIX, ADMIN_MATRIX);

async function authFor(who: Who): Promise<string | undefined> {
  const users: Partial<Record<Who, string>> = {
    staff1: "staff.baku1.1",
    manager1: "manager.baku1",
    admin: "admin",
    staff2: "staff.baku2.1",
    manager2: "manager.baku2",
  };
  const accounts: Partial<Record<Who, string>> = {
    viewer: "viewer.ministry",
    volunteer1: "volunteer.baku1",
    volunteer2: "volunteer.baku2",
  };
  const devices: Partial<Record<Who, string>> = {
    kiosk1: "Device demo-kiosk-BAKU-1",
    display1: "Device demo-display-BAKU-1",
    kiosk2: "Device demo-kiosk-BAKU-2",
    display2: "Device demo-display-BAKU-2",
    feedback1: `Device ${feedbackTabletKey}`,
  };
  const username = users[who];
  // A fresh session per request: logout must not sign the next request out.
  if (username) return (await api.login(username)).auth;
  const account = accounts[who];
  if (account) return (await api.login(account, TEST_PASSWORD)).auth;
  return devices[who];
}

beforeAll(async () => {
  // Monday 23 November 2026, 10:00 in Baku, so the booking dates below stay in the future.
  t = await startTestApp({
    clock: new FakeClock("2026-11-23T06:00:00Z"),
    env: { SMS_CALLBACK_SECRET },
  });
  api = apiClient(t.app);
  const services = await api.services("BAKU-1");
  serviceIds = services.map((s) => s.id);
  bookableServiceId = services.find((s) => s.appointmentEnabled)!.id;
  // The roles the demo does not have, created as an installation would.
  const admin = await adminAuth();
  await createAccount(api, admin, { username: "viewer.ministry", role: "viewer", centreId: null });
  await createAccount(api, admin, { username: "volunteer.baku1", role: "volunteer", centreId: "BAKU-1" });
  await createAccount(api, admin, { username: "volunteer.baku2", role: "volunteer", centreId: "BAKU-2" });
  const counter = (await api.counters("BAKU-1", admin))[0]!;
  const tablet = await api.call<{ key: string }>({
    method: "POST",
    url: "/api/v1/admin/centres/BAKU-1/devices",
    auth: admin,
    payload: { kind: "feedback", label: "Tablet at 1", counterId: counter.id },
  });
  expect(tablet.status).toBe(201);
  feedbackTabletKey = tablet.body.key;
});
afterAll(() => t.close());

describe("access control", () => {
  it("covers every registered /api/v1 route", () => {
    const registered = t.app.accessRules.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [route, sample] of Object.entries(MATRIX)) {
    it(`${route}: admits ${sample.allowed.join(", ")}; refuses the rest`, async () => {
      for (const who of EVERYONE) {
        const req = await sample.request(who);
        const auth = await authFor(who);
        const res = await api.call<{ error?: { code: string } }>({
          ...req,
          ...(auth ? { auth } : {}),
        } as Parameters<typeof api.call>[0]);
        const label = `${who} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 120)}`;
        if (sample.allowed.includes(who)) {
          expect([401, 403].includes(res.status) || res.status >= 500, label).toBe(false);
        } else if (who === "anonymous") {
          expect(res.status, label).toBe(401);
          expect(res.body?.error?.code, label).toBe("UNAUTHENTICATED");
        } else {
          expect([403, 404], label).toContain(res.status);
        }
      }
    });
  }

  it("refuses unknown, revoked and malformed credentials with 401", async () => {
    const me = (auth: string) => api.call({ method: "GET", url: "/api/v1/auth/me", auth });
    expect((await me("Bearer not-a-token")).status).toBe(401);
    expect((await me("Device not-a-key")).status).toBe(401);
    expect((await me("Basic abc")).status).toBe(401);
    const session = await api.login("staff.baku1.2");
    expect((await me(session.auth)).status).toBe(200);
    await api.call({ method: "POST", url: "/api/v1/auth/logout", auth: session.auth });
    expect((await me(session.auth)).status).toBe(401);
  });

  it("signs in with the httpOnly cookie as well as the bearer token", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "staff.baku1.3", password: "dost-demo" },
    });
    const cookie = res.cookies.find((c) => c.name === "dost_session");
    expect(cookie?.httpOnly).toBe(true);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/v1/auth/me",
      cookies: { dost_session: cookie!.value },
    });
    expect(me.statusCode).toBe(200);
  });

  it("refuses a wrong password without saying whether the user exists", async () => {
    const wrong = await api.call<{ error: { message: string } }>({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "staff.baku1.1", password: "nope" },
    });
    const unknown = await api.call<{ error: { message: string } }>({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "nobody", password: "nope" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });
});

describe("rate limits", () => {
  it("limits login attempts per address and username with 429 in the contract's shape", async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: "3" } });
    try {
      const attempt = () =>
        limited.app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { username: "staff.baku1.1", password: "guess" },
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    } finally {
      await limited.close();
    }
  });
});
