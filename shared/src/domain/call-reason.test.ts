import { describe, expect, it } from "vitest";
import { callReason, OUT_OF_ORDER_NOTE, outOfTurn } from "./call-reason.js";
import { DEFAULT_POLICY_WEIGHTS, compareCandidates, type QueueCandidate } from "./queue-policy.js";

const NOW = new Date("2026-11-24T06:30:00Z");
const candidate = (over: Partial<QueueCandidate>): QueueCandidate => ({
  id: "a",
  serviceId: "s",
  priority: "none",
  queuedAt: new Date("2026-11-24T06:18:00Z"),
  appointmentAt: null,
  ...over,
});

describe("why a ticket is next", () => {
  it("names the wait and the veteran bonus: waited 12 min + veteran bonus 15 min", () => {
    expect(callReason(candidate({ priority: "veteran" }), NOW, DEFAULT_POLICY_WEIGHTS)).toEqual({
      waitedMinutes: 12,
      priorityBonus: { priority: "veteran", minutes: 15 },
      appointmentBonusMinutes: null,
      totalMinutes: 27,
    });
  });

  it("names no bonus for an ordinary visitor, and the appointment bonus only once the slot has started", () => {
    const early = candidate({ appointmentAt: new Date("2026-11-24T06:45:00Z") });
    expect(callReason(early, NOW, DEFAULT_POLICY_WEIGHTS)).toMatchObject({
      priorityBonus: null,
      appointmentBonusMinutes: null,
      totalMinutes: 12,
    });
    const due = candidate({ appointmentAt: new Date("2026-11-24T06:25:00Z") });
    expect(callReason(due, NOW, DEFAULT_POLICY_WEIGHTS)).toMatchObject({
      appointmentBonusMinutes: 60,
      totalMinutes: 72,
    });
  });

  it("orders as the policy does: a larger total is called first", () => {
    const veteran = candidate({ id: "v", priority: "veteran", queuedAt: new Date("2026-11-24T06:28:00Z") });
    const ordinary = candidate({ id: "o", queuedAt: new Date("2026-11-24T06:18:00Z") });
    const [first] = [ordinary, veteran].sort((a, b) => compareCandidates(a, b, NOW, DEFAULT_POLICY_WEIGHTS));
    expect(first!.id).toBe("v");
    expect(callReason(veteran, NOW, DEFAULT_POLICY_WEIGHTS).totalMinutes).toBeGreaterThan(
      callReason(ordinary, NOW, DEFAULT_POLICY_WEIGHTS).totalMinutes,
    );
  });
});

describe("a call out of turn", () => {
  it("is one chosen by hand, or a call again; a first call by the policy is in turn", () => {
    expect(outOfTurn({ callCount: 1, callNote: `${OUT_OF_ORDER_NOTE} came back` })).toBe("out_of_order");
    expect(outOfTurn({ callCount: 2, callNote: `${OUT_OF_ORDER_NOTE} came back` })).toBe("out_of_order");
    expect(outOfTurn({ callCount: 2, callNote: null })).toBe("recalled");
    expect(outOfTurn({ callCount: 1, callNote: null })).toBeNull();
  });
});
