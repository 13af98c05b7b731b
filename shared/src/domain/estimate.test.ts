import { describe, expect, it } from "vitest";
import { estimateWaitMinutes } from "./estimate.js";

describe("estimated wait until called", () => {
  it("falls back to handling time over open counters while throughput is too thin to trust", () => {
    // Two counters, 12 minutes a visitor: one called every 6 minutes; with two ahead, 12 minutes.
    expect(
      estimateWaitMinutes({ position: 2, finishedLastHour: 1, openCounters: 2, handlingMinutes: 12 }),
    ).toBe(12);
  });

  it("uses the last hour's throughput once there is enough of it", () => {
    // 30 finished in the last hour: one every 2 minutes; four ahead, 8 minutes.
    expect(
      estimateWaitMinutes({ position: 4, finishedLastHour: 30, openCounters: 1, handlingMinutes: 12 }),
    ).toBe(8);
  });

  it("assumes one counter when none is open, rather than an infinite wait", () => {
    expect(
      estimateWaitMinutes({ position: 3, finishedLastHour: 0, openCounters: 0, handlingMinutes: 5 }),
    ).toBe(15);
  });

  it("expects nearly no wait for the first in line", () => {
    expect(
      estimateWaitMinutes({ position: 0, finishedLastHour: 20, openCounters: 3, handlingMinutes: 10 }),
    ).toBe(0);
  });
});
