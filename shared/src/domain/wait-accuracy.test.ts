import { describe, expect, it } from "vitest";
import { quantileOf, waitAccuracy, waitFairness } from "./wait-accuracy.js";

describe("wait accuracy", () => {
  it("counts calls inside the band, the median absolute error and long under-estimates", () => {
    const accuracy = waitAccuracy([
      { quotedMinutes: 10, range: { low: 5, high: 15 }, actualMinutes: 12 }, // inside, off by 2
      { quotedMinutes: 10, range: { low: 5, high: 15 }, actualMinutes: 15 }, // on the edge: inside
      { quotedMinutes: 10, range: { low: 5, high: 15 }, actualMinutes: 16 }, // above, off by 6: under
      { quotedMinutes: 10, range: { low: 5, high: 15 }, actualMinutes: 1 }, // below, off by 9
    ]);
    expect(accuracy.count).toBe(4);
    expect(accuracy.insideRangeShare).toBe(0.5);
    expect(accuracy.medianAbsoluteErrorMinutes).toBe(5.5);
    expect(accuracy.underEstimatedShare).toBe(0.25);
    expect(accuracy.meanErrorMinutes).toBe(1);
  });

  it("leaves the band share empty for quotes without a band, and everything empty without quotes", () => {
    expect(waitAccuracy([{ quotedMinutes: 3, range: null, actualMinutes: 4 }]).insideRangeShare).toBeNull();
    expect(waitAccuracy([])).toMatchObject({
      count: 0,
      medianAbsoluteErrorMinutes: null,
      underEstimatedShare: null,
    });
  });
});

describe("wait fairness", () => {
  it("compares each priority group with ordinary visitors and finds the longest ordinary wait", () => {
    const fairness = waitFairness([
      { priority: "none", waitMinutes: 10 },
      { priority: "none", waitMinutes: 20 },
      { priority: "none", waitMinutes: 30 },
      { priority: "elderly", waitMinutes: 5 },
      { priority: "elderly", waitMinutes: 15 },
      { priority: "veteran", waitMinutes: 4 },
    ]);
    expect(fairness.ordinary).toMatchObject({
      count: 3,
      meanMinutes: 20,
      longestMinutes: 30,
      ofOrdinaryMean: 1,
    });
    expect(fairness.ordinary!.p90Minutes).toBeCloseTo(28, 9);
    expect(fairness.groups.map((g) => [g.priority, g.meanMinutes, g.ofOrdinaryMean])).toEqual([
      ["veteran", 4, 0.2],
      ["elderly", 10, 0.5],
    ]);
    expect(fairness.longestOrdinaryOverMean).toBe(1.5);
  });

  it("has no ratios without ordinary visitors", () => {
    const fairness = waitFairness([{ priority: "pregnant", waitMinutes: 3 }]);
    expect(fairness.ordinary).toBeNull();
    expect(fairness.groups[0]!.ofOrdinaryMean).toBeNull();
    expect(fairness.longestOrdinaryOverMean).toBeNull();
  });

  it("interpolates quantiles between order statistics", () => {
    expect(quantileOf([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOf([], 0.5)).toBeNull();
  });
});
