import { DEFAULT_POLICY_WEIGHTS, DomainError, type Ticket } from "@dost/shared";
import { describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import type { TicketRow } from "../../db/schema.js";
import type { UserPrincipal } from "../../core/principal.js";
import type { CentreRecord } from "../catalog/index.js";
import type { CounterRow, countersRepository } from "./counters.repository.js";
import { createCounterService } from "./counters.service.js";

/** The calling rules of the counter service, with fake repositories and fake neighbours. */
const centre = {
  id: "c1",
  code: "BAKU-1",
  timezone: "Asia/Baku",
  policy: DEFAULT_POLICY_WEIGHTS,
} as CentreRecord;
const me: UserPrincipal = {
  kind: "user",
  sessionId: "s",
  user: {
    id: "u1",
    username: "u1",
    displayName: "U",
    role: "staff",
    centreId: "c1",
    mustChangePassword: false,
  },
};
const counter = (over: Partial<CounterRow> = {}): CounterRow =>
  ({
    id: "k1",
    centreId: "c1",
    label: "5",
    zone: "main",
    status: "open",
    userId: "u1",
    serviceIds: ["s1"],
    breakReason: null,
    statusSince: null,
    ...over,
  }) as CounterRow;

function counters(state: {
  counter: CounterRow;
  busy?: boolean;
  picked?: string | null;
  stillWaiting?: boolean;
}) {
  const calls: string[] = [];
  const repo = {
    // The one-statement call leaves every case below to the transactional path.
    callNextAtOnce: async () => ({ outcome: "elsewhere" }),
    centreOf: async () => null,
    lock: async () => state.counter,
    currentTicketId: async () => (state.busy ? "t0" : null),
  };
  const db = { transaction: (body: (tx: unknown) => Promise<unknown>) => body({}) } as unknown as Db;
  const service = createCounterService({
    db,
    clock: { now: () => new Date("2026-11-23T06:00:00Z") },
    centres: { find: async () => centre },
    catalog: { servicesOfCentre: async () => [] },
    queue: {
      announce: () => undefined,
      pickNext: async () => state.picked ?? null,
      inCallOrder: async () => [],
      explainedInCallOrder: async () => [],
      explainCalled: async () => null,
    },
    tickets: {
      markCalled: async (_tx, id) => {
        calls.push(`call ${id}`);
        return state.stillWaiting === false ? null : ({ id, centreId: "c1", serviceId: "s1" } as TicketRow);
      },
      appendEvent: async () => void calls.push("event"),
      announceCalled: async (_c, r) => ({ id: r.id }) as Ticket,
    },
    auth: { lastProfile: async () => [], rememberProfile: async () => undefined },
    // The fake implements what calling uses; the cast states that it is enough.
    repo: repo as unknown as typeof countersRepository,
  });
  return { service, calls };
}

const reasonOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof DomainError ? e.reason : String(e)),
  );

describe("calling from a counter", () => {
  it("calls the picked ticket and logs the call", async () => {
    const { service, calls } = counters({ counter: counter(), picked: "t1" });
    expect((await service.callNext(me, "k1"))?.id).toBe("t1");
    expect(calls).toEqual(["call t1", "event"]);
  });

  it("answers null and writes nothing when nobody it serves waits", async () => {
    const { service, calls } = counters({ counter: counter(), picked: null });
    expect(await service.callNext(me, "k1")).toBeNull();
    expect(calls).toEqual([]);
  });

  it("refuses while the counter has a visitor, is on a break, or is someone else's", async () => {
    expect(
      await reasonOf(counters({ counter: counter(), busy: true, picked: "t1" }).service.callNext(me, "k1")),
    ).toBe("counter_busy");
    expect(
      await reasonOf(counters({ counter: counter({ status: "break" }) }).service.callNext(me, "k1")),
    ).toBe("counter_on_break");
    expect(await reasonOf(counters({ counter: counter({ userId: "u2" }) }).service.callNext(me, "k1"))).toBe(
      "counter_taken",
    );
    expect(
      await reasonOf(
        counters({ counter: counter({ status: "closed", userId: null }) }).service.callNext(me, "k1"),
      ),
    ).toBe("counter_closed");
  });

  it("refuses a call out of order of a ticket no longer waiting, logging nothing", async () => {
    const { service, calls } = counters({ counter: counter(), stillWaiting: false });
    expect(await reasonOf(service.callTicket(me, "k1", "t9", "came back"))).toBe("ticket_state");
    expect(calls).toEqual(["call t9"]);
  });
});
