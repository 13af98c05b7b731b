import { addDays, type Ticket } from "@dost/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { services, tickets } from "../src/db/schema.js";
import { apiClient } from "./support/api.js";
import { startTestApp, WORKING_MORNING, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

/**
 * Before any counter opens, the estimate says what the centre's history says: the time its
 * counters usually open on this weekday, with a band; with no history to go on, no figure at all
 * (and the ticket's words say no counter is open yet), never "until closing, give or take nothing".
 */
describe("wait estimates foresee the counters' day", () => {
  let t: TestApp;
  let api: ReturnType<typeof apiClient>;
  const clock = new FakeClock(WORKING_MORNING);

  beforeAll(async () => {
    t = await startTestApp({ clock });
    api = apiClient(t.app);
  }, 180_000);
  afterAll(async () => t?.close());

  it("gives no figure when no counter is open and history knows of none", async () => {
    const service = (await api.services("BAKU-2"))[0]!;
    const res = await api.issue("BAKU-2", { serviceId: service.id });
    expect(res.status).toBe(201);
    const ticket: Ticket = res.body.ticket;
    expect(ticket.status).toBe("waiting");
    expect(ticket.estimatedWaitMinutes).toBeNull();
    expect(ticket.estimatedWaitRange).toBeNull();
  });

  it("expects a counter at its usual opening on this weekday when none is open yet", async () => {
    // Read from the table: listing the services would estimate, and learn the centre's (empty) past first.
    const [service] = await t.db.database.db.select().from(services).where(eq(services.code, "DOC-CERT"));
    const staff = (await api.login("staff.baku1.1")).auth;
    const counter = (await api.counters("BAKU-1", staff))[0]!;
    const centreId = counter.centreId;
    // The four Tuesdays before: counter 1 opens at 10:30 (06:30Z) and serves a visitor every 10 minutes until 13:00.
    const rows = [1, 2, 3, 4].flatMap((week) => {
      if (!service) throw new Error("DOC-CERT is not seeded");
      const day = addDays("2026-11-24", -7 * week);
      return Array.from({ length: 15 }, (_, i) => {
        const calledAt = new Date(`${day}T06:30:00Z`).getTime() + i * 10 * 60_000;
        return {
          publicId: `foresight-${week}-${i}`,
          centreId,
          serviceId: service.id,
          serviceDay: day,
          prefix: "Z",
          number: i + 1,
          code: `Z${String(i + 1).padStart(3, "0")}`,
          status: "done" as const,
          issuedAt: new Date(calledAt - 60_000),
          queuedAt: new Date(calledAt - 60_000),
          calledAt: new Date(calledAt),
          startedAt: new Date(calledAt),
          finishedAt: new Date(calledAt + 9 * 60_000),
          counterId: counter.id,
          callCount: 1,
        };
      });
    });
    await t.db.database.db.insert(tickets).values(rows);

    const res = await api.issue("BAKU-1", { serviceId: service!.id });
    expect(res.status).toBe(201);
    const ticket: Ticket = res.body.ticket;
    // Called about when counter 1 usually opens, half an hour from now, in a band that admits doubt.
    expect(ticket.estimatedWaitMinutes).toBeGreaterThan(20);
    expect(ticket.estimatedWaitMinutes).toBeLessThan(40);
    expect(ticket.estimatedWaitRange!.low).toBeLessThanOrEqual(ticket.estimatedWaitMinutes!);
    expect(ticket.estimatedWaitRange!.high).toBeGreaterThan(ticket.estimatedWaitRange!.low + 1);
  });
});
