import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";

/**
 * Bad administration requests: each gets its 400, 403 or 409 in the contract's shape with a reason
 * where the refusal is the domain's, and not one row of any table changes (audit included).
 */
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let admin = "";
let manager = "";
const ids: Record<string, string> = {};

const TABLES = [
  "centres",
  "services",
  "centre_services",
  "counters",
  "users",
  "devices",
  "device_pairing_codes",
  "closed_dates",
  "audit_events",
  "tickets",
];

async function snapshot(): Promise<string> {
  const parts = await Promise.all(
    TABLES.map(async (table) => {
      const [row] = await queryRows<{ h: string }>(
        t.db.database.db,
        sql.raw(`SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`),
      );
      return `${table}:${row!.h}`;
    }),
  );
  return parts.join(",");
}

const name = { az: "Ad", ru: "Имя", en: "Name" };
const week = (periods: { open: string; close: string }[]) =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, periods]));
const newCentre = (over: object) => ({
  code: "NEW-1",
  name,
  timezone: "Asia/Baku",
  openingHours: week([{ open: "09:00", close: "18:00" }]),
  ...over,
});
const newService = (over: object) => ({
  code: "NEW-SERVICE",
  prefix: "Q",
  name,
  category: "documents",
  handlingMinutes: 5,
  targetWaitMinutes: 10,
  ...over,
});

interface Case {
  name: string;
  as: "admin" | "manager";
  method: "POST" | "PUT" | "PATCH" | "GET";
  url: () => string;
  payload?: () => object;
  status: number;
  reason?: string;
}

const CASES: Case[] = [
  // Centres.
  {
    name: "a centre code that exists",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/centres",
    payload: () => newCentre({ code: "BAKU-1" }),
    status: 409,
    reason: "code_taken",
  },
  {
    name: "an unknown timezone",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/centres",
    payload: () => newCentre({ timezone: "Mars/Olympus_Mons" }),
    status: 400,
  },
  {
    name: "an offset instead of a timezone",
    as: "admin",
    method: "PATCH",
    url: () => "/api/v1/admin/centres/BAKU-1",
    payload: () => ({ timezone: "+04:00" }),
    status: 400,
  },
  {
    name: "hours that end before they start",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/centres",
    payload: () => newCentre({ openingHours: week([{ open: "18:00", close: "09:00" }]) }),
    status: 400,
  },
  {
    name: "overlapping periods in a day",
    as: "manager",
    method: "PATCH",
    url: () => "/api/v1/admin/centres/BAKU-1",
    payload: () => ({
      openingHours: week([
        { open: "09:00", close: "13:00" },
        { open: "12:00", close: "18:00" },
      ]),
    }),
    status: 400,
  },
  {
    name: "renaming a centre to another's code",
    as: "admin",
    method: "PATCH",
    url: () => "/api/v1/admin/centres/BAKU-1",
    payload: () => ({ code: "BAKU-2" }),
    status: 409,
    reason: "code_taken",
  },
  {
    name: "an infinite priority bonus",
    as: "admin",
    method: "PATCH",
    url: () => "/api/v1/admin/centres/BAKU-1",
    payload: () => ({
      policy: {
        priorityBonusSeconds: {
          none: 0,
          disability: 1e9,
          veteran: 0,
          martyr_family: 0,
          elderly: 0,
          pregnant: 0,
        },
        appointmentBonusSeconds: 0,
      },
    }),
    status: 400,
  },
  // The catalogue and the offer.
  {
    name: "a service code that exists",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/services",
    payload: () => newService({ code: "PEN-AGE" }),
    status: 409,
    reason: "code_taken",
  },
  {
    name: "a four-letter prefix",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/services",
    payload: () => newService({ prefix: "ABCD" }),
    status: 400,
  },
  {
    name: "a lower-case prefix",
    as: "admin",
    method: "PATCH",
    url: () => `/api/v1/admin/services/${ids.service0}`,
    payload: () => ({ prefix: "a" }),
    status: 400,
  },
  {
    name: "two services of a centre with one prefix",
    as: "admin",
    method: "PUT",
    url: () => "/api/v1/admin/centres/BAKU-1/services",
    payload: () => ({
      services: [
        { serviceId: ids.service0, prefix: "PEN" },
        { serviceId: ids.service1, prefix: "PEN" },
      ],
    }),
    status: 409,
    reason: "prefix_taken",
  },
  {
    name: "an override that repeats another service's default prefix",
    as: "admin",
    method: "PUT",
    url: () => "/api/v1/admin/centres/BAKU-1/services",
    payload: () => ({ services: [{ serviceId: ids.service0 }, { serviceId: ids.service1, prefix: "A" }] }),
    status: 409,
    reason: "prefix_taken",
  },
  {
    name: "a service listed twice",
    as: "admin",
    method: "PUT",
    url: () => "/api/v1/admin/centres/BAKU-1/services",
    payload: () => ({ services: [{ serviceId: ids.service0 }, { serviceId: ids.service0 }] }),
    status: 400,
  },
  {
    name: "a service not in the catalogue",
    as: "admin",
    method: "PUT",
    url: () => "/api/v1/admin/centres/BAKU-1/services",
    payload: () => ({ services: [{ serviceId: "6f1d2c3b-0000-4000-8000-000000000000" }] }),
    status: 400,
  },
  {
    name: "dropping a service people wait for",
    as: "admin",
    method: "PUT",
    url: () => "/api/v1/admin/centres/BAKU-1/services",
    payload: () => ({ services: [{ serviceId: ids.service1 }] }),
    status: 409,
    reason: "service_in_use",
  },
  // Counters.
  {
    name: "a counter label the centre has",
    as: "manager",
    method: "POST",
    url: () => "/api/v1/admin/centres/BAKU-1/counters",
    payload: () => ({ label: "1", zone: "ground" }),
    status: 409,
    reason: "label_taken",
  },
  {
    name: "taking an open counter out of use",
    as: "manager",
    method: "PATCH",
    url: () => `/api/v1/admin/counters/${ids.openCounter}`,
    payload: () => ({ active: false }),
    status: 409,
    reason: "counter_in_use",
  },
  // Users.
  {
    name: "a role that does not exist",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/users",
    payload: () => ({ username: "new.one", displayName: "New", role: "superuser", centreId: "BAKU-1" }),
    status: 400,
  },
  {
    name: "an upper-case username",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/users",
    payload: () => ({ username: "New.One", displayName: "New", role: "staff", centreId: "BAKU-1" }),
    status: 400,
  },
  {
    name: "a username that is taken",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/users",
    payload: () => ({ username: "staff.baku1.1", displayName: "Again", role: "staff", centreId: "BAKU-1" }),
    status: 409,
    reason: "username_taken",
  },
  {
    name: "an admin of a centre",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/users",
    payload: () => ({ username: "new.admin", displayName: "New", role: "admin", centreId: "BAKU-1" }),
    status: 400,
    reason: "role_centre_mismatch",
  },
  {
    name: "staff of no centre",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/users",
    payload: () => ({ username: "new.staff", displayName: "New", role: "staff", centreId: null }),
    status: 400,
    reason: "role_centre_mismatch",
  },
  {
    name: "a centre that does not exist",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/users",
    payload: () => ({ username: "new.staff", displayName: "New", role: "staff", centreId: "NOWHERE" }),
    status: 400,
  },
  {
    name: "disabling the last admin",
    as: "admin",
    method: "PATCH",
    url: () => `/api/v1/admin/users/${ids.admin}`,
    payload: () => ({ disabled: true }),
    status: 409,
    reason: "last_admin",
  },
  // Devices and closed dates.
  {
    name: "a feedback tablet at no counter",
    as: "manager",
    method: "POST",
    url: () => "/api/v1/admin/centres/BAKU-1/devices",
    payload: () => ({ kind: "feedback", label: "Tablet" }),
    status: 400,
  },
  {
    name: "a feedback tablet at another centre's counter",
    as: "admin",
    method: "POST",
    url: () => "/api/v1/admin/centres/BAKU-1/devices",
    payload: () => ({ kind: "feedback", label: "Tablet", counterId: ids.counterOf2 }),
    status: 400,
  },
  {
    name: "a kiosk at a counter",
    as: "manager",
    method: "POST",
    url: () => "/api/v1/admin/centres/BAKU-1/devices",
    payload: () => ({ kind: "kiosk", label: "Kiosk", counterId: ids.openCounter }),
    status: 400,
  },
  {
    name: "a device kind that does not exist",
    as: "manager",
    method: "POST",
    url: () => "/api/v1/admin/centres/BAKU-1/devices",
    payload: () => ({ kind: "printer", label: "Printer" }),
    status: 400,
  },
  {
    name: "a closed date listed twice",
    as: "manager",
    method: "PUT",
    url: () => "/api/v1/admin/centres/BAKU-1/closed-dates",
    payload: () => ({
      dates: [
        { date: "2026-12-24", reason: name },
        { date: "2026-12-24", reason: name },
      ],
    }),
    status: 400,
  },
  {
    name: "a date that does not exist",
    as: "admin",
    method: "PUT",
    url: () => "/api/v1/admin/holidays",
    payload: () => ({ dates: [{ date: "2027-02-30", reason: name }] }),
    status: 400,
  },
  // A manager beyond its centre or its powers.
  {
    name: "a manager changing another centre",
    as: "manager",
    method: "PATCH",
    url: () => "/api/v1/admin/centres/BAKU-2",
    payload: () => ({ lastTicketMinutesBeforeClosing: 10 }),
    status: 403,
    reason: "centre_not_yours",
  },
  {
    name: "a manager changing its centre's timezone",
    as: "manager",
    method: "PATCH",
    url: () => "/api/v1/admin/centres/BAKU-1",
    payload: () => ({ timezone: "Europe/Moscow" }),
    status: 403,
    reason: "admin_only",
  },
  {
    name: "a manager creating an admin",
    as: "manager",
    method: "POST",
    url: () => "/api/v1/admin/users",
    payload: () => ({ username: "sneaky.admin", displayName: "X", role: "admin", centreId: null }),
    status: 403,
    reason: "role_not_allowed",
  },
  {
    name: "a manager creating a manager",
    as: "manager",
    method: "POST",
    url: () => "/api/v1/admin/users",
    payload: () => ({ username: "other.manager", displayName: "X", role: "manager", centreId: "BAKU-1" }),
    status: 403,
    reason: "role_not_allowed",
  },
  {
    name: "a manager creating staff at another centre",
    as: "manager",
    method: "POST",
    url: () => "/api/v1/admin/users",
    payload: () => ({ username: "far.staff", displayName: "X", role: "staff", centreId: "BAKU-2" }),
    status: 403,
    reason: "centre_not_yours",
  },
  {
    name: "a manager disabling another centre's staff",
    as: "manager",
    method: "PATCH",
    url: () => `/api/v1/admin/users/${ids.staffOf2}`,
    payload: () => ({ disabled: true }),
    status: 403,
    reason: "centre_not_yours",
  },
  {
    name: "a manager promoting its staff to manager",
    as: "manager",
    method: "PATCH",
    url: () => `/api/v1/admin/users/${ids.staffOf1}`,
    payload: () => ({ role: "manager" }),
    status: 403,
    reason: "role_not_allowed",
  },
  {
    name: "a manager resetting another manager's password",
    as: "manager",
    method: "POST",
    url: () => `/api/v1/admin/users/${ids.managerOf2}/reset-password`,
    status: 403,
  },
  {
    name: "a manager revoking another centre's device",
    as: "manager",
    method: "POST",
    url: () => `/api/v1/admin/devices/${ids.deviceOf2}/revoke`,
    status: 403,
    reason: "centre_not_yours",
  },
  {
    name: "a manager pairing another centre's device",
    as: "manager",
    method: "POST",
    url: () => `/api/v1/admin/devices/${ids.deviceOf2}/pairing-code`,
    status: 403,
    reason: "centre_not_yours",
  },
  {
    name: "a manager relabelling another centre's counter",
    as: "manager",
    method: "PATCH",
    url: () => `/api/v1/admin/counters/${ids.counterOf2}`,
    payload: () => ({ label: "99" }),
    status: 403,
    reason: "centre_not_yours",
  },
  {
    name: "a manager adding a device to another centre",
    as: "manager",
    method: "POST",
    url: () => "/api/v1/admin/centres/BAKU-2/devices",
    payload: () => ({ kind: "kiosk", label: "Kiosk" }),
    status: 403,
    reason: "centre_not_yours",
  },
  {
    name: "a manager reading another centre's audit",
    as: "manager",
    method: "GET",
    url: () => "/api/v1/admin/audit?centreId=BAKU-2",
    status: 403,
    reason: "centre_not_yours",
  },
  {
    name: "a manager changing what its centre offers",
    as: "manager",
    method: "PUT",
    url: () => "/api/v1/admin/centres/BAKU-1/services",
    payload: () => ({ services: [] }),
    status: 403,
  },
  {
    name: "a manager setting national holidays",
    as: "manager",
    method: "PUT",
    url: () => "/api/v1/admin/holidays",
    payload: () => ({ dates: [] }),
    status: 403,
  },
];

beforeAll(async () => {
  t = await startTestApp();
  api = apiClient(t.app);
  const adminSession = await api.login("admin");
  admin = adminSession.auth;
  ids.admin = adminSession.user.id;
  manager = (await api.login("manager.baku1")).auth;
  const services = await api.services("BAKU-1");
  ids.service0 = services[0]!.id;
  ids.service1 = services[1]!.id;
  // Someone waits for the first service, and a counter is open.
  await api.issue("BAKU-1", { serviceId: ids.service0 });
  const staff = await api.login("staff.baku1.1");
  ids.openCounter = (await api.counters("BAKU-1", admin))[0]!.id;
  expect((await api.openCounter(ids.openCounter, staff.auth)).status).toBe(204);
  ids.counterOf2 = (await api.counters("BAKU-2", admin))[0]!.id;
  const people = await api.call<{ users: { id: string; username: string }[] }>({
    method: "GET",
    url: "/api/v1/admin/users",
    auth: admin,
  });
  const byName = new Map(people.body.users.map((u) => [u.username, u.id]));
  ids.staffOf1 = byName.get("staff.baku1.2")!;
  ids.staffOf2 = byName.get("staff.baku2.1")!;
  ids.managerOf2 = byName.get("manager.baku2")!;
  const devices = await api.call<{ devices: { id: string }[] }>({
    method: "GET",
    url: "/api/v1/admin/centres/BAKU-2/devices",
    auth: admin,
  });
  ids.deviceOf2 = devices.body.devices[0]!.id;
});
afterAll(() => t.close());

describe("bad administration requests", () => {
  it("are refused with the right status and reason, and change nothing", async () => {
    const before = await snapshot();
    for (const c of CASES) {
      const res = await api.call<{ error: { code: string; reason?: string; message: string } }>({
        method: c.method,
        url: c.url(),
        auth: c.as === "admin" ? admin : manager,
        ...(c.payload ? { payload: c.payload() } : {}),
      });
      const label = `${c.name}: ${res.status} ${JSON.stringify(res.body)}`;
      expect(res.status, label).toBe(c.status);
      expect(Object.keys(res.body), label).toEqual(["error"]);
      expect(res.body.error.message, label).toEqual(expect.any(String));
      if (c.reason) expect(res.body.error.reason, label).toBe(c.reason);
    }
    expect(await snapshot()).toBe(before);
  });

  it("names the fields of an invalid centre", async () => {
    const res = await api.call<{ error: { details: { path: string }[] } }>({
      method: "POST",
      url: "/api/v1/admin/centres",
      auth: admin,
      payload: newCentre({
        timezone: "Nowhere/Land",
        openingHours: week([{ open: "25:00", close: "09:00" }]),
      }),
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d) => d.path);
    expect(paths).toContain("body.timezone");
    expect(paths.some((p) => p.startsWith("body.openingHours.mon"))).toBe(true);
  });
});
