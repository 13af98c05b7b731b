import { describe, expect, it } from "vitest";
import { estimateWaitMinutes } from "./estimate.js";

describe("estimated wait", () => {
  it("falls back to handling time over open counters while throughput is too thin to trust", () => {
    // Two counters, 12 minutes a visitor: one visitor every 6 minutes; the third in line waits 18.
    expect(
      estimateWaitMinutes({ position: 2, finishedLastHour: 1, openCounters: 2, handlingMinutes: 12 }),
    ).toBe(18);
  });

  it("uses the last hour's throughput once there is enough of it", () => {
    // 30 finished in the last hour: one every 2 minutes.
    expect(
      estimateWaitMinutes({ position: 4, finishedLastHour: 30, openCounters: 1, handlingMinutes: 12 }),
    ).toBe(10);
  });

  it("assumes one counter when none is open, rather than an infinite wait", () => {
    expect(
      estimateWaitMinutes({ position: 0, finishedLastHour: 0, openCounters: 0, handlingMinutes: 5 }),
    ).toBe(5);
  });
});
