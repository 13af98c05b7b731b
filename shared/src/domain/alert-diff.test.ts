import { describe, expect, it } from "vitest";
import { activeKeys, diffAlerts } from "./alert-diff.js";
import type { AlertCondition } from "./alert-rules.js";

const uuid = (n: number): string => `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;
const SERVICE = uuid(1);
const COUNTER = uuid(2);

const waitCondition = (severity: "warning" | "critical", longest: number): AlertCondition => ({
  key: `wait_over_target:${SERVICE}`,
  kind: "wait_over_target",
  serviceId: SERVICE,
  severity,
  details: {
    waiting: 3,
    longestWaitSeconds: longest,
    targetWaitSeconds: 1200,
    projectedWaitSeconds: null,
    coveringCounters: 1,
    trigger: "longest_wait",
  },
  suggestion: { action: "review_staffing", serviceId: SERVICE },
});

const idleCondition: AlertCondition = {
  key: `counter_idle:${COUNTER}`,
  kind: "counter_idle",
  counterId: COUNTER,
  severity: "warning",
  details: { counterLabel: "3", idleSeconds: 240, waiting: 2 },
  suggestion: { action: "call_next", counterId: COUNTER, counterLabel: "3", serviceId: SERVICE },
};

function clock() {
  let n = 1000;
  return (now: string) => ({ centreId: uuid(9), now, newId: () => uuid(n++) });
}

describe("raising and clearing alerts", () => {
  it("raises each condition once, keeps its id while it lasts, and clears it once when it ends", () => {
    const at = clock();
    const first = diffAlerts([], [waitCondition("warning", 970)], at("2026-03-16T10:00:00+04:00"));
    expect(first.raised).toHaveLength(1);
    expect(first.raised[0]).toMatchObject({
      centreId: uuid(9),
      id: uuid(1000),
      raisedAt: "2026-03-16T10:00:00+04:00",
      clearedAt: null,
    });

    // Still holding a minute later: nothing new, same id and time, fresh details.
    const second = diffAlerts(
      first.active,
      [waitCondition("warning", 1030)],
      at("2026-03-16T10:01:00+04:00"),
    );
    expect(second.raised).toEqual([]);
    expect(second.cleared).toEqual([]);
    expect(second.active[0]).toMatchObject({
      id: uuid(1000),
      raisedAt: "2026-03-16T10:00:00+04:00",
      details: { longestWaitSeconds: 1030 },
    });

    // Ended: cleared once, with the time it ended.
    const third = diffAlerts(second.active, [], at("2026-03-16T10:05:00+04:00"));
    expect(third.active).toEqual([]);
    expect(third.cleared).toEqual([{ ...second.active[0], clearedAt: "2026-03-16T10:05:00+04:00" }]);
    expect(diffAlerts(third.active, [], at("2026-03-16T10:06:00+04:00")).cleared).toEqual([]);

    // The same condition again later is a new occurrence with a new id.
    const again = diffAlerts(third.active, [waitCondition("warning", 980)], at("2026-03-16T11:00:00+04:00"));
    expect(again.raised[0]?.id).toBe(uuid(1001));
  });

  it("reports a turn from warning to critical as an escalation, not a second raise", () => {
    const at = clock();
    const warned = diffAlerts([], [waitCondition("warning", 970)], at("2026-03-16T10:00:00+04:00"));
    const broken = diffAlerts(
      warned.active,
      [waitCondition("critical", 1250)],
      at("2026-03-16T10:05:00+04:00"),
    );
    expect(broken.raised).toEqual([]);
    expect(broken.escalated.map((a) => a.id)).toEqual([uuid(1000)]);
    const still = diffAlerts(
      broken.active,
      [waitCondition("critical", 1300)],
      at("2026-03-16T10:06:00+04:00"),
    );
    expect(still.escalated).toEqual([]);
  });

  it("tracks alerts independently by key", () => {
    const at = clock();
    const both = diffAlerts(
      [],
      [waitCondition("warning", 970), idleCondition],
      at("2026-03-16T10:00:00+04:00"),
    );
    expect(both.raised.map((a) => a.kind)).toEqual(["wait_over_target", "counter_idle"]);
    expect(activeKeys(both.active)).toEqual(
      new Set([`wait_over_target:${SERVICE}`, `counter_idle:${COUNTER}`]),
    );
    const oneLeft = diffAlerts(both.active, [idleCondition], at("2026-03-16T10:01:00+04:00"));
    expect(oneLeft.cleared.map((a) => a.kind)).toEqual(["wait_over_target"]);
    expect(oneLeft.active.map((a) => a.id)).toEqual([both.active[1]?.id]);
  });
});
