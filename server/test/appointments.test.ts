import { formatAppointmentCode, type Appointment, type Service, type Ticket } from "@dost/shared";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.js";
import { services } from "../src/db/schema.js";
import type { OutgoingMessage } from "../src/modules/notifications/gateway.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

// Monday 23 November 2026, 08:00 in Baku (04:00 UTC); the centre opens at 09:00.
const clock = new FakeClock("2026-11-23T04:00:00Z");
const sent: OutgoingMessage[] = [];
let failNextSends = 0;
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let service: Service;
let walkInService: Service;

/** Tuesday 24 November at `hhmm` in Baku, as an ISO instant. */
const tuesday = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00+04:00`).toISOString();

let phoneCounter = 0;
let lastPhone = "";
const nextPhone = () => (lastPhone = `+99450${String(1_000_000 + phoneCounter++).slice(-7)}`);

async function book(start: string, overrides: Record<string, unknown> = {}) {
  return api.call<{ appointment: Appointment }>({
    method: "POST",
    url: "/api/v1/appointments",
    payload: {
      centreId: "BAKU-1",
      serviceId: service.id,
      start,
      citizen: { name: "Leyla Əliyeva", phone: nextPhone() },
      ...overrides,
    },
  });
}

const checkIn = (code: string, auth = "Device demo-kiosk-BAKU-1") =>
  api.call<{ ticket: Ticket; error?: { message: string } }>({
    method: "POST",
    url: "/api/v1/centres/BAKU-1/check-in",
    auth,
    payload: { code },
  });

beforeAll(async () => {
  // A gateway that records, and can be made to fail, to see the outbox at work.
  t = await startTestApp({
    clock,
    gateway: {
      async send(message) {
        if (failNextSends > 0) {
          failNextSends -= 1;
          throw new Error("gateway down");
        }
        sent.push(message);
      },
    },
  });
  api = apiClient(t.app);
  const all = await api.services("BAKU-1");
  service = all.find((s) => s.appointmentEnabled)!;
  walkInService = all.find((s) => !s.appointmentEnabled)!;
});
afterAll(() => t.close());

describe("booking", () => {
  it("fills a slot that takes 3 with exactly 3 of 50 concurrent bookings; the other 47 get 409", async () => {
    await t.db.database.db.update(services).set({ slotCapacity: 3 }).where(eq(services.id, service.id));
    const results = await Promise.all(Array.from({ length: 50 }, () => book(tuesday("11:00"))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(47);
    const [row] = await queryRows<{ n: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS n FROM appointments WHERE start = ${tuesday("11:00")}::timestamptz AND status = 'booked'`,
    );
    expect(row?.n).toBe(3);
    const slots = await api.call<{ slots: { start: string; available: number }[] }>({
      method: "GET",
      url: `/api/v1/centres/BAKU-1/services/${service.id}/slots?date=2026-11-24`,
    });
    expect(slots.body.slots.find((s) => s.start === tuesday("11:00"))?.available).toBe(0);
    expect(slots.body.slots.find((s) => s.start === tuesday("11:20"))?.available).toBe(3);
  });

  it("answers 201 with a short unambiguous code, masks the citizen, and writes the confirmation to the outbox", async () => {
    const res = await book(tuesday("09:00"), {
      citizen: { name: "Rəşad Məmmədov", phone: "050 123 45 67", pin: "5ab12cd" },
    });
    expect(res.status).toBe(201);
    const { appointment } = res.body;
    // 10 characters of the 31-letter alphabet: about 49.5 bits (issue 12: at least 48).
    expect(appointment.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    // Each name part keeps its first letter (at most six stars); phone and FIN keep their last two.
    expect(appointment.citizen).toEqual({ name: "R**** M******", phone: "+994*******67", pin: "*****CD" });
    const lookup = await api.call<{ appointment: Appointment }>({
      method: "GET",
      url: `/api/v1/appointments/${appointment.code.toLowerCase()}`,
    });
    expect(lookup.body.appointment.citizen?.phone).toBe("+994*******67");
    const [outbox] = await queryRows<{ kind: string; recipient: string; body: string }>(
      t.db.database.db,
      sql`SELECT n.kind, n.recipient, n.body FROM notifications n JOIN appointments a ON a.id = n.appointment_id WHERE a.code = ${appointment.code}`,
    );
    expect(outbox).toMatchObject({ kind: "booking_confirmed", recipient: "+994501234567" });
    // The text writes it in two groups of five, as the kiosk shows it.
    expect(outbox?.body).toContain(`${appointment.code.slice(0, 5)}-${appointment.code.slice(5)}`);
    expect(outbox?.body).toContain(formatAppointmentCode(appointment.code));
  });

  it("keeps one active booking per phone and service per day", async () => {
    const phone = nextPhone();
    const first = await book(tuesday("14:00"), { citizen: { name: "Aysel Quliyeva", phone } });
    expect(first.status).toBe(201);
    const second = await book(tuesday("15:00"), { citizen: { name: "Aysel Quliyeva", phone } });
    expect(second.status).toBe(409);
    // After cancelling, the same phone may book again; the freed seat is free again.
    expect(
      (
        await api.call({
          method: "POST",
          url: `/api/v1/appointments/${first.body.appointment.code}/cancel`,
          payload: { phoneLast4: phone.slice(-4) },
        })
      ).status,
    ).toBe(200);
    expect((await book(tuesday("15:00"), { citizen: { name: "Aysel Quliyeva", phone } })).status).toBe(201);
  });

  it("refuses times that are not slots, holidays, weekends and services without appointments", async () => {
    expect((await book(tuesday("11:05"))).status).toBe(409); // not a slot start
    expect((await book("2026-11-28T06:00:00.000Z")).status).toBe(409); // Saturday
    expect((await book("2026-12-31T06:00:00.000Z")).status).toBe(409); // a public holiday
    expect((await book(new Date("2026-11-23T07:00:00+04:00").toISOString())).status).toBe(409); // today, within the lead time
    expect((await book(tuesday("10:00"), { serviceId: walkInService.id })).status).toBe(409);
  });

  it("moves a booking to another time, keeping its code, and frees the old seat", async () => {
    const { appointment } = (await book(tuesday("16:00"))).body;
    const moved = await api.call<{ appointment: Appointment }>({
      method: "POST",
      url: `/api/v1/appointments/${appointment.code}/reschedule`,
      payload: { start: tuesday("16:20"), phoneLast4: lastPhone.slice(-4) },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.appointment).toMatchObject({ code: appointment.code, start: tuesday("16:20") });
    const slots = await api.call<{ slots: { start: string; available: number }[] }>({
      method: "GET",
      url: `/api/v1/centres/BAKU-1/services/${service.id}/slots?date=2026-11-24`,
    });
    expect(slots.body.slots.find((s) => s.start === tuesday("16:00"))?.available).toBe(3);
  });

  it("offers an .ics file to add the appointment to a calendar", async () => {
    const { appointment } = (await book(tuesday("17:00"))).body;
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/appointments/${appointment.code}/calendar.ics`,
    });
    expect(res.headers["content-type"]).toContain("text/calendar");
    expect(res.body).toContain("DTSTART:20261124T130000Z");
    expect(res.body).toContain(`UID:${appointment.code}@dost-appointments`);
  });
});

describe("check-in", () => {
  it("turns a booking into a ticket from 30 minutes before to 15 minutes after, and not outside", async () => {
    clock.set("2026-11-23T04:00:00Z");
    const { appointment } = (await book(tuesday("10:00"))).body;
    const late = (await book(tuesday("11:20"))).body.appointment;
    const missed = (await book(tuesday("12:00"))).body.appointment;
    clock.set("2026-11-24T05:29:00Z"); // 09:29: one minute too early
    const early = await checkIn(appointment.code);
    expect(early.status).toBe(409);
    expect(early.body.error?.message).toContain("09:30");
    clock.set("2026-11-24T05:30:00Z"); // 09:30: the window opens
    const ok = await checkIn(appointment.code);
    expect(ok.status).toBe(201);
    expect(ok.body.ticket).toMatchObject({ serviceId: service.id, status: "waiting" });
    // A second scan of the same code returns the same ticket.
    const again = await checkIn(appointment.code);
    expect(again.status).toBe(200);
    expect(again.body.ticket.id).toBe(ok.body.ticket.id);

    clock.set("2026-11-24T07:35:00Z"); // 11:35: 15 minutes after, still in
    expect((await checkIn(late.code)).status).toBe(201);
    clock.set("2026-11-24T08:16:00Z"); // 12:16: too late
    const tooLate = await checkIn(missed.code);
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error?.message).toMatch(/take a ticket/);
  });

  it("marks bookings not checked in by the end of the window as no-shows", async () => {
    clock.set("2026-11-24T04:00:00Z");
    const { appointment } = (await book(tuesday("13:00"))).body;
    clock.set("2026-11-24T09:14:00Z"); // 13:14
    await t.app.appointmentJobs.run();
    expect(
      (
        await api.call<{ appointment: Appointment }>({
          method: "GET",
          url: `/api/v1/appointments/${appointment.code}`,
        })
      ).body.appointment.status,
    ).toBe("booked");
    clock.set("2026-11-24T09:16:00Z"); // 13:16
    await t.app.appointmentJobs.run();
    expect(
      (
        await api.call<{ appointment: Appointment }>({
          method: "GET",
          url: `/api/v1/appointments/${appointment.code}`,
        })
      ).body.appointment.status,
    ).toBe("no_show");
  });

  it("calls a checked-in appointment at its time ahead of walk-ins who came earlier", async () => {
    clock.set("2026-11-24T04:00:00Z");
    // A service of its own, so tickets of other tests are not in this queue.
    const other = (await api.services("BAKU-1")).filter((s) => s.appointmentEnabled)[1]!;
    const { appointment } = (await book(tuesday("14:20"), { serviceId: other.id })).body;
    const staff = await api.login("staff.baku1.1");
    const counter = (await api.counters("BAKU-1", staff.auth))[0]!;
    await api.openCounter(counter.id, staff.auth, [other.id]);
    // Walk-ins from 13:30 on.
    clock.set("2026-11-24T09:30:00Z");
    const walkIns = [];
    for (let i = 0; i < 3; i++) {
      walkIns.push((await api.issue("BAKU-1", { serviceId: other.id })).body.ticket);
      clock.advance(60_000);
    }
    clock.set("2026-11-24T10:00:00Z"); // 14:00: the visitor checks in 20 minutes early
    const ticket = (await checkIn(appointment.code)).body.ticket;
    // Before the slot, the appointment waits its turn like anyone else.
    clock.set("2026-11-24T10:10:00Z");
    const beforeSlot = (await api.callNext(counter.id, staff.auth)).body.ticket!;
    expect(beforeSlot.id).toBe(walkIns[0]!.id);
    await api.act(beforeSlot.id, "no-show", staff.auth);
    // At 14:20 it goes ahead of the two walk-ins still waiting since 13:30.
    clock.set("2026-11-24T10:20:00Z");
    const atSlot = (await api.callNext(counter.id, staff.auth)).body.ticket!;
    expect(atSlot.id).toBe(ticket.id);
    await api.act(atSlot.id, "no-show", staff.auth);
    await api.call({ method: "POST", url: `/api/v1/counters/${counter.id}/close`, auth: staff.auth });
  });

  it("refuses another centre's kiosk and shows the centre's staff the day's list unmasked", async () => {
    clock.set("2026-11-24T04:00:00Z");
    const { appointment } = (
      await book(tuesday("15:40"), { citizen: { name: "Tural Həsənov", phone: "0557654321" } })
    ).body;
    const other = await api.call({
      method: "POST",
      url: "/api/v1/centres/BAKU-2/check-in",
      auth: "Device demo-kiosk-BAKU-2",
      payload: { code: appointment.code },
    });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({
      error: { code: "CONFLICT", reason: "check_in_wrong_centre", params: { centre: "BAKU-1" } },
    });
    const staff = await api.login("staff.baku1.2");
    const list = await api.call<{ appointments: Appointment[] }>({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/appointments?date=2026-11-24",
      auth: staff.auth,
    });
    expect(list.body.appointments.find((a) => a.code === appointment.code)?.citizen).toEqual({
      name: "Tural Həsənov",
      phone: "+994557654321",
      pin: null,
    });
    const foreign = await api.login("staff.baku2.1");
    expect(
      (await api.call({ method: "GET", url: "/api/v1/centres/BAKU-1/appointments", auth: foreign.auth }))
        .status,
    ).toBe(403);
  });
});

describe("notifications outbox", () => {
  it("sends each message once, retrying with backoff after a failure", async () => {
    clock.set("2026-11-24T04:00:00Z");
    sent.length = 0;
    failNextSends = 1;
    await t.app.appointmentJobs.run();
    const [failed] = await queryRows<{ n: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE attempts = 1 AND status = 'pending'`,
    );
    expect(failed?.n).toBe(1);
    const firstRound = sent.length;
    await t.app.appointmentJobs.run();
    expect(sent.length).toBe(firstRound); // the failed one waits for its backoff
    clock.advance(2 * 60_000 + 1000);
    await t.app.appointmentJobs.run();
    await t.app.appointmentJobs.run();
    const ids = sent.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [pending] = await queryRows<{ n: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE status = 'pending'`,
    );
    expect(pending?.n).toBe(0);
  });

  it("reminds the day before, from 10:00, once", async () => {
    clock.set("2026-11-23T05:00:00Z"); // Monday 09:00: too early in the day for reminders
    await t.app.appointmentJobs.run();
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          t.db.database.db,
          sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'reminder'`,
        )
      )[0]!.n;
    expect(await count()).toBe(0);
    clock.set("2026-11-23T06:00:00Z"); // 10:00
    await t.app.appointmentJobs.run();
    const reminders = await count();
    expect(reminders).toBeGreaterThan(0);
    await t.app.appointmentJobs.run();
    expect(await count()).toBe(reminders);
  });

  it("erases personal data after the retention period", async () => {
    clock.set("2026-12-30T06:00:00Z");
    const { purged } = await t.app.appointmentJobs.run();
    expect(purged).toBeGreaterThan(0);
    const [left] = await queryRows<{ n: number }>(
      t.db.database.db,
      sql`SELECT count(*)::int AS n FROM appointments WHERE start < '2026-11-30' AND (citizen_phone IS NOT NULL OR citizen_name IS NOT NULL)`,
    );
    expect(left?.n).toBe(0);
  });
});

describe("walk-in-only services", () => {
  it("refuses slots for a service that takes no appointments", async () => {
    const res = await api.call({
      method: "GET",
      url: `/api/v1/centres/BAKU-1/services/${walkInService.id}/slots?date=2026-11-24`,
    });
    expect(res.status).toBe(409);
  });
});
