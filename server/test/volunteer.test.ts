import type { Appointment, AuditEvent, Service, Ticket } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, TEST_PASSWORD } from "./support/accounts.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

/**
 * The volunteer's role (Volunteer DOST helpers at the door): it issues tickets and checks in
 * appointments at its own centre, nothing else, and every such action is in the audit trail with
 * the volunteer as actor and the priority it confirmed with the visitor.
 */
// Monday 23 November 2026, 08:00 in Baku: bookings for Tuesday are open.
const clock = new FakeClock("2026-11-23T04:00:00Z");
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let admin = "";
let volunteer = { auth: "", user: { id: "" } };
let services: Service[] = [];
let appointment: Appointment;

type Page = { events: AuditEvent[] };
const auditOf = async (kind: string) =>
  (await api.call<Page>({ method: "GET", url: `/api/v1/admin/audit?kind=${kind}&limit=5`, auth: admin })).body
    .events;

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
  services = await api.services("BAKU-1");
  const bookable = services.find((s) => s.appointmentEnabled)!;
  const booked = await api.call<{ appointment: Appointment }>({
    method: "POST",
    url: "/api/v1/appointments",
    payload: {
      centreId: "BAKU-1",
      serviceId: bookable.id,
      start: new Date("2026-11-24T11:00:00+04:00").toISOString(),
      citizen: { name: "Leyla Əliyeva", phone: "+994501234567" },
    },
  });
  expect(booked.status).toBe(201);
  appointment = booked.body.appointment;
  // Tuesday 10:00 in Baku; sessions start now, so the day's work keeps them.
  clock.set("2026-11-24T06:00:00Z");
  admin = (await api.login("admin")).auth;
  const created = await createAccount(api, admin, {
    username: "volunteer.door",
    role: "volunteer",
    centreId: "BAKU-1",
  });
  // Changing the temporary password ends that session: the volunteer signs in afresh.
  volunteer = { auth: (await api.login("volunteer.door", TEST_PASSWORD)).auth, user: created.user };
});
afterAll(() => t.close());

describe("a volunteer", () => {
  it("issues a ticket at its own centre, and the audit trail says who confirmed the priority", async () => {
    const res = await api.call<{ ticket: Ticket }>({
      method: "POST",
      url: "/api/v1/centres/BAKU-1/tickets",
      auth: volunteer.auth,
      payload: { serviceId: services[0]!.id, priority: "disability", language: "ru" },
      remoteAddress: "198.51.100.4",
    });
    expect(res.status).toBe(201);
    const [event] = await auditOf("volunteer.ticket_issued");
    expect(event).toMatchObject({
      actor: { userId: volunteer.user.id, deviceId: null, name: "volunteer.door" },
      address: "198.51.100.4",
      target: { type: "ticket", id: res.body.ticket.id },
      after: { code: res.body.ticket.code, serviceId: services[0]!.id, priority: "disability" },
    });
    expect(event!.note).toContain("confirmed");
  });

  it("checks in an appointment at its own centre, audited", async () => {
    clock.set("2026-11-24T06:50:00Z"); // 10:50, within the window
    const res = await api.call<{ ticket: Ticket }>({
      method: "POST",
      url: "/api/v1/centres/BAKU-1/check-in",
      auth: volunteer.auth,
      payload: { code: appointment.code },
    });
    expect(res.status).toBe(201);
    const [event] = await auditOf("volunteer.checked_in");
    expect(event).toMatchObject({
      actor: { userId: volunteer.user.id },
      target: { type: "ticket", id: res.body.ticket.id },
      after: { code: res.body.ticket.code, appointmentId: appointment.id, priority: "none" },
    });
  });

  it("leaves no volunteer row for a kiosk's or staff's ticket", async () => {
    const before = (await auditOf("volunteer.ticket_issued")).length;
    const staff = await api.login("staff.baku1.1");
    expect((await api.issue("BAKU-1", { serviceId: services[0]!.id })).status).toBe(201);
    expect((await api.issue("BAKU-1", { serviceId: services[0]!.id }, staff.auth)).status).toBe(201);
    expect((await auditOf("volunteer.ticket_issued")).length).toBe(before);
  });

  it("is refused at another centre and for counter work", async () => {
    const other = await api.services("BAKU-2");
    const elsewhere = await api.issue("BAKU-2", { serviceId: other[0]!.id }, volunteer.auth);
    expect(elsewhere.status).toBe(403);
    const checkInElsewhere = await api.call({
      method: "POST",
      url: "/api/v1/centres/BAKU-2/check-in",
      auth: volunteer.auth,
      payload: { code: "ABCD2345" },
    });
    expect(checkInElsewhere.status).toBe(403);

    const staff = await api.login("staff.baku1.2");
    const counter = (await api.counters("BAKU-1", staff.auth)).find((c) => c.status === "closed")!;
    const waiting = (await api.issue("BAKU-1", { serviceId: services[0]!.id })).body.ticket;
    const refusals = [
      await api.call({ method: "GET", url: "/api/v1/centres/BAKU-1/counters", auth: volunteer.auth }),
      await api.call({ method: "GET", url: "/api/v1/centres/BAKU-1/tickets", auth: volunteer.auth }),
      await api.openCounter(counter.id, volunteer.auth),
      await api.callNext(counter.id, volunteer.auth),
      await api.act(waiting.id, "cancel", volunteer.auth),
      await api.call({ method: "GET", url: "/api/v1/centres/BAKU-1/stats/live", auth: volunteer.auth }),
      await api.call({ method: "GET", url: "/api/v1/admin/audit", auth: volunteer.auth }),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect((await auditOf("volunteer.ticket_issued")).every((e) => e.centreId !== null)).toBe(true);
  });
});
