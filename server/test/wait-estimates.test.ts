import type { Service, Ticket } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "./support/api.js";
import { startTestApp, WORKING_MORNING, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

const MINUTE = 60_000;

/**
 * Each waiting ticket's estimate comes from the forward simulation of the centre (the default
 * WAIT_ESTIMATOR), with its 80% band, and follows the handling times the centre's history shows;
 * WAIT_ESTIMATOR=throughput keeps the former estimate, without a band, for comparison.
 */
describe("wait estimates from the forward simulation", () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  const clock = new FakeClock(WORKING_MORNING);
  let service: Service;
  let staff: string;
  let counterId: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    api = apiClient(t.app);
    service = (await api.services("BAKU-1")).find((s) => s.code === "DOC-CERT")!;
    staff = (await api.login("staff.baku1.1")).auth;
    counterId = (await api.counters("BAKU-1", staff))[0]!.id;
    expect((await api.openCounter(counterId, staff, [service.id])).status).toBe(204);
  }, 180_000);
  afterAll(async () => t?.close());

  const issue = async (): Promise<Ticket> => {
    // Apart in time, so the call order is the issue order (equal times fall back on the id).
    clock.advance(1_000);
    const res = await api.issue("BAKU-1", { serviceId: service.id });
    expect(res.status).toBe(201);
    return res.body.ticket;
  };
  const complete = async (ticket: Ticket): Promise<void> => {
    expect((await api.act(ticket.id, "start", staff)).status).toBe(200);
    expect((await api.act(ticket.id, "complete", staff)).status).toBe(200);
  };
  const publicView = async (ticket: Ticket): Promise<Ticket> =>
    (await api.call<{ ticket: Ticket }>({ method: "GET", url: `/api/v1/public/tickets/${ticket.publicId}` }))
      .body.ticket;

  it("gives every waiting ticket a band that grows with the people ahead, and none once called", async () => {
    const first = await issue();
    const second = await issue();
    const third = await issue();
    for (const ticket of [first, second, third]) {
      expect(ticket.estimatedWaitRange).not.toBeNull();
      expect(ticket.estimatedWaitRange!.low).toBeGreaterThanOrEqual(0);
      expect(ticket.estimatedWaitRange!.low).toBeLessThanOrEqual(ticket.estimatedWaitMinutes!);
      expect(ticket.estimatedWaitRange!.high).toBeGreaterThanOrEqual(ticket.estimatedWaitMinutes!);
    }
    // The counter is free: the first is called at once; two visits of about 5 minutes precede the third.
    expect(first.estimatedWaitMinutes).toBeLessThan(1);
    const third2 = await publicView(third);
    expect(third2.estimatedWaitMinutes).toBeGreaterThan(4);
    expect(third2.estimatedWaitRange!.high).toBeGreaterThan(third2.estimatedWaitRange!.low);

    const called = (await api.callNext(counterId, staff)).body.ticket!;
    expect(called.id).toBe(first.id);
    expect(called.estimatedWaitMinutes).toBeNull();
    expect(called.estimatedWaitRange).toBeNull();
    // Staff see the same estimates in their list.
    const listed = await api.call<{ tickets: Ticket[] }>({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/tickets?status=waiting",
      auth: staff,
    });
    const secondListed = listed.body.tickets.find((x) => x.id === second.id)!;
    expect(secondListed.estimatedWaitRange).not.toBeNull();
    // Clear the queue for the next test, each visit taking the configured 5 minutes.
    clock.advance(5 * MINUTE);
    await complete(first);
    for (const ticket of [second, third]) {
      expect((await api.callNext(counterId, staff)).body.ticket!.id).toBe(ticket.id);
      clock.advance(5 * MINUTE);
      await complete(ticket);
    }
  }, 180_000);

  it("learns the centre's real handling time from its history", async () => {
    // A visit under way since just now, and a newcomer behind it: before, the configured 5 minutes.
    const underWay = await issue();
    expect((await api.callNext(counterId, staff)).body.ticket!.id).toBe(underWay.id);
    const newcomer = await issue();
    const before = newcomer.estimatedWaitMinutes!;
    // 24 visits of 15 minutes each, then the knowledge is read again (its time to live has passed).
    clock.advance(5 * MINUTE);
    await complete(underWay);
    expect((await api.callNext(counterId, staff)).body.ticket!.id).toBe(newcomer.id);
    clock.advance(5 * MINUTE);
    await complete(newcomer);
    for (let i = 0; i < 24; i++) {
      const ticket = await issue();
      expect((await api.callNext(counterId, staff)).body.ticket!.id).toBe(ticket.id);
      clock.advance(15 * MINUTE);
      await complete(ticket);
    }
    clock.advance(MINUTE);
    const next = await issue();
    expect((await api.callNext(counterId, staff)).body.ticket!.id).toBe(next.id);
    const after = (await issue()).estimatedWaitMinutes!;
    // Fitted half-way (in logarithms) between the configured 5 and the measured 15 minutes.
    expect(after).toBeGreaterThan(before * 1.4);
  }, 240_000);
});

describe("the former estimate, kept for comparison", () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it("WAIT_ESTIMATOR=throughput quotes people ahead over the pace, with no band", async () => {
    const clock = new FakeClock(WORKING_MORNING);
    t = await startTestApp({ clock, env: { WAIT_ESTIMATOR: "throughput" } });
    const api = apiClient(t.app);
    const service = (await api.services("BAKU-1")).find((s) => s.code === "DOC-CERT")!;
    const staff = (await api.login("staff.baku1.1")).auth;
    const counterId = (await api.counters("BAKU-1", staff))[0]!.id;
    await api.openCounter(counterId, staff, [service.id]);
    const first = await api.issue("BAKU-1", { serviceId: service.id });
    clock.advance(1_000);
    const second = (await api.issue("BAKU-1", { serviceId: service.id })).body.ticket;
    expect([first.status, first.body.ticket.position]).toEqual([201, 0]);
    // One ahead, one counter open, the configured 5 minutes a visit and no throughput yet.
    expect(second.position).toBe(1);
    expect(second.estimatedWaitMinutes).toBe(5);
    expect(second.estimatedWaitRange).toBeNull();
  }, 180_000);
});
