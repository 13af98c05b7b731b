import type { Issuing, Service, Ticket } from "@dost/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

/**
 * Kiosks issue in the centre's hours only: from opening until `lastTicketMinutesBeforeClosing`
 * (30) before closing, never on a closed date. Staff may issue after hours for visitors already
 * inside. A ticket answered 2xx waits until the end of its day, never minutes. Baku is UTC+4; the
 * demo centres open Monday to Friday, 09:00–18:00. 23 November 2026 is a Monday.
 */
const clock = new FakeClock("2026-11-23T06:00:00Z");
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let service: Service;

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
  service = (await api.services("BAKU-1"))[0]!;
});
afterAll(() => t.close());

const issueAt = async (iso: string, auth?: string) => {
  clock.set(iso);
  return api.issue("BAKU-1", { serviceId: service.id }, auth);
};

const issuing = async () =>
  (await api.call<{ issuing: Issuing }>({ method: "GET", url: "/api/v1/centres/BAKU-1/services" })).body
    .issuing;

describe("issuing hours at the kiosk", () => {
  it("issues a minute before the last-ticket time, and refuses a minute after with the next opening", async () => {
    expect((await issueAt("2026-11-23T13:29:00Z")).status).toBe(201); // 17:29
    const late = await issueAt("2026-11-23T13:31:00Z"); // 17:31
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({
      error: { code: "CONFLICT", reason: "centre_closed", params: { opensAt: "2026-11-24T05:00:00.000Z" } },
    });
  });

  it("refuses at night, on a Saturday and on a closed date, saying when it opens", async () => {
    const night = await issueAt("2026-11-23T23:48:00Z"); // Tuesday 03:48
    expect(night.body).toMatchObject({
      error: { reason: "centre_closed", params: { opensAt: "2026-11-24T05:00:00.000Z" } },
    });
    const saturday = await issueAt("2026-11-28T08:00:00Z");
    expect(saturday.body).toMatchObject({
      error: { reason: "centre_closed", params: { opensAt: "2026-11-30T05:00:00.000Z" } },
    });
    await t.db.database.db.execute(
      sql`INSERT INTO closed_dates (centre_id, date, name) SELECT id, '2026-11-25', '{"az":"Bağlı","ru":"Закрыто","en":"Closed"}' FROM centres WHERE code = 'BAKU-1'`,
    );
    await t.app.centres.invalidate();
    const closed = await issueAt("2026-11-25T07:00:00Z");
    expect(closed.body).toMatchObject({
      error: { reason: "centre_closed", params: { opensAt: "2026-11-26T05:00:00.000Z" } },
    });
    // Only BAKU-1 closed that day.
    expect((await api.issue("BAKU-2", { serviceId: (await api.services("BAKU-2"))[0]!.id })).status).toBe(
      201,
    );
  });

  it("tells the kiosk whether it issues now, until when, and from when", async () => {
    clock.set("2026-11-23T06:00:00Z");
    expect(await issuing()).toEqual({ open: true, lastTicketAt: "2026-11-23T13:30:00.000Z", opensAt: null });
    clock.set("2026-11-23T13:45:00Z");
    expect(await issuing()).toEqual({ open: false, lastTicketAt: null, opensAt: "2026-11-24T05:00:00.000Z" });
  });

  it("lets staff of the centre issue after hours for visitors already inside", async () => {
    clock.set("2026-11-23T14:20:00Z"); // 18:20
    const staff = await api.login("staff.baku1.3");
    expect((await issueAt("2026-11-23T14:20:00Z", staff.auth)).status).toBe(201);
  });
});

describe("a ticket once issued", () => {
  const publicTicket = async (ticket: Ticket) =>
    (await api.call<{ ticket: Ticket }>({ method: "GET", url: `/api/v1/public/tickets/${ticket.publicId}` }))
      .body.ticket;

  it("waits until the day's closing, whatever the sweeper sees before", async () => {
    const issued = (await issueAt("2026-11-24T13:29:00Z")).body.ticket; // Tuesday 17:29
    for (const at of ["2026-11-24T13:29:15Z", "2026-11-24T13:45:00Z", "2026-11-24T13:59:59Z"]) {
      clock.set(at);
      await t.app.sweeper.sweep();
      expect((await publicTicket(issued)).status).toBe("waiting");
    }
    clock.set("2026-11-24T14:00:00Z"); // 18:00
    await t.app.sweeper.sweep();
    expect((await publicTicket(issued)).status).toBe("expired");
  });

  it("issued by staff before opening (03:48) is not expired fifteen seconds later", async () => {
    clock.set("2026-11-25T23:48:00Z");
    const staff = await api.login("staff.baku1.4");
    const early = (await issueAt("2026-11-25T23:48:00Z", staff.auth)).body.ticket; // Thursday 03:48
    clock.set("2026-11-25T23:48:15Z");
    await t.app.sweeper.sweep();
    expect((await publicTicket(early)).status).toBe("waiting");
  });

  it("issued by staff after closing waits until midnight", async () => {
    clock.set("2026-11-27T14:30:00Z");
    const staff = await api.login("staff.baku1.5");
    const late = (await issueAt("2026-11-27T14:30:00Z", staff.auth)).body.ticket; // Friday 18:30
    clock.set("2026-11-27T19:59:00Z"); // 23:59
    await t.app.sweeper.sweep();
    expect((await publicTicket(late)).status).toBe("waiting");
    clock.set("2026-11-27T20:00:00Z"); // midnight
    await t.app.sweeper.sweep();
    expect((await publicTicket(late)).status).toBe("expired");
  });
});
