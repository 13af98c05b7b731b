import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { TEST_DRIVER } from "./support/driver.js";
import { addStaff } from "./support/staff.js";

let t: TestApp;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  t = await startTestApp();
  api = apiClient(t.app);
});
afterAll(() => t.close());

describe("calling next", () => {
  // PGlite runs one statement at a time, so there the same race is run on fewer tickets: the
  // transactions still interleave at every await, and the run stays within the test's time.
  const TICKETS = TEST_DRIVER === "pglite" ? 150 : 500;

  it(
    "lets 20 counters calling concurrently drain the queue, each ticket called exactly once",
    { timeout: 180_000 },
    async () => {
      const centre = (await t.app.findCentre("BAKU-1"))!;
      const services = await api.services("BAKU-1");
      for (let i = 0; i < TICKETS; i += 50) {
        await Promise.all(
          Array.from({ length: 50 }, (_, j) =>
            api.issue("BAKU-1", { serviceId: services[(i + j) % services.length]!.id }),
          ),
        );
      }
      const usernames = await addStaff(t.db.database.db, centre.id, 20);
      const staff = await Promise.all(usernames.map((u) => api.login(u)));
      const counters = (await api.counters("BAKU-1", staff[0]!.auth)).slice(0, 20);
      await Promise.all(counters.map((c, i) => api.openCounter(c.id, staff[i]!.auth)));

      const called: string[] = [];
      await Promise.all(
        counters.map(async (counter, i) => {
          const auth = staff[i]!.auth;
          for (;;) {
            const res = await api.callNext(counter.id, auth);
            expect(res.status).toBe(200);
            const ticket = res.body.ticket;
            if (!ticket) return;
            expect(ticket.counter?.id).toBe(counter.id);
            called.push(ticket.id);
            expect((await api.act(ticket.id, "no-show", auth)).status).toBe(200);
          }
        }),
      );

      expect(called).toHaveLength(TICKETS);
      expect(new Set(called).size).toBe(TICKETS);
      const [events] = await queryRows<{ calls: number; tickets: number }>(
        t.db.database.db,
        sql`SELECT count(*)::int AS calls, count(DISTINCT ticket_id)::int AS tickets FROM ticket_events WHERE action = 'call'`,
      );
      expect(events).toEqual({ calls: TICKETS, tickets: TICKETS });
      await Promise.all(
        counters.map((c, i) =>
          api.call({ method: "POST", url: `/api/v1/counters/${c.id}/close`, auth: staff[i]!.auth }),
        ),
      );
    },
  );

  it("answers 409 while the counter still has a called or serving visitor", async () => {
    const staff = await api.login("staff.baku1.1");
    const counter = (await api.counters("BAKU-1", staff.auth)).find((c) => c.user === null)!;
    await api.openCounter(counter.id, staff.auth);
    const services = await api.services("BAKU-1");
    await api.issue("BAKU-1", { serviceId: services[0]!.id });
    await api.issue("BAKU-1", { serviceId: services[0]!.id });
    const first = await api.callNext(counter.id, staff.auth);
    expect(first.body.ticket?.status).toBe("called");
    expect((await api.callNext(counter.id, staff.auth)).status).toBe(409);
    await api.act(first.body.ticket!.id, "start", staff.auth);
    expect((await api.callNext(counter.id, staff.auth)).status).toBe(409);
    await api.act(first.body.ticket!.id, "complete", staff.auth);
    expect((await api.callNext(counter.id, staff.auth)).body.ticket?.status).toBe("called");
  });

  it("returns ticket null when nobody the counter serves is waiting", async () => {
    const staff = await api.login("staff.baku1.2");
    const services = await api.services("BAKU-1");
    const counter = (await api.counters("BAKU-1", staff.auth)).find((c) => c.user === null)!;
    // A profile of one service nobody waits for.
    const quiet = services[services.length - 1]!;
    await api.openCounter(counter.id, staff.auth, [quiet.id]);
    await api.issue("BAKU-1", { serviceId: services[0]!.id });
    const res = await api.callNext(counter.id, staff.auth);
    expect(res).toEqual({ status: 200, body: { ticket: null } });
  });

  it("keeps one user to one counter and one counter to one user", async () => {
    const a = await api.login("staff.baku1.3");
    const b = await api.login("staff.baku1.4");
    const free = (await api.counters("BAKU-1", a.auth)).filter((c) => c.user === null);
    expect((await api.openCounter(free[0]!.id, a.auth)).status).toBe(204);
    expect((await api.openCounter(free[1]!.id, a.auth)).status).toBe(409);
    expect((await api.openCounter(free[0]!.id, b.auth)).status).toBe(409);
    // Someone else's counter cannot call for it either.
    expect((await api.callNext(free[0]!.id, b.auth)).status).toBe(409);
  });

  it("lists a counter's waiting tickets in the order call-next takes them, across its services", async () => {
    const staff = await api.login("staff.baku1.6");
    const counter = (await api.counters("BAKU-1", staff.auth)).find((c) => c.user === null)!;
    const services = (await api.services("BAKU-1")).slice(8, 10);
    await api.openCounter(
      counter.id,
      staff.auth,
      services.map((s) => s.id),
    );
    await api.issue("BAKU-1", { serviceId: services[0]!.id });
    await api.issue("BAKU-1", { serviceId: services[1]!.id, priority: "veteran" });
    await api.issue("BAKU-1", { serviceId: services[1]!.id });
    const listed = await api.call<{ tickets: { id: string }[] }>({
      method: "GET",
      url: `/api/v1/counters/${counter.id}/queue`,
      auth: staff.auth,
    });
    expect(listed.body.tickets).toHaveLength(3);
    // The centre's waiting list, filtered to the counter's services, is in the same order.
    const centreList = await api.call<{ tickets: { id: string; serviceId: string }[] }>({
      method: "GET",
      url: "/api/v1/centres/BAKU-1/tickets?status=waiting",
      auth: staff.auth,
    });
    const profile = new Set(services.map((s) => s.id));
    expect(centreList.body.tickets.filter((x) => profile.has(x.serviceId)).map((x) => x.id)).toEqual(
      listed.body.tickets.map((x) => x.id),
    );
    for (const expected of listed.body.tickets) {
      const called = (await api.callNext(counter.id, staff.auth)).body.ticket!;
      expect(called.id).toBe(expected.id);
      await api.act(called.id, "no-show", staff.auth);
    }
  });

  it("calls a chosen ticket out of order and logs the reason", async () => {
    const staff = await api.login("staff.baku1.5");
    const counter = (await api.counters("BAKU-1", staff.auth)).find((c) => c.user === null)!;
    await api.openCounter(counter.id, staff.auth);
    const services = await api.services("BAKU-1");
    const chosen = (await api.issue("BAKU-1", { serviceId: services[2]!.id })).body.ticket;
    const res = await api.call<{ ticket: { id: string; status: string } }>({
      method: "POST",
      url: `/api/v1/counters/${counter.id}/call`,
      auth: staff.auth,
      payload: { ticketId: chosen.id, reason: "wheelchair user, came back from the pharmacy" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ticket).toMatchObject({ id: chosen.id, status: "called" });
    const [event] = await queryRows<{ note: string }>(
      t.db.database.db,
      sql`SELECT note FROM ticket_events WHERE ticket_id = ${chosen.id} AND action = 'call'`,
    );
    expect(event?.note).toContain("wheelchair user");
  });
});
