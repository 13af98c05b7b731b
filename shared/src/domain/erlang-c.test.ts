import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageWaitSeconds,
  countersNeeded,
  erlangB,
  erlangC,
  offeredLoad,
  serviceLevel,
} from "./erlang-c.js";

/**
 * Erlang C straight from its textbook definition, summed in log space so that it cannot overflow:
 * C = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)). An independent check of the recursion.
 */
function erlangCByDefinition(n: number, a: number): number {
  const logTerm = (k: number): number => {
    let logFactorial = 0;
    for (let i = 2; i <= k; i++) logFactorial += Math.log(i);
    return k * Math.log(a) - logFactorial;
  };
  const logLast = logTerm(n) + Math.log(n / (n - a));
  const logs = Array.from({ length: n }, (_, k) => logTerm(k));
  const top = Math.max(logLast, ...logs);
  const sum = logs.reduce((s, l) => s + Math.exp(l - top), 0) + Math.exp(logLast - top);
  return Math.exp(logLast - top) / sum;
}

describe("Erlang C against published worked examples", () => {
  // 100 calls in 30 minutes, 180 s average handling, 20 s target: the worked example of Call Centre
  // Helper's "Erlang C Formula – Made Simple" and of the CRAN package ErlangC 0.1.0 (its README and
  // reference manual print these figures for 11 and 14 agents).
  const example = { arrivalsPerHour: 200, handlingSeconds: 180 };

  it("gives the published traffic intensity of 10 erlangs", () => {
    expect(offeredLoad(example.arrivalsPerHour, example.handlingSeconds)).toBe(10);
  });

  it("gives the published probability of waiting and service level for 11 agents", () => {
    expect(erlangC(11, 10)).toBeCloseTo(0.6821182, 7);
    expect(serviceLevel(example, 11, 20)).toBeCloseTo(0.3896138, 7);
  });

  it("gives the published figures for 14 agents: wait 17.4 %, service level 88.8 %, 7.84 s", () => {
    expect(erlangC(14, 10)).toBeCloseTo(0.1741319, 7);
    expect(serviceLevel(example, 14, 20)).toBeCloseTo(0.88835, 5);
    expect(averageWaitSeconds(example, 14)).toBeCloseTo(7.835937, 5);
  });

  it("needs 14 agents for 80 % within 20 s, since 13 reach only 79.6 %", () => {
    expect(serviceLevel(example, 13, 20)).toBeLessThan(0.8);
    expect(countersNeeded(example, { targetWaitSeconds: 20 })).toBe(14);
  });

  it("agrees with the 'Erlang uplift' example: 250 calls an hour, 330 s, 80 % in 30 s need 28", () => {
    // jonesthenet.com, "Service levels and Erlang: Erlang uplift": the accountant's 22.9 advisors
    // against Erlang's 28.
    const queue = { arrivalsPerHour: 250, handlingSeconds: 330 };
    expect(offeredLoad(queue.arrivalsPerHour, queue.handlingSeconds)).toBeCloseTo(22.9, 1);
    expect(countersNeeded(queue, { targetWaitSeconds: 30, serviceLevel: 0.8 })).toBe(28);
  });

  it("matches Erlang B's textbook value: 10 erlangs on 10 trunks block 21.5 %", () => {
    // The Erlang B table (e.g. any teletraffic textbook): B(10, 10) = 0.2146.
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
  });
});

describe("Erlang C stays exact where factorials overflow", () => {
  it("matches the log-space definition from a handful of counters to two thousand", () => {
    for (const [n, a] of [
      [3, 2.5],
      [50, 45],
      [171, 160],
      [500, 480],
      [2000, 1950],
    ] as const) {
      const c = erlangC(n, a);
      expect(Number.isFinite(c)).toBe(true);
      expect(c).toBeCloseTo(erlangCByDefinition(n, a), 10);
    }
  });

  it("finds staffing for a very large load without overflow", () => {
    // 36 000 visitors an hour of 240 s each: 2400 erlangs. Square-root staffing puts the answer a
    // little above the load.
    const n = countersNeeded({ arrivalsPerHour: 36_000, handlingSeconds: 240 }, { targetWaitSeconds: 20 });
    expect(n).toBeGreaterThan(2400);
    expect(n).toBeLessThan(2400 + 3 * Math.sqrt(2400));
    expect(serviceLevel({ arrivalsPerHour: 36_000, handlingSeconds: 240 }, n, 20)).toBeGreaterThanOrEqual(
      0.8,
    );
    expect(serviceLevel({ arrivalsPerHour: 36_000, handlingSeconds: 240 }, n - 1, 20)).toBeLessThan(0.8);
  });
});

describe("Erlang C properties", () => {
  const loads = fc.double({ min: 0.05, max: 300, noNaN: true });

  it("needs more counters than the load: with N ≤ A everyone waits and the level is 0", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 300, noNaN: true }), (a) => {
        const n = Math.floor(a);
        expect(erlangC(n, a)).toBe(1);
        expect(serviceLevel({ arrivalsPerHour: a, handlingSeconds: 3600 }, n, 60)).toBe(0);
        expect(averageWaitSeconds({ arrivalsPerHour: a, handlingSeconds: 3600 }, n)).toBe(
          Number.POSITIVE_INFINITY,
        );
      }),
    );
  });

  it("waits less, and calls more within the target, with every counter added", () => {
    fc.assert(
      fc.property(loads, fc.integer({ min: 1, max: 40 }), (a, extra) => {
        const queue = { arrivalsPerHour: a, handlingSeconds: 3600 };
        let previousC = 1;
        let previousLevel = 0;
        for (let n = Math.floor(a) + 1; n <= Math.floor(a) + extra; n++) {
          const c = erlangC(n, a);
          const level = serviceLevel(queue, n, 300);
          expect(c).toBeGreaterThan(0);
          expect(c).toBeLessThanOrEqual(previousC);
          expect(level).toBeGreaterThanOrEqual(previousLevel);
          previousC = c;
          previousLevel = level;
        }
      }),
    );
  });

  it("tends to a service level of 1 as counters grow", () => {
    fc.assert(
      fc.property(loads, (a) => {
        const n = Math.ceil(a + 10 * Math.sqrt(a) + 10);
        expect(serviceLevel({ arrivalsPerHour: a, handlingSeconds: 3600 }, n, 0)).toBeGreaterThan(0.999);
      }),
    );
  });

  it("returns the smallest staffing that meets the target, and it exceeds the load", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.double({ min: 60, max: 3600, noNaN: true }),
        fc.double({ min: 0, max: 1800, noNaN: true }),
        fc.double({ min: 0.5, max: 0.95, noNaN: true }),
        (arrivalsPerHour, handlingSeconds, targetWaitSeconds, level) => {
          const queue = { arrivalsPerHour, handlingSeconds };
          const n = countersNeeded(queue, { targetWaitSeconds, serviceLevel: level });
          expect(n).toBeGreaterThan(offeredLoad(arrivalsPerHour, handlingSeconds));
          expect(serviceLevel(queue, n, targetWaitSeconds)).toBeGreaterThanOrEqual(level - 1e-12);
          if (n - 1 > offeredLoad(arrivalsPerHour, handlingSeconds)) {
            expect(serviceLevel(queue, n - 1, targetWaitSeconds)).toBeLessThan(level);
          }
        },
      ),
    );
  });
});

describe("staffing targets and bad input", () => {
  const example = { arrivalsPerHour: 200, handlingSeconds: 180 };

  it("adds counters when a mean-wait cap is stricter than the service level", () => {
    // 14 agents meet 80/20 with a mean wait of 7.8 s; a 5 s cap needs the 15th (3.7 s).
    expect(countersNeeded(example, { targetWaitSeconds: 20, maxAverageWaitSeconds: 5 })).toBe(15);
  });

  it("needs nobody when nobody comes", () => {
    expect(countersNeeded({ arrivalsPerHour: 0, handlingSeconds: 600 }, { targetWaitSeconds: 0 })).toBe(0);
    expect(serviceLevel({ arrivalsPerHour: 0, handlingSeconds: 600 }, 0, 0)).toBe(1);
  });

  it("refuses negative, fractional or non-finite inputs with a RangeError", () => {
    expect(() => erlangC(2.5, 1)).toThrow(RangeError);
    expect(() => erlangC(3, -1)).toThrow(RangeError);
    expect(() => offeredLoad(Number.NaN, 10)).toThrow(RangeError);
    expect(() => countersNeeded(example, { targetWaitSeconds: 20, serviceLevel: 1 })).toThrow(RangeError);
    expect(() => countersNeeded(example, { targetWaitSeconds: -1 })).toThrow(RangeError);
  });
});
