import { describe, expect, it } from "vitest";
import { pickNext, type QueueCandidate } from "../queue-policy.js";
import { DOST_LIKE_DAY } from "./day-config.js";
import { generateDay } from "./day-plan.js";
import { simulateDay, type CentreView } from "./day-simulation.js";

const config = DOST_LIKE_DAY;
const options = {
  weights: config.weights,
  turnaroundSeconds: config.turnaroundSeconds,
  checkInAfterMinutes: config.checkInWindow.afterMinutes,
};

describe("day simulation", () => {
  const plan = generateDay(config, "2026-03-02", 5);
  const views: CentreView[] = [];
  const outcome = simulateDay(plan, {
    ...options,
    quoters: {
      spy: (view) => {
        views.push(view);
        return { expectedMinutes: 0, range: null };
      },
    },
  });
  const counterOf = new Map(plan.counters.map((c) => [c.id, c]));

  it("plays the same plan the same way", () => {
    expect(simulateDay(plan, options).visitors.map((v) => [v.visitor.id, v.calledAt, v.counterId])).toEqual(
      outcome.visitors.map((v) => [v.visitor.id, v.calledAt, v.counterId]),
    );
  });

  it("calls each visitor at a counter serving their service, while it is open, one visit at a time", () => {
    const byCounter = new Map<string, { from: number; to: number }[]>();
    for (const v of outcome.visitors) {
      if (v.calledAt === null) continue;
      const counter = counterOf.get(v.counterId!)!;
      expect(counter.serviceIds).toContain(v.visitor.serviceId);
      expect(v.calledAt).toBeGreaterThanOrEqual(Math.max(v.issuedAt, counter.opensAt));
      expect(v.calledAt).toBeLessThan(counter.closesAt);
      const list = byCounter.get(counter.id) ?? [];
      list.push({ from: v.calledAt, to: v.calledAt + v.visitor.occupancySeconds * 1000 });
      byCounter.set(counter.id, list);
    }
    for (const list of byCounter.values()) {
      list.sort((a, b) => a.from - b.from);
      for (let i = 1; i < list.length; i++) expect(list[i]!.from).toBeGreaterThanOrEqual(list[i - 1]!.to);
    }
  });

  it("calls, at every call, the ticket the policy picks among those then waiting", () => {
    // Waiting from issue until called, or until giving up, or until closing.
    const leftAt = (v: (typeof outcome.visitors)[number]) =>
      v.calledAt ??
      (v.outcome === "abandoned" ? v.issuedAt + v.visitor.patienceSeconds! * 1000 : plan.closesAt);
    const waitingAt = (t: number): QueueCandidate[] =>
      outcome.visitors
        .filter((v) => v.issuedAt <= t && leftAt(v) >= t)
        .map((v) => ({
          id: v.visitor.id,
          serviceId: v.visitor.serviceId,
          priority: v.visitor.priority,
          queuedAt: new Date(v.issuedAt),
          appointmentAt: v.visitor.appointmentAt === null ? null : new Date(v.visitor.appointmentAt),
        }));
    const calls = outcome.visitors.filter((v) => v.calledAt !== null);
    expect(calls.length).toBeGreaterThan(400);
    for (const v of calls) {
      const counter = counterOf.get(v.counterId!)!;
      const picked = pickNext(
        waitingAt(v.calledAt!),
        counter.serviceIds,
        new Date(v.calledAt!),
        config.weights,
      );
      expect(picked?.id).toBe(v.visitor.id);
    }
  });

  it("asks for a quote at every ticket issued, with the new ticket among those waiting", () => {
    expect(views.length).toBe(outcome.visitors.length);
    for (const [i, v] of outcome.visitors.entries()) {
      const view = views[i]!;
      expect(view.now).toBe(v.issuedAt);
      expect(view.waiting.some((t) => t.id === v.visitor.id)).toBe(true);
    }
  });

  it("keeps counters busy about the configured share of their open time", () => {
    expect(outcome.busySeconds / outcome.openSeconds).toBeGreaterThan(0.7);
    expect(outcome.busySeconds / outcome.openSeconds).toBeLessThan(0.95);
  });
});
