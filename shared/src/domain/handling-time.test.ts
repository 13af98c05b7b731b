import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  drawRemainingSeconds,
  fitHandlingTime,
  handlingMeanSeconds,
  handlingQuantileSeconds,
  handlingShareBelow,
  summariseHandlingSeconds,
} from "./handling-time.js";
import { seededRandom } from "./random.js";

const lognormalSample = (mu: number, sigma: number, n: number, seed = 3) => {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => Math.exp(mu + sigma * r.normal()));
};

describe("handling-time distributions", () => {
  it("starts at the configured handling time when there is no history", () => {
    const model = fitHandlingTime(null, 12);
    expect(handlingMeanSeconds(model)).toBeCloseTo(720, 6);
    expect(model.sigma).toBeCloseTo(0.55, 9);
    expect(fitHandlingTime({ count: 0, meanLog: NaN, varLog: NaN }, 12)).toEqual(model);
  });

  it("follows plenty of history and forgets the configuration", () => {
    // Visits of about 5 minutes, configured as 20.
    const model = fitHandlingTime(summariseHandlingSeconds(lognormalSample(Math.log(300), 0.4, 20_000)), 20);
    expect(model.mu).toBeCloseTo(Math.log(300), 1);
    expect(model.sigma).toBeCloseTo(0.4, 1);
    expect(handlingMeanSeconds(model)).toBeLessThan(400);
  });

  it("weighs a little history against the configuration", () => {
    const few = summariseHandlingSeconds(lognormalSample(Math.log(300), 0.4, 20));
    const model = fitHandlingTime(few, 20);
    const mean = handlingMeanSeconds(model);
    // Half way (20 visits against a prior worth 20) between ~5 and 20 minutes, on the log scale.
    expect(mean).toBeGreaterThan(400);
    expect(mean).toBeLessThan(900);
  });

  it("ignores a spread it cannot know and keeps it within bounds", () => {
    expect(fitHandlingTime({ count: 1, meanLog: Math.log(600), varLog: NaN }, 10).sigma).toBeCloseTo(0.55, 9);
    expect(fitHandlingTime({ count: 100_000, meanLog: Math.log(600), varLog: 0 }, 10).sigma).toBe(0.05);
    expect(fitHandlingTime({ count: 100_000, meanLog: Math.log(600), varLog: 50 }, 10).sigma).toBe(2);
    expect(() => fitHandlingTime(null, 0)).toThrow(RangeError);
  });

  it("summarises durations as the SQL would: count, mean and sample variance of ln(seconds)", () => {
    const stats = summariseHandlingSeconds([60, 600, 6000]);
    expect(stats.count).toBe(3);
    expect(stats.meanLog).toBeCloseTo(Math.log(600), 9);
    expect(stats.varLog).toBeCloseTo(Math.log(10) ** 2, 9);
    expect(summariseHandlingSeconds([])).toEqual({ count: 0, meanLog: 0, varLog: 0 });
  });

  it("has quantiles and a distribution function that agree", () => {
    const model = { mu: Math.log(600), sigma: 0.5 };
    expect(handlingQuantileSeconds(model, 0.5)).toBeCloseTo(600, 6);
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (p) => {
        expect(handlingShareBelow(model, handlingQuantileSeconds(model, p))).toBeCloseTo(p, 5);
      }),
    );
  });

  it("draws what is left of a visit under way, longer the longer it has run", () => {
    const model = { mu: Math.log(600), sigma: 0.6 };
    const meanRemaining = (elapsed: number) => {
      const r = seededRandom(11);
      let sum = 0;
      for (let i = 0; i < 20_000; i++) {
        const left = drawRemainingSeconds(model, elapsed, r);
        expect(left).toBeGreaterThanOrEqual(0);
        sum += left;
      }
      return sum / 20_000;
    };
    // Unconditional at the start: the mean of the distribution.
    expect(meanRemaining(0)).toBeGreaterThan(handlingMeanSeconds(model) * 0.97);
    expect(meanRemaining(0)).toBeLessThan(handlingMeanSeconds(model) * 1.03);
    // A lognormal's expected remainder grows with age once past the bulk.
    expect(meanRemaining(1800)).toBeGreaterThan(meanRemaining(600));
    // Exactly the rest when visits have one length.
    expect(drawRemainingSeconds({ mu: Math.log(600), sigma: 0 }, 200, seededRandom(1))).toBeCloseTo(400, 6);
  });
});
