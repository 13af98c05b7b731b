import type { AuditEvent, Service, Ticket } from "@dost/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

/**
 * The audit trail: every kind of write leaves one row with who, from where, and before/after; the
 * table refuses to be changed; the list filters and pages. Also the centre's own overrides of the
 * catalogue (prefix, slot capacity, target wait) reaching every read.
 */
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let admin = "";
let manager = "";
const clock = new FakeClock("2026-11-23T06:00:00Z");
const name = { az: "Ad", ru: "Имя", en: "Name" };

type Page = { events: AuditEvent[]; nextCursor: string | null };
const audit = async (query: string, auth = admin) =>
  (await api.call<Page>({ method: "GET", url: `/api/v1/admin/audit?${query}`, auth })).body;
const latest = async (kind: string) => (await audit(`kind=${kind}&limit=1`)).events[0];

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
  admin = (await api.login("admin")).auth;
  manager = (await api.login("manager.baku1")).auth;
});
afterAll(() => t.close());

describe("the audit trail", () => {
  it("records each kind of write with its actor, address and before/after", async () => {
    const call = (method: "POST" | "PATCH" | "PUT", url: string, payload?: object, auth = admin) =>
      api.call<Record<string, { id: string }>>({
        method,
        url,
        auth,
        ...(payload ? { payload } : {}),
        remoteAddress: "203.0.113.7",
      });
    const centre = (
      await call("POST", "/api/v1/admin/centres", {
        code: "AUDIT-1",
        name,
        timezone: "Asia/Baku",
        openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      })
    ).body.centre!;
    await call("PATCH", "/api/v1/admin/centres/AUDIT-1", { bookingWindowDays: 14 });
    const service = (
      await call("POST", "/api/v1/admin/services", {
        code: "AUD-SVC",
        prefix: "AU",
        name,
        category: "documents",
        handlingMinutes: 5,
        targetWaitMinutes: 10,
      })
    ).body.service!;
    await call("PATCH", `/api/v1/admin/services/${service.id}`, { handlingMinutes: 7 });
    await call("PUT", "/api/v1/admin/centres/AUDIT-1/services", { services: [{ serviceId: service.id }] });
    const counter = (
      await call("POST", "/api/v1/admin/centres/AUDIT-1/counters", { label: "1", zone: "main" })
    ).body.counter!;
    await call("PATCH", `/api/v1/admin/counters/${counter.id}`, { zone: "upstairs" });
    const user = (
      await call("POST", "/api/v1/admin/users", {
        username: "audit.staff",
        displayName: "Audit Staff",
        role: "staff",
        centreId: "AUDIT-1",
      })
    ).body.user!;
    await call("PATCH", `/api/v1/admin/users/${user.id}`, { displayName: "Audited Staff" });
    await call("POST", `/api/v1/admin/users/${user.id}/reset-password`);
    const device = (
      await call("POST", "/api/v1/admin/centres/AUDIT-1/devices", { kind: "display", label: "D" })
    ).body.device!;
    await call("POST", `/api/v1/admin/devices/${device.id}/pairing-code`);
    await call("POST", `/api/v1/admin/devices/${device.id}/revoke`);
    await call("PUT", "/api/v1/admin/centres/AUDIT-1/closed-dates", {
      dates: [{ date: "2026-12-31", reason: name }],
    });
    const holidays = await api.call<{ dates: unknown[] }>({
      method: "GET",
      url: "/api/v1/admin/holidays",
      auth: admin,
    });
    await call("PUT", "/api/v1/admin/holidays", { dates: holidays.body.dates });

    const expectations: [string, string, boolean][] = [
      ["centre.created", centre.id, false],
      ["centre.updated", centre.id, true],
      ["service.created", service.id, false],
      ["service.updated", service.id, true],
      ["offer.updated", centre.id, true],
      ["counter.created", counter.id, false],
      ["counter.updated", counter.id, true],
      ["user.created", user.id, false],
      ["user.updated", user.id, true],
      ["user.password_reset", user.id, false],
      ["device.created", device.id, false],
      ["device.pairing_code", device.id, false],
      ["device.revoked", device.id, true],
      ["closed_dates.updated", centre.id, true],
    ];
    for (const [kind, target, hasBefore] of expectations) {
      const event = await latest(kind);
      expect(event, kind).toMatchObject({
        kind,
        actor: { name: "admin", deviceId: null },
        address: "203.0.113.7",
        at: clock.now().toISOString(),
      });
      expect(event!.target?.id, kind).toBe(target);
      if (hasBefore) expect(event!.before, kind).not.toBeNull();
      if (!["user.password_reset", "device.pairing_code"].includes(kind))
        expect(event!.after, kind).not.toBeNull();
    }
    expect((await latest("centre.updated"))!.before).toMatchObject({ bookingWindowDays: 30 });
    expect((await latest("centre.updated"))!.after).toMatchObject({ bookingWindowDays: 14 });
    expect((await latest("holidays.updated"))!.centreId).toBeNull();
    // No secret in any row: no password hash, no key, no pairing code.
    const raw = await t.db.database.db.execute(
      sql`SELECT string_agg(x::text, '|') AS all FROM audit_events x`,
    );
    const all = (raw as unknown as { rows: { all: string }[] }).rows[0]!.all;
    expect(all).not.toMatch(/argon2|keyHash|key_hash|passwordHash|codeHash/);
  });

  it("records sign-ins, failed ones without the password, sign-outs and password changes", async () => {
    await api.call({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "staff.baku1.3", password: "guessing-Secret-42" },
    });
    const failed = await latest("auth.sign_in_failed");
    expect(failed).toMatchObject({
      actor: { name: "staff.baku1.3", userId: null },
      target: { type: "user" },
    });
    expect(JSON.stringify(failed)).not.toContain("guessing-Secret-42");

    const session = await api.login("staff.baku1.3");
    expect(await latest("auth.sign_in")).toMatchObject({ actor: { userId: session.user.id } });
    await api.call({ method: "POST", url: "/api/v1/auth/logout", auth: session.auth });
    expect(await latest("auth.sign_out")).toMatchObject({ actor: { userId: session.user.id } });

    const other = await api.login("staff.baku1.4");
    await api.call({
      method: "POST",
      url: "/api/v1/auth/password",
      auth: other.auth,
      payload: { currentPassword: "dost-demo", newPassword: "Marble-compass-winter-19" },
    });
    expect(await latest("auth.password_changed")).toMatchObject({
      actor: { userId: other.user.id },
      target: { id: other.user.id },
    });
  });

  it("records an out-of-order call with its reason", async () => {
    const staff = await api.login("staff.baku1.5");
    const services = await api.services("BAKU-1");
    const counter = (await api.counters("BAKU-1", staff.auth)).find((c) => c.status === "closed")!;
    await api.openCounter(counter.id, staff.auth);
    const ticket: Ticket = (await api.issue("BAKU-1", { serviceId: services[0]!.id })).body.ticket;
    const res = await api.call({
      method: "POST",
      url: `/api/v1/counters/${counter.id}/call`,
      auth: staff.auth,
      payload: { ticketId: ticket.id, reason: "elderly visitor waiting at the door" },
    });
    expect(res.status).toBe(200);
    expect(await latest("ticket.called_out_of_order")).toMatchObject({
      actor: { userId: staff.user.id },
      target: { type: "ticket", id: ticket.id },
      note: "elderly visitor waiting at the door",
    });
  });

  it("filters by centre, actor and kind, pages with a cursor, and keeps a manager to its centre", async () => {
    const first = await audit("limit=3");
    const second = await audit(`limit=3&cursor=${first.nextCursor}`);
    expect(first.events).toHaveLength(3);
    expect(Number(second.events[0]!.id)).toBeLessThan(Number(first.events.at(-1)!.id));

    const byActor = await audit("actor=staff.baku1.3");
    expect(byActor.events.length).toBeGreaterThan(0);
    expect(byActor.events.every((e) => e.actor.name === "staff.baku1.3")).toBe(true);

    const baku1 = (
      await api.call<{ centres: { id: string; code: string }[] }>({ method: "GET", url: "/api/v1/centres" })
    ).body.centres.find((c) => c.code === "BAKU-1")!.id;
    const mine = await audit("limit=200", manager);
    expect(mine.events.length).toBeGreaterThan(0);
    expect(mine.events.every((e) => e.centreId === baku1)).toBe(true);

    const window = await audit(`from=${clock.now().toISOString()}&to=${clock.now().toISOString()}&limit=200`);
    expect(window.events.length).toBeGreaterThan(0);
    const before = await audit(`to=2020-01-01T00:00:00Z`);
    expect(before.events).toEqual([]);
  });

  it("cannot be changed or emptied", async () => {
    const db = t.db.database.db;
    await expect(db.execute(sql`UPDATE audit_events SET note = 'edited'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
    expect((await audit("limit=1")).events).toHaveLength(1);
  });
});

describe("a centre's own settings for a service", () => {
  it("override the catalogue's prefix, slot capacity and target wait everywhere they are read", async () => {
    const services = await api.services("BAKU-1");
    const bookable = services.find((s) => s.appointmentEnabled)!;
    const offer = await api.call<{ services: { serviceId: string; prefix: string }[] }>({
      method: "GET",
      url: "/api/v1/admin/centres/BAKU-1/services",
      auth: admin,
    });
    const put = await api.call({
      method: "PUT",
      url: "/api/v1/admin/centres/BAKU-1/services",
      auth: admin,
      payload: {
        services: offer.body.services.map((s) =>
          s.serviceId === bookable.id
            ? { serviceId: s.serviceId, prefix: "XYZ", slotCapacity: 5, targetWaitMinutes: 42 }
            : { serviceId: s.serviceId, prefix: s.prefix },
        ),
      },
    });
    expect(put.status).toBe(200);

    const after: Service = (await api.services("BAKU-1")).find((s) => s.id === bookable.id)!;
    expect(after).toMatchObject({ prefix: "XYZ", targetWaitMinutes: 42 });
    const ticket = (await api.issue("BAKU-1", { serviceId: bookable.id })).body.ticket;
    expect(ticket.code).toMatch(/^XYZ\d{3}$/);
    const slots = await api.call<{ slots: { available: number }[] }>({
      method: "GET",
      url: `/api/v1/centres/BAKU-1/services/${bookable.id}/slots?date=2026-11-25`,
    });
    expect(slots.body.slots.length).toBeGreaterThan(0);
    expect(Math.max(...slots.body.slots.map((s) => s.available))).toBe(5);
    // Another centre keeps the catalogue's figures.
    const elsewhere = (await api.services("BAKU-2")).find((s) => s.id === bookable.id)!;
    expect(elsewhere.prefix).toBe(bookable.prefix);
    expect(elsewhere.targetWaitMinutes).toBe(bookable.targetWaitMinutes);

    // The live stats judge waits against the centre's own target.
    const live = await api.call<{ services: { serviceId: string; targetWaitMinutes: number }[] }>({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/stats/live",
      auth: admin,
    });
    expect(live.status).toBe(200);
    expect(live.body.services.find((s) => s.serviceId === bookable.id)?.targetWaitMinutes).toBe(42);
  });
});
