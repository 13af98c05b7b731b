import type { Service } from "@dost/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/rows.js";
import { apiClient } from "../support/api.js";
import { startTestApp, type TestApp } from "../support/app.js";

/**
 * Issue 12, row 10: control characters and bidi overrides are refused with 400 and the reason
 * `text_characters_not_allowed` in every free-text field a person types, by the shared schemas;
 * nothing is stored.
 */
const REASON = "text_characters_not_allowed";
/** Right-to-left override, bell, a C1 control, a bidi isolate, and (on one line) a line break. */
const ANYWHERE = ["Ali\u202Eilev", "Ali\u0007", "Ali\u0085", "Ali\u2066x\u2069", "Ali\u202Ax", "Ali\u007F"];
const ON_ONE_LINE = [...ANYWHERE, "Ali\nVeli", "Ali\tVeli"];

let t: TestApp;
let api: ReturnType<typeof apiClient>;
let admin: string;
let manager: string;
let staff: string;
let services: Service[];
let counterId: string;
let userId: string;
let ticketId: string;

beforeAll(async () => {
  t = await startTestApp();
  api = apiClient(t.app);
  admin = (await api.login("admin")).auth;
  manager = (await api.login("manager.baku1")).auth;
  staff = (await api.login("staff.baku1.1")).auth;
  services = await api.services("BAKU-1");
  counterId = (await api.counters("BAKU-1", staff))[0]!.id;
  const users = await api.call<{ users: { id: string; username: string }[] }>({
    method: "GET",
    url: "/api/v1/admin/users?centreId=BAKU-1",
    auth: manager,
  });
  userId = users.body.users.find((u) => u.username === "staff.baku1.2")!.id;
  ticketId = (await api.issue("BAKU-1", { serviceId: services[0]!.id })).body.ticket.id;
});
afterAll(() => t?.close());

const local = (text: string) => ({ az: text, ru: text, en: text });

interface Field {
  name: string;
  method: "POST" | "PUT" | "PATCH";
  url: () => string;
  auth: () => string | undefined;
  payload: (text: string) => Record<string, unknown>;
  multiline?: boolean;
}

const FIELDS: Field[] = [
  {
    name: "citizen name of a booking",
    method: "POST",
    url: () => "/api/v1/appointments",
    auth: () => undefined,
    payload: (name) => ({
      centreId: "BAKU-1",
      serviceId: services.find((s) => s.appointmentEnabled)!.id,
      start: "2026-11-25T11:00:00+04:00",
      citizen: { name, phone: "+994501234567" },
    }),
  },
  {
    name: "display name of a new user",
    method: "POST",
    url: () => "/api/v1/admin/users",
    auth: () => manager,
    payload: (displayName) => ({ username: "free.text", displayName, role: "staff", centreId: "BAKU-1" }),
  },
  {
    name: "display name of a user",
    method: "PATCH",
    url: () => `/api/v1/admin/users/${userId}`,
    auth: () => manager,
    payload: (displayName) => ({ displayName }),
  },
  {
    name: "counter label",
    method: "POST",
    url: () => "/api/v1/admin/centres/BAKU-1/counters",
    auth: () => manager,
    payload: (label) => ({ label }),
  },
  {
    name: "counter label (change)",
    method: "PATCH",
    url: () => `/api/v1/admin/counters/${counterId}`,
    auth: () => manager,
    payload: (label) => ({ label }),
  },
  {
    name: "device label",
    method: "POST",
    url: () => "/api/v1/admin/centres/BAKU-1/devices",
    auth: () => manager,
    payload: (label) => ({ kind: "kiosk", label }),
  },
  {
    name: "centre name",
    method: "PATCH",
    url: () => "/api/v1/admin/centres/BAKU-1",
    auth: () => admin,
    payload: (text) => ({ name: local(text) }),
  },
  {
    name: "service name and documents",
    method: "PATCH",
    url: () => `/api/v1/admin/services/${services[0]!.id}`,
    auth: () => admin,
    payload: (text) => ({ documents: [local(text)] }),
  },
  {
    name: "reason of a closed date",
    method: "PUT",
    url: () => "/api/v1/admin/centres/BAKU-1/closed-dates",
    auth: () => manager,
    payload: (text) => ({ dates: [{ date: "2026-12-31", reason: local(text) }] }),
  },
  {
    name: "display message",
    method: "PUT",
    url: () => "/api/v1/centres/BAKU-1/display-message",
    auth: () => manager,
    payload: (text) => ({ message: local(text) }),
    multiline: true,
  },
  {
    name: "reason of a break",
    method: "POST",
    url: () => `/api/v1/counters/${counterId}/break`,
    auth: () => staff,
    payload: (reason) => ({ reason }),
    multiline: true,
  },
  {
    name: "reason to call out of turn",
    method: "POST",
    url: () => `/api/v1/counters/${counterId}/call`,
    auth: () => staff,
    payload: (reason) => ({ ticketId, reason }),
    multiline: true,
  },
  {
    name: "note on a ticket",
    method: "POST",
    url: () => `/api/v1/tickets/${ticketId}/notes`,
    auth: () => staff,
    payload: (note) => ({ note }),
    multiline: true,
  },
  {
    name: "note of a transfer",
    method: "POST",
    url: () => `/api/v1/tickets/${ticketId}/transfer`,
    auth: () => staff,
    payload: (note) => ({ serviceId: services[1]!.id, note }),
    multiline: true,
  },
  {
    name: "note of a ticket action",
    method: "POST",
    url: () => `/api/v1/tickets/${ticketId}/cancel`,
    auth: () => staff,
    payload: (note) => ({ note }),
    multiline: true,
  },
];

/** A digest of every table a refused request could have written. */
async function stored(): Promise<string> {
  const [row] = await queryRows<{ h: string }>(
    t.db.database.db,
    sql.raw(
      [
        "appointments",
        "users",
        "counters",
        "devices",
        "centres",
        "services",
        "closed_dates",
        "tickets",
        "ticket_events",
      ]
        .map(
          (table) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${table} x)`,
        )
        .join(" || ")
        .replace(/^/, "SELECT ")
        .concat(" AS h"),
    ),
  );
  return row!.h;
}

describe("free text", () => {
  it("with control or bidi characters is refused with 400 and a reason in every field, and nothing is stored", async () => {
    const before = await stored();
    let refusals = 0;
    for (const field of FIELDS) {
      for (const text of field.multiline ? ANYWHERE : ON_ONE_LINE) {
        const auth = field.auth();
        const res = await api.call<{ error: { code: string; reason?: string; details?: unknown[] } }>({
          method: field.method,
          url: field.url(),
          payload: field.payload(text),
          ...(auth ? { auth } : {}),
        });
        const what = `${field.name} with ${JSON.stringify(text)}`;
        expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body.error, what).toMatchObject({ code: "VALIDATION_FAILED", reason: REASON });
        refusals++;
      }
    }
    expect(refusals).toBe(9 * ON_ONE_LINE.length + 6 * ANYWHERE.length);
    expect(await stored()).toBe(before);
  });

  it("in Azerbaijani, Russian and with line breaks where a field spans lines is accepted", async () => {
    const named = await api.call({
      method: "PATCH",
      url: `/api/v1/admin/users/${userId}`,
      auth: manager,
      payload: { displayName: "Şəhla Ağayeva-Гусейнова" },
    });
    expect(named.status).toBe(200);
    const note = await api.call({
      method: "POST",
      url: `/api/v1/tickets/${ticketId}/notes`,
      auth: staff,
      payload: { note: "Sənəd çatışmır:\n\t– arayış" },
    });
    expect(note.status).toBeLessThan(300);
  });
});
