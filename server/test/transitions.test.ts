import {
  TICKET_STATUSES,
  canTransition,
  nextStatus,
  type Ticket,
  type TicketAction,
  type TicketStatus,
} from "@dost/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/rows.js";
import { ticketsRepository } from "../src/modules/tickets/tickets.repository.js";
import { apiClient } from "./support/api.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { FakeClock } from "./support/clock.js";

// Monday 23 November 2026, 10:00 in Baku.
const clock = new FakeClock("2026-11-23T06:00:00Z");
let t: TestApp;
let api: ReturnType<typeof apiClient>;
let auth: string;
let counterId: string;
let serviceIds: string[];

const ROUTES: Record<string, Exclude<TicketAction, "call" | "expire">> = {
  recall: "recall",
  start: "start",
  complete: "complete",
  "no-show": "noShow",
  cancel: "cancel",
  transfer: "transfer",
};

beforeAll(async () => {
  t = await startTestApp({ clock });
  api = apiClient(t.app);
  auth = (await api.login("staff.baku1.1")).auth;
  counterId = (await api.counters("BAKU-1", auth))[0]!.id;
  await api.openCounter(counterId, auth);
  serviceIds = (await api.services("BAKU-1")).map((s) => s.id);
});
afterAll(() => t.close());

/** Brings a fresh ticket to `status` through the API, as a counter would. */
async function ticketIn(status: TicketStatus): Promise<Ticket> {
  const issued = (await api.issue("BAKU-1", { serviceId: serviceIds[0] })).body.ticket;
  const step = async (action: string) => (await api.act(issued.id, action, auth)).body.ticket;
  switch (status) {
    case "waiting":
      return issued;
    case "cancelled":
      return step("cancel");
    case "expired": {
      clock.set("2026-11-23T14:30:00Z"); // 18:30 in Baku: closed
      await t.app.sweeper.sweep();
      clock.set("2026-11-23T06:00:00Z");
      return (
        await api.call<{ ticket: Ticket }>({
          method: "GET",
          url: `/api/v1/public/tickets/${issued.publicId}`,
        })
      ).body.ticket;
    }
    default: {
      const called = (await api.callNext(counterId, auth)).body.ticket!;
      expect(called.id).toBe(issued.id);
      if (status === "called") return called;
      if (status === "no_show") return step("no-show");
      const serving = await step("start");
      return status === "serving" ? serving : step("complete");
    }
  }
}

/** Takes the ticket out of play, so the next case starts with a free counter and an empty queue. */
async function settle(ticket: Ticket): Promise<void> {
  if (ticket.status === "waiting") await api.act(ticket.id, "cancel", auth);
  if (ticket.status === "called") await api.act(ticket.id, "no-show", auth);
  if (ticket.status === "serving") await api.act(ticket.id, "complete", auth);
}

async function eventCount(ticketId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    t.db.database.db,
    sql`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = ${ticketId}`,
  );
  return row!.n;
}

describe("every allowed and forbidden ticket transition through the API", () => {
  for (const status of TICKET_STATUSES) {
    for (const [route, action] of Object.entries(ROUTES)) {
      const allowed = canTransition(status, action);
      it(`${route} on a ${status} ticket is ${allowed ? "allowed" : "refused with 409"}`, async () => {
        const ticket = await ticketIn(status);
        expect(ticket.status).toBe(status);
        const eventsBefore = await eventCount(ticket.id);
        const res = await api.act(
          ticket.id,
          route,
          auth,
          route === "transfer" ? { serviceId: serviceIds[1] } : undefined,
        );
        if (allowed) {
          expect(res.status).toBe(200);
          expect(res.body.ticket.status).toBe(nextStatus(action));
          expect(await eventCount(ticket.id)).toBe(eventsBefore + 1);
          if (route === "transfer") {
            expect(res.body.ticket).toMatchObject({
              serviceId: serviceIds[1],
              code: ticket.code,
              issuedAt: ticket.issuedAt,
              counter: null,
            });
          }
          await settle(res.body.ticket);
        } else {
          expect(res.status).toBe(409);
          expect(res.body).toMatchObject({ error: { code: "CONFLICT" } });
          expect(await eventCount(ticket.id)).toBe(eventsBefore);
          await settle(ticket);
        }
      });
    }
  }
});

describe("the SQL guard", () => {
  it("refuses a change from a status the transition does not allow, whatever the caller read", async () => {
    const ticket = await ticketIn("done");
    const changed = await ticketsRepository.transition(t.db.database.db, ticket.id, ["called"], {
      status: "serving",
    });
    expect(changed).toBeNull();
    const [row] = await queryRows<{ status: string }>(
      t.db.database.db,
      sql`SELECT status FROM tickets WHERE id = ${ticket.id}`,
    );
    expect(row?.status).toBe("done");
  });

  it("keeps the event log append-only", async () => {
    await expect(
      t.db.database.db.execute(sql`UPDATE ticket_events SET note = 'rewritten'`),
    ).rejects.toThrow();
    await expect(t.db.database.db.execute(sql`DELETE FROM ticket_events`)).rejects.toThrow();
  });
});

describe("housekeeping", () => {
  it("drops sessions a week after they ended, and keeps live ones", async () => {
    const old = await api.login("staff.baku1.7");
    await api.call({ method: "POST", url: "/api/v1/auth/logout", auth: old.auth });
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          t.db.database.db,
          sql`SELECT count(*)::int AS n FROM sessions WHERE revoked_at IS NOT NULL`,
        )
      )[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    clock.advance(8 * 86_400_000);
    await t.app.sweeper.sweep();
    clock.set("2026-11-23T06:00:00Z");
    expect(await count()).toBe(0);
  });
});

describe("expiry at closing time", () => {
  it("expires tickets still waiting when the centre closes, with an event, and only then", async () => {
    const waiting = (await api.issue("BAKU-1", { serviceId: serviceIds[2] })).body.ticket;
    clock.set("2026-11-23T13:59:00Z"); // 17:59 in Baku: still open
    expect((await t.app.sweeper.sweep()).expired).toBe(0);
    clock.set("2026-11-23T14:00:00Z"); // 18:00: closed
    expect((await t.app.sweeper.sweep()).expired).toBe(1);
    clock.set("2026-11-23T06:00:00Z");
    const [event] = await queryRows<{ action: string; to_status: string }>(
      t.db.database.db,
      sql`SELECT action, to_status FROM ticket_events WHERE ticket_id = ${waiting.id} ORDER BY id DESC LIMIT 1`,
    );
    expect(event).toEqual({ action: "expire", to_status: "expired" });
  });
});
