import { describe, expect, it } from "vitest";
import { waitQuantileSeconds } from "./wait-bins.js";

describe("wait quantiles from bins", () => {
  it("interpolates inside the bin where the quantile lands", () => {
    // 10 waits of 0–5 min and 10 of 5–10 min: the median is at the 5-minute edge.
    expect(waitQuantileSeconds([10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.5)).toBe(300);
    // The 90th percentile: 18 of 20, 8 into the second bin's 10: 5 + 0.8 × 5 = 9 minutes.
    expect(waitQuantileSeconds([10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.9)).toBe(540);
  });

  it("has no quantile without waits", () => {
    expect(waitQuantileSeconds(new Array(11).fill(0), 0.5)).toBeNull();
  });
});
