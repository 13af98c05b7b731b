import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PRIORITIES } from "../api/tickets.js";
import { fitHandlingTime, type HandlingTimeModel } from "./handling-time.js";
import { DEFAULT_POLICY_WEIGHTS, pickNext, type QueueCandidate } from "./queue-policy.js";
import { seededRandom } from "./random.js";
import { bandQuantile, estimateCentreWaits } from "./wait-estimator.js";
import type { EstimatorCounter, WaitEstimatorInput } from "./wait-estimator-input.js";

const now = new Date("2026-03-02T07:00:00Z");
const inSeconds = (s: number) => new Date(now.getTime() + s * 1000);
const inMinutes = (m: number) => inSeconds(m * 60);
/** Every visit lasts exactly this long: the simulation becomes deterministic. */
const exactly = (seconds: number): HandlingTimeModel => ({ mu: Math.log(seconds), sigma: 0 });

const base = (over: Partial<WaitEstimatorInput>): WaitEstimatorInput => ({
  now,
  closesAt: inMinutes(600),
  weights: DEFAULT_POLICY_WEIGHTS,
  services: [],
  counters: [],
  waiting: [],
  ...over,
});

const walkIn = (id: string, serviceId: string, minutesAgo: number, over: Partial<QueueCandidate> = {}) => ({
  id,
  serviceId,
  priority: "none" as const,
  queuedAt: inMinutes(-minutesAgo),
  appointmentAt: null,
  ...over,
});

/**
 * The reference: the same centre played with `pickNext` itself, every free counter calling the
 * highest score among its services at that moment. Returns each called ticket's wait (ms).
 */
function playWithPickNext(input: WaitEstimatorInput, seconds: Map<string, number>): Map<string, number> {
  const waiting = [...input.waiting];
  const called = new Map<string, number>();
  const free = input.counters.map((c) => {
    if (c.status === "open")
      return c.serving
        ? Math.max(
            0,
            seconds.get(c.serving.serviceId)! * 1000 - (now.getTime() - c.serving.calledAt.getTime()),
          )
        : 0;
    return c.availableAt ? c.availableAt.getTime() - now.getTime() : Infinity;
  });
  for (;;) {
    let c = -1;
    free.forEach((t, k) => {
      if (t < Infinity && (c < 0 || t < free[c]!)) c = k;
    });
    if (c < 0) return called;
    const t = free[c]!;
    const next = pickNext(waiting, input.counters[c]!.serviceIds, new Date(now.getTime() + t), input.weights);
    if (!next) {
      free[c] = Infinity; // idle for good: nobody new arrives in this centre
      continue;
    }
    waiting.splice(waiting.indexOf(next), 1);
    called.set(next.id, t);
    free[c] = t + Math.exp(Math.log(seconds.get(next.serviceId)!)) * 1000;
  }
}

const SERVICES = ["s0", "s1", "s2", "s3"];

const centreArbitrary = fc
  .record({
    seconds: fc.array(fc.integer({ min: 60, max: 1200 }), { minLength: 4, maxLength: 4 }),
    counters: fc.array(
      fc.record({
        profile: fc.subarray(SERVICES, { minLength: 1 }),
        status: fc.constantFrom("open", "open", "break", "closed"),
        servingService: fc.option(fc.constantFrom(...SERVICES), { nil: null }),
        elapsed: fc.integer({ min: 0, max: 1500 }),
        back: fc.integer({ min: 1, max: 1800 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    waiting: fc.array(
      fc.record({
        service: fc.constantFrom(...SERVICES),
        priority: fc.constantFrom(...PRIORITIES),
        waitedSeconds: fc.integer({ min: 0, max: 7200 }),
        slotInSeconds: fc.option(fc.integer({ min: -3600, max: 3600 }), { nil: null }),
      }),
      { maxLength: 15 },
    ),
  })
  .map(({ seconds, counters, waiting }) => {
    const durations = new Map(SERVICES.map((s, i) => [s, seconds[i]!]));
    const input = base({
      services: SERVICES.map((s) => ({ serviceId: s, handling: exactly(durations.get(s)!) })),
      // Each counter's free times keep their own fraction of a second (durations are whole
      // seconds), none of them zero: no two counters, and no counter and slot, are ever due at
      // the same instant, where the order of play would be arbitrary.
      counters: counters.map((c, k): EstimatorCounter => {
        const serving = c.servingService ?? c.profile[0]!;
        return {
          id: `c${k}`,
          serviceIds: c.profile,
          status: c.status as EstimatorCounter["status"],
          availableAt: c.status === "open" ? null : inSeconds(c.back + (k + 1) / 9),
          serving:
            c.status === "open"
              ? {
                  serviceId: serving,
                  calledAt: inSeconds(-Math.min(c.elapsed, durations.get(serving)! - 1) - (k + 1) / 9),
                }
              : null,
        };
      }),
      waiting: waiting.map((w, i) => ({
        id: `t${String(i).padStart(2, "0")}`,
        serviceId: w.service,
        priority: w.priority,
        queuedAt: inSeconds(-w.waitedSeconds),
        appointmentAt: w.slotInSeconds === null ? null : inSeconds(w.slotInSeconds),
      })),
    });
    return { input, durations };
  });

describe("wait estimator", () => {
  it("calls every ticket exactly when pickNext would, in every replica, when visits have fixed lengths", () => {
    fc.assert(
      fc.property(centreArbitrary, ({ input, durations }) => {
        const reference = playWithPickNext(input, durations);
        const result = estimateCentreWaits(input, { replicas: 3 });
        for (const t of input.waiting) {
          const estimate = result.tickets.get(t.id)!;
          const expected = reference.get(t.id);
          if (expected === undefined) {
            expect(estimate.calledBeforeCloseShare).toBe(0);
            continue;
          }
          expect(estimate.calledBeforeCloseShare).toBe(1);
          expect(Math.abs(estimate.expectedMinutes - expected / 60_000)).toBeLessThanOrEqual(0.05 + 1e-9);
          // Three identical replicas: the band is the one time, rounded outward.
          expect(estimate.range.low).toBeLessThanOrEqual(expected / 60_000 + 1e-9);
          expect(estimate.range.high).toBeGreaterThanOrEqual(expected / 60_000 - 1e-9);
          expect(estimate.range.high - estimate.range.low).toBeLessThanOrEqual(0.1 + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same answer for the same input and seed", () => {
    fc.assert(
      fc.property(centreArbitrary, fc.integer(), ({ input }, seed) => {
        const lognormal = {
          ...input,
          services: input.services.map((s) => ({ ...s, handling: { ...s.handling, sigma: 0.5 } })),
        };
        const a = estimateCentreWaits(lognormal, { seed, replicas: 20 });
        const b = estimateCentreWaits(lognormal, { seed, replicas: 20 });
        expect([...a.tickets]).toEqual([...b.tickets]);
        expect([...a.newcomers]).toEqual([...b.newcomers]);
      }),
      { numRuns: 50 },
    );
  });

  it("never quotes a newcomer less than the last ticket already waiting for the same service", () => {
    fc.assert(
      fc.property(centreArbitrary, ({ input }) => {
        const lognormal = {
          ...input,
          services: input.services.map((s) => ({ ...s, handling: { ...s.handling, sigma: 0.6 } })),
        };
        const result = estimateCentreWaits(lognormal, { replicas: 30 });
        for (const s of SERVICES) {
          const newcomer = result.newcomers.get(s)!;
          for (const t of input.waiting.filter((w) => w.serviceId === s))
            expect(newcomer.expectedMinutes).toBeGreaterThanOrEqual(
              result.tickets.get(t.id)!.expectedMinutes - 0.05,
            );
        }
      }),
      { numRuns: 100 },
    );
  });

  const oneCounter = (over: Partial<WaitEstimatorInput> = {}) =>
    base({
      services: [
        {
          serviceId: "A",
          handling: fitHandlingTime({ count: 500, meanLog: Math.log(600), varLog: 0.25 }, 10),
        },
      ],
      counters: [
        { id: "c1", serviceIds: ["A"], status: "open", serving: { serviceId: "A", calledAt: inMinutes(-2) } },
      ],
      waiting: [walkIn("a1", "A", 9), walkIn("a2", "A", 6), walkIn("a3", "A", 3)],
      ...over,
    });

  it("holds four waits in five inside its band", () => {
    // One counter, three ahead plus the visit under way: the true wait of the fourth in line is the
    // remainder of the current visit plus three whole visits. Draw it many times independently.
    const input = oneCounter();
    const model = input.services[0]!.handling;
    const estimate = estimateCentreWaits(input, { replicas: 60 }).newcomers.get("A")!;
    const random = seededRandom(99);
    let inside = 0;
    const draws = 4000;
    for (let i = 0; i < draws; i++) {
      // Remainder given 2 minutes elapsed: redraw until longer than that (rejection, for independence).
      let first: number;
      do first = Math.exp(model.mu + model.sigma * random.normal());
      while (first <= 120);
      let wait = first - 120;
      for (let k = 0; k < 3; k++) wait += Math.exp(model.mu + model.sigma * random.normal());
      const minutes = wait / 60;
      if (minutes >= estimate.range.low && minutes <= estimate.range.high) inside++;
    }
    expect(inside / draws).toBeGreaterThan(0.74);
    expect(inside / draws).toBeLessThan(0.86);
    // And its mean: 8 minutes left of the current visit at least, then three of about ten.
    expect(estimate.expectedMinutes).toBeGreaterThan(35);
    expect(estimate.expectedMinutes).toBeLessThan(45);
  });

  it("expects later waits for tickets further back in the same queue", () => {
    const result = estimateCentreWaits(oneCounter());
    const [a1, a2, a3] = ["a1", "a2", "a3"].map((id) => result.tickets.get(id)!.expectedMinutes);
    expect(a1).toBeLessThan(a2!);
    expect(a2).toBeLessThan(a3!);
    expect(a3).toBeLessThan(result.newcomers.get("A")!.expectedMinutes);
  });

  it("expects priority walk-ins to come and go ahead of an ordinary newcomer", () => {
    const calm = estimateCentreWaits(oneCounter()).newcomers.get("A")!;
    const busy = estimateCentreWaits(
      oneCounter({
        services: [
          {
            ...oneCounter().services[0]!,
            priorityArrivalsPerHour: { disability: 6, elderly: 6 },
          },
        ],
      }),
    ).newcomers.get("A")!;
    expect(busy.expectedMinutes).toBeGreaterThan(calm.expectedMinutes + 3);
  });

  it("puts appointments falling due ahead of walk-ins, and leaves those whose check-in is over", () => {
    const calm = estimateCentreWaits(oneCounter()).tickets.get("a3")!;
    const due = estimateCentreWaits(
      oneCounter({
        appointments: [
          { serviceId: "A", start: inMinutes(5) },
          { serviceId: "A", start: inMinutes(10) },
        ],
        appointmentArrival: { showRate: 1, earliestMinutes: -10, latestMinutes: 0 },
      }),
    ).tickets.get("a3")!;
    expect(due.expectedMinutes).toBeGreaterThan(calm.expectedMinutes + 10);
    const gone = estimateCentreWaits(
      oneCounter({
        appointments: [{ serviceId: "A", start: inMinutes(-30) }],
        appointmentArrival: { showRate: 1, earliestMinutes: -10, latestMinutes: 15 },
      }),
    ).tickets.get("a3")!;
    expect(gone).toEqual(calm);
  });

  it("moves a checked-in appointment ahead at its slot, not before", () => {
    const input = base({
      services: [{ serviceId: "A", handling: exactly(600) }],
      counters: [{ id: "c1", serviceIds: ["A"], status: "open", serving: { serviceId: "A", calledAt: now } }],
      waiting: [
        walkIn("w1", "A", 30),
        walkIn("w2", "A", 20),
        walkIn("appt", "A", 1, { appointmentAt: inMinutes(15) }),
      ],
    });
    const result = estimateCentreWaits(input, { replicas: 2 });
    // Free at 10: w1 (the slot has not started); at 20 the appointment is due and goes before w2.
    expect(result.tickets.get("w1")!.expectedMinutes).toBe(10);
    expect(result.tickets.get("appt")!.expectedMinutes).toBe(20);
    expect(result.tickets.get("w2")!.expectedMinutes).toBe(30);
  });

  it("waits for a counter back from its break, or until closing when none will serve", () => {
    const input = base({
      closesAt: inMinutes(120),
      services: [
        { serviceId: "A", handling: exactly(300) },
        { serviceId: "B", handling: exactly(300) },
      ],
      counters: [{ id: "c1", serviceIds: ["A"], status: "break", availableAt: inMinutes(25) }],
      waiting: [walkIn("a", "A", 5), walkIn("b", "B", 5)],
    });
    const result = estimateCentreWaits(input, { replicas: 2 });
    expect(result.tickets.get("a")).toEqual({
      expectedMinutes: 25,
      range: { low: 25, high: 25 },
      calledBeforeCloseShare: 1,
    });
    expect(result.tickets.get("b")).toEqual({
      expectedMinutes: 120,
      range: { low: 120, high: 120 },
      calledBeforeCloseShare: 0,
    });
  });

  it("takes a counter's expected breaks and leaving into account", () => {
    const counter: EstimatorCounter = { id: "c1", serviceIds: ["A"], status: "open", serving: null };
    const input = base({
      services: [{ serviceId: "A", handling: exactly(600) }],
      counters: [counter],
      waiting: [walkIn("a1", "A", 3), walkIn("a2", "A", 2), walkIn("a3", "A", 1)],
    });
    const plain = estimateCentreWaits(input, { replicas: 2 });
    expect(plain.tickets.get("a3")!.expectedMinutes).toBe(20);
    const lunch = estimateCentreWaits(
      { ...input, counters: [{ ...counter, breaks: [{ from: inMinutes(5), minutes: 45 }] }] },
      { replicas: 2 },
    );
    // a1 at once; the break is due while serving a1, so it starts when a1 leaves at 10, until 55.
    expect(lunch.tickets.get("a2")!.expectedMinutes).toBe(55);
    const leaving = estimateCentreWaits(
      { ...input, counters: [{ ...counter, leavesAt: inMinutes(15) }] },
      { replicas: 2 },
    );
    expect(leaving.tickets.get("a2")!.expectedMinutes).toBe(10);
    expect(leaving.tickets.get("a3")!.calledBeforeCloseShare).toBe(0);
  });

  it("lets an idle counter call a newcomer after the usual response time", () => {
    const input = base({
      services: [{ serviceId: "A", handling: exactly(600) }],
      counters: [{ id: "c1", serviceIds: ["A"], status: "open" }],
      turnaroundSeconds: 30,
    });
    expect(estimateCentreWaits(input).newcomers.get("A")!.expectedMinutes).toBe(0.5);
  });

  it("estimates tickets of services it has no model for with a ten-minute default", () => {
    const input = base({
      counters: [{ id: "c1", serviceIds: ["X"], status: "open", serving: null }],
      waiting: [walkIn("x1", "X", 5), walkIn("x2", "X", 1)],
    });
    const result = estimateCentreWaits(input, { replicas: 100 });
    expect(result.tickets.get("x1")!.expectedMinutes).toBe(0);
    expect(result.tickets.get("x2")!.expectedMinutes).toBeGreaterThan(7);
    expect(result.tickets.get("x2")!.expectedMinutes).toBeLessThan(13);
  });

  it("rejects a coverage outside (0, 1)", () => {
    expect(() => estimateCentreWaits(base({}), { coverage: 1 })).toThrow(RangeError);
  });
});

describe("band quantile", () => {
  it("takes the order statistics at p(n + 1), interpolating between them", () => {
    const values = Float64Array.from([5, 1, 4, 2, 3, 9, 8, 7, 6]);
    // n = 9: p = 0.1 → position 1 (the smallest), p = 0.9 → position 9 (the largest), 0.5 → 5th.
    expect(bandQuantile(values.slice(), 0.1)).toBe(1);
    expect(bandQuantile(values.slice(), 0.9)).toBe(9);
    expect(bandQuantile(values.slice(), 0.5)).toBe(5);
    expect(bandQuantile(values.slice(), 0.25)).toBeCloseTo(2.5);
  });

  it("agrees with sorting on any sample", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const at = Math.min(xs.length - 1, Math.max(0, p * (xs.length + 1) - 1));
          const below = Math.floor(at);
          const above = Math.min(xs.length - 1, below + 1);
          const expected = sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
          expect(bandQuantile(Float64Array.from(xs), p)).toBeCloseTo(expected, 6);
        },
      ),
    );
  });
});
