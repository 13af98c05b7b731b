import type { Appointment, Service, SlotOffer, Ticket } from "@dost/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RootQueryInTransactionError } from "../src/db/transaction-guard.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { TEST_DRIVER } from "./support/driver.js";

/**
 * The embedded default used to hang on the first call after an idle pause: the centre cache expired,
 * and its reload went through the root handle while the call's transaction held PGlite's only
 * connection. Here the cache lives 200 ms and every path that hung runs after a longer pause, on both
 * databases; on PGlite a regression hangs (and fails by timeout), and the transaction guard, on in
 * every test, turns the mistake into an error on PostgreSQL too.
 */
let t: TestApp;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await startTestApp({ env: { CONFIG_CACHE_SECONDS: "0.2" } });
  api = apiClient(t.app);
});
afterAll(() => t.close());

const idle = () => new Promise((resolve) => setTimeout(resolve, 300));
/** Fails a request that does not answer in time instead of letting the test hang to its limit. */
const within = <T>(promise: Promise<T>, ms = 10_000): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  ]);

async function healthy(): Promise<void> {
  const res = await within(t.app.inject({ method: "GET", url: "/health" }));
  expect(res.json()).toEqual({ status: "ok", db: "ok" });
}

describe("after an idle pause longer than every cache", () => {
  let staff: { auth: string };
  let counterId: string;
  let services: Service[];

  beforeAll(async () => {
    staff = await api.login("staff.baku1.6");
    counterId = (await api.counters("BAKU-1", staff.auth)).find((c) => c.user === null)!.id;
    await api.openCounter(counterId, staff.auth);
    services = await api.services("BAKU-1");
  });

  it("calls the next visitor", async () => {
    const issued = (await api.issue("BAKU-1", { serviceId: services[0]!.id })).body.ticket;
    await idle();
    const called = await within(api.callNext(counterId, staff.auth));
    expect(called.status).toBe(200);
    expect(called.body.ticket?.id).toBe(issued.id);
    await api.act(issued.id, "no-show", staff.auth);
    await healthy();
  });

  it("calls a visitor out of order", async () => {
    await api.issue("BAKU-1", { serviceId: services[1]!.id });
    const chosen = (await api.issue("BAKU-1", { serviceId: services[1]!.id })).body.ticket;
    await idle();
    const called = await within(
      api.call<{ ticket: Ticket }>({
        method: "POST",
        url: `/api/v1/counters/${counterId}/call`,
        auth: staff.auth,
        payload: { ticketId: chosen.id, reason: "came back from the car park" },
      }),
    );
    expect(called.status).toBe(200);
    expect(called.body.ticket.id).toBe(chosen.id);
    await api.act(chosen.id, "no-show", staff.auth);
    await healthy();
  });

  it("cancels an appointment by its public code", async () => {
    const service = services.find((s) => s.appointmentEnabled)!;
    const { slot } = await firstFreeSlot(service);
    const booked = await api.call<{ appointment: Appointment }>({
      method: "POST",
      url: "/api/v1/appointments",
      payload: {
        centreId: "BAKU-1",
        serviceId: service.id,
        start: slot.start,
        citizen: { name: "Leyla Quliyeva", phone: "0501234567" },
      },
    });
    expect(booked.status).toBe(201);
    await idle();
    const cancelled = await within(
      api.call<{ appointment: Appointment }>({
        method: "POST",
        url: `/api/v1/appointments/${booked.body.appointment.code}/cancel`,
        payload: { phoneLast4: "4567" },
      }),
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.appointment.status).toBe("cancelled");
    await healthy();
  });
});

async function firstFreeSlot(service: Service): Promise<{ slot: SlotOffer }> {
  // The test clock starts on a working Tuesday morning; a booking needs an hour's lead.
  for (const date of ["2026-11-25", "2026-11-26", "2026-11-27"]) {
    const { slots } = (
      await api.call<{ slots: SlotOffer[] }>({
        method: "GET",
        url: `/api/v1/centres/BAKU-1/services/${service.id}/slots?date=${date}`,
      })
    ).body;
    const slot = slots.find((s) => s.available > 0);
    if (slot) return { slot };
  }
  throw new Error("no free slot");
}

describe("the transaction guard", () => {
  it(`refuses a root query inside an open transaction on ${TEST_DRIVER}, with where it was opened`, async () => {
    const { db } = t.db.database;
    const attempt = db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`);
      await db.execute(sql`SELECT 1`);
    });
    // drizzle wraps the driver's error as the cause of its own "Failed query".
    const error = await attempt.then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.cause).toBeInstanceOf(RootQueryInTransactionError);
    expect(String((error?.cause as Error).message)).toMatch(
      /transaction was opened at:\n.*idle-pause\.test\.ts/,
    );
    // The connection is free again, and the root handle works outside transactions.
    await expect(db.execute(sql`SELECT 1`)).resolves.toBeDefined();
  });

  it("lets work the transaction did not await use the root handle once it has ended", async () => {
    const { db } = t.db.database;
    let later: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`);
      later = new Promise((resolve) => setTimeout(resolve, 50)).then(() => db.execute(sql`SELECT 1`));
    });
    await expect(later).resolves.toBeDefined();
  });
});
