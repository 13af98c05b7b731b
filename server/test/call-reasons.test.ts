import type { CounterNext, Service, Ticket } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

// Booked on Monday; everything else happens on Tuesday 24 November 2026 in Baku (UTC+4).
const clock = new FakeClock("2026-11-23T06:00:00Z");
const tuesday = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00+04:00`).toISOString();
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let service: Service;

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
  service = (await api.services("BAKU-1")).find((s) => s.appointmentEnabled)!;
});
afterAll(() => t.close());

const nextAt = (counterId: string, auth: string, limit?: number) =>
  api.call<CounterNext>({
    method: "GET",
    url: `/api/v1/counters/${counterId}/next${limit ? `?limit=${limit}` : ""}`,
    auth,
  });

describe("why a ticket is next, at a counter", () => {
  it("lists the next tickets in the order call-next then calls, each with the parts of its score", async () => {
    const booked = await api.call<{ appointment: { code: string } }>({
      method: "POST",
      url: "/api/v1/appointments",
      payload: {
        centreId: "BAKU-1",
        serviceId: service.id,
        start: tuesday("11:00"),
        citizen: { name: "Leyla Əliyeva", phone: "+994501234567" },
      },
    });
    expect(booked.status).toBe(201);

    const issued: Record<string, Ticket> = {};
    const issue = async (name: string, hhmm: string, priority = "none") => {
      clock.set(tuesday(hhmm));
      const res = await api.issue("BAKU-1", { serviceId: service.id, priority });
      expect(res.status).toBe(201);
      issued[name] = res.body.ticket;
    };
    await issue("A", "10:30");
    clock.set(tuesday("10:31"));
    const checkedIn = await api.call<{ ticket: Ticket }>({
      method: "POST",
      url: "/api/v1/centres/BAKU-1/check-in",
      auth: "Device demo-kiosk-BAKU-1",
      payload: { code: booked.body.appointment.code },
    });
    expect(checkedIn.status).toBe(201);
    issued.appointment = checkedIn.body.ticket;
    await issue("B", "10:32");
    await issue("C", "10:34", "veteran");

    const staff = await api.login("staff.baku1.1");
    const counter = (await api.counters("BAKU-1", staff.auth)).find((c) => c.user === null)!;
    await api.openCounter(counter.id, staff.auth, [service.id]);
    const nameOf = (id: string) => Object.keys(issued).find((k) => issued[k]!.id === id);

    // 10:40, before the slot: the veteran's bonus puts C first; the appointment waits as a walk-in.
    clock.set(tuesday("10:40"));
    const early = await nextAt(counter.id, staff.auth);
    expect(early.status).toBe(200);
    expect(early.body.current).toBeNull();
    expect(early.body.next.map((e) => nameOf(e.ticket.id))).toEqual(["C", "A", "appointment"]);
    expect(early.body.next[0]!.reason).toEqual({
      waitedMinutes: 6,
      priorityBonus: { priority: "veteran", minutes: 15 },
      appointment: null,
      totalMinutes: 21,
    });
    expect(early.body.next[2]!.reason).toEqual({
      waitedMinutes: 9,
      priorityBonus: null,
      appointment: { at: tuesday("11:00"), bonusMinutes: null },
      totalMinutes: 9,
    });

    // 11:10, the slot has started: the appointment's bonus puts it first.
    clock.set(tuesday("11:10"));
    const due = await nextAt(counter.id, staff.auth, 10);
    expect(due.body.next.map((e) => e.reason)).toEqual([
      {
        waitedMinutes: 39,
        priorityBonus: null,
        appointment: { at: tuesday("11:00"), bonusMinutes: 60 },
        totalMinutes: 99,
      },
      {
        waitedMinutes: 36,
        priorityBonus: { priority: "veteran", minutes: 15 },
        appointment: null,
        totalMinutes: 51,
      },
      { waitedMinutes: 40, priorityBonus: null, appointment: null, totalMinutes: 40 },
      { waitedMinutes: 38, priorityBonus: null, appointment: null, totalMinutes: 38 },
    ]);
    const order = due.body.next.map((e) => e.ticket.id);

    // Call-next takes them in exactly that order; the one at the counter keeps its reason as called.
    const called: string[] = [];
    for (const expected of due.body.next) {
      const res = await api.callNext(counter.id, staff.auth);
      const ticket = res.body.ticket!;
      called.push(ticket.id);
      const now = await nextAt(counter.id, staff.auth);
      expect(now.body.current?.ticket.id).toBe(ticket.id);
      expect(now.body.current?.reason).toEqual(expected.reason);
      expect(now.body.next.map((e) => e.ticket.id)).toEqual(order.slice(called.length, called.length + 3));
      expect((await api.act(ticket.id, "no-show", staff.auth)).status).toBe(200);
    }
    expect(called).toEqual(order);
  });

  it("refuses a limit out of range as bad input", async () => {
    const staff = await api.login("staff.baku1.2");
    const counter = (await api.counters("BAKU-1", staff.auth))[0]!;
    expect((await nextAt(counter.id, staff.auth, 11)).status).toBe(400);
  });

  it("says when the one at the counter was called out of turn, or called again", async () => {
    const staff = await api.login("staff.baku1.3");
    const counter = (await api.counters("BAKU-1", staff.auth)).find((c) => c.user === null)!;
    expect((await api.openCounter(counter.id, staff.auth, [service.id])).status).toBe(204);
    clock.advance(60_000);
    const first = (await api.issue("BAKU-1", { serviceId: service.id })).body.ticket as Ticket;
    clock.advance(60_000);
    const second = (await api.issue("BAKU-1", { serviceId: service.id })).body.ticket as Ticket;
    // The second, chosen by hand ahead of the first.
    const chosen = await api.call<{ ticket: Ticket }>({
      method: "POST",
      url: `/api/v1/counters/${counter.id}/call`,
      auth: staff.auth,
      body: { ticketId: second.id, reason: "Came back with the missing document" },
    });
    expect(chosen.status).toBe(200);
    expect((await nextAt(counter.id, staff.auth)).body.current?.reason.outOfTurn).toBe("out_of_order");
    expect((await api.act(second.id, "no-show", staff.auth)).status).toBe(200);

    expect((await api.callNext(counter.id, staff.auth)).body.ticket!.id).toBe(first.id);
    // Called in its turn: its score alone says why.
    expect((await nextAt(counter.id, staff.auth)).body.current?.reason.outOfTurn).toBeUndefined();
    expect((await api.act(first.id, "recall", staff.auth)).status).toBe(200);
    expect((await nextAt(counter.id, staff.auth)).body.current?.reason.outOfTurn).toBe("recalled");
  });
});
