import { describe, expect, it } from "vitest";
import { scaledClock } from "./clock.js";

describe("the scaled clock", () => {
  it("starts at its start and runs speed times faster than real time", async () => {
    const start = new Date("2026-11-24T06:00:00Z");
    const beforeCreate = performance.now();
    const clock = scaledClock(start, 100);
    const afterCreate = performance.now();
    await new Promise((r) => setTimeout(r, 50));
    const beforeRead = performance.now();
    const elapsed = clock.now().getTime() - start.getTime();
    const afterRead = performance.now();
    // Bracketed by real time on both sides, so a busy machine cannot make it fail.
    expect(elapsed).toBeGreaterThanOrEqual(Math.floor((beforeRead - afterCreate) * 100));
    expect(elapsed).toBeLessThanOrEqual(Math.ceil((afterRead - beforeCreate) * 100));
  });
});
