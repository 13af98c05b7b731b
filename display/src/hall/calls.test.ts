import type { TicketCalled } from "@dost/shared";
import { describe, expect, it } from "vitest";
import {
  addCall,
  expireHighlights,
  inZone,
  MAX_CALLS,
  nextHighlightEnd,
  rebuildCalls,
  type ShownCall,
} from "./calls.js";

const T0 = Date.parse("2025-05-05T10:00:00+04:00");
let serial = 0;

function call(code: string, secondsAfter: number, overrides: Partial<TicketCalled> = {}): TicketCalled {
  serial += 1;
  return {
    centreId: "00000000-0000-4000-8000-000000000001",
    ticketId: `00000000-0000-4000-8000-${String(serial).padStart(12, "0")}`,
    code,
    serviceId: "00000000-0000-4000-8000-000000000002",
    counter: { id: "00000000-0000-4000-8000-000000000003", label: "5", zone: "ground" },
    calledAt: new Date(T0 + secondsAfter * 1000).toISOString(),
    recall: false,
    ...overrides,
  };
}

const codes = (calls: readonly ShownCall[]) => calls.map((c) => c.code);

describe("addCall", () => {
  it("puts the newest call on top and keeps at most MAX_CALLS", () => {
    let calls: ShownCall[] = [];
    for (let i = 0; i < 25; i++) calls = addCall(calls, call(`A${i}`, i), 0);
    expect(calls).toHaveLength(MAX_CALLS);
    expect(codes(calls).slice(0, 3)).toEqual(["A24", "A23", "A22"]);
  });

  it("orders by calledAt even when events arrive out of order", () => {
    const late = call("B1", 1);
    const calls = addCall(addCall([], call("B2", 2), 0), late, 0);
    expect(codes(calls)).toEqual(["B2", "B1"]);
  });

  it("returns the same list for a duplicate event, so it is not announced twice", () => {
    const first = call("C1", 1);
    const calls = addCall([], first, 0);
    expect(addCall(calls, { ...first }, 0)).toBe(calls);
  });

  it("moves a recalled ticket to the top instead of listing it twice", () => {
    const first = call("D1", 1);
    const other = call("D2", 2);
    const recall = { ...first, calledAt: new Date(T0 + 3000).toISOString(), recall: true };
    const calls = addCall(addCall(addCall([], first, 0), other, 0), recall, 0);
    expect(codes(calls)).toEqual(["D1", "D2"]);
    expect(calls[0]?.recall).toBe(true);
  });

  it("ignores a call older than the ticket's recall already shown", () => {
    const first = call("E1", 1);
    const recall = { ...first, calledAt: new Date(T0 + 5000).toISOString(), recall: true };
    const calls = addCall([], recall, 0);
    expect(addCall(calls, first, 0)).toBe(calls);
  });

  it("ignores a call older than every kept call when the list is full", () => {
    let calls: ShownCall[] = [];
    for (let i = 10; i < 20; i++) calls = addCall(calls, call(`F${i}`, i), 0);
    expect(addCall(calls, call("F0", 0), 0)).toBe(calls);
  });
});

describe("rebuildCalls", () => {
  it("takes the server's list, keeps live calls that arrived during the fetch, and names the fresh ones oldest first", () => {
    const shown = addCall([], call("G1", 1), 99);
    const fromServer = [call("G3", 3), shown[0] as TicketCalled, call("G0", 0)];
    const meanwhile = [call("G4", 4)];
    const { calls, fresh } = rebuildCalls(shown, fromServer, meanwhile);
    expect(codes(calls)).toEqual(["G4", "G3", "G1", "G0"]);
    expect(calls.find((c) => c.code === "G1")?.highlightUntil).toBe(99);
    expect(codes(fresh as ShownCall[])).toEqual(["G0", "G3", "G4"]);
  });

  it("shows one line per ticket when the server lists a call and its recall", () => {
    const first = call("H1", 1);
    const recall = { ...first, calledAt: new Date(T0 + 9000).toISOString(), recall: true };
    const { calls } = rebuildCalls([], [recall, first], []);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.recall).toBe(true);
  });
});

describe("highlights", () => {
  it("expire at their time, and the next end is the soonest", () => {
    const calls = [
      { ...call("J1", 1), highlightUntil: 2_000 },
      { ...call("J2", 2), highlightUntil: 1_000 },
      { ...call("J3", 3), highlightUntil: 0 },
    ];
    expect(nextHighlightEnd(calls)).toBe(1_000);
    expect(expireHighlights(calls, 500)).toBe(calls);
    const later = expireHighlights(calls, 1_000);
    expect(later.map((c) => c.highlightUntil)).toEqual([2_000, 0, 0]);
    expect(nextHighlightEnd(expireHighlights(later, 2_000))).toBeNull();
  });
});

describe("inZone", () => {
  it("passes every call without a zone, and only that zone's calls with one", () => {
    const ground = call("K1", 1);
    const first = call("K2", 2, { counter: { id: ground.counter.id, label: "14", zone: "first" } });
    expect([inZone(ground, null), inZone(first, null)]).toEqual([true, true]);
    expect([inZone(ground, "first"), inZone(first, "first")]).toEqual([false, true]);
  });
});
