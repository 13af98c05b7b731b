import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile, seededRandom, seedOf } from "./random.js";

describe("seeded randomness", () => {
  it("repeats its draws for the same seed and differs for another", () => {
    const draws = (seed: number) => {
      const r = seededRandom(seed);
      return [r.uniform(), r.normal(), r.exponential(), r.below(10), r.normal()];
    };
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
  });

  it("draws uniforms in [0, 1) and whole numbers below n", () => {
    const r = seededRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      const k = r.below(7);
      expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
    }
  });

  it("draws normals with mean 0 and variance 1, exponentials with mean 1", () => {
    const r = seededRandom(7);
    const n = 50_000;
    let sum = 0;
    let squares = 0;
    let exponential = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      squares += z * z;
      exponential += r.exponential();
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.03);
    expect(Math.abs(exponential / n - 1)).toBeLessThan(0.03);
  });

  it("mixes a name into distinct seeds", () => {
    expect(seedOf("2026-03-02")).toBe(seedOf("2026-03-02"));
    expect(seedOf("2026-03-02")).not.toBe(seedOf("2026-03-03"));
    expect(seedOf("2026-03-02", 1)).not.toBe(seedOf("2026-03-02", 2));
  });
});

describe("normal distribution", () => {
  it("matches known values", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.281552)).toBeCloseTo(0.1, 6);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });

  it("has a quantile that inverts the distribution function", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
      }),
    );
  });
});
