import { describe, expect, it } from "vitest";
import { handlingMeanSeconds } from "../handling-time.js";
import { estimateCentreWaits } from "../wait-estimator.js";
import { DOST_LIKE_DAY } from "./day-config.js";
import { generateDay, meanOccupancySeconds } from "./day-plan.js";
import { estimatorInputOf, learnFromHistory, simulationQuoter, throughputQuoter } from "./day-quoters.js";
import type { CentreView, CounterView } from "./day-simulation.js";

const config = DOST_LIKE_DAY;
const history = ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09"].map((d) =>
  generateDay(config, d, 9),
);
const knowledge = learnFromHistory(history, config);
const plan = generateDay(config, "2026-03-02", 1);
const at = (hh: number, mm = 0) => plan.midnight + (hh * 60 + mm) * 60_000;

const counter = (over: Partial<CounterView> & { id: string }): CounterView => ({
  serviceIds: ["PEN-AGE", "PEN-SURV"],
  status: "open",
  since: at(9),
  breakReason: null,
  serving: null,
  openedToday: true,
  breaksTaken: [],
  ...over,
});

const view = (over: Partial<CentreView> = {}): CentreView => ({
  now: at(11),
  plan,
  weights: config.weights,
  waiting: [
    { id: "t1", serviceId: "PEN-AGE", priority: "none", queuedAt: new Date(at(10, 40)), appointmentAt: null },
    {
      id: "t2",
      serviceId: "PEN-AGE",
      priority: "elderly",
      queuedAt: new Date(at(10, 55)),
      appointmentAt: null,
    },
    { id: "t3", serviceId: "PEN-AGE", priority: "none", queuedAt: new Date(at(11)), appointmentAt: null },
  ],
  counters: [
    counter({ id: "C1", serving: { serviceId: "PEN-AGE", calledAt: at(10, 55) } }),
    counter({ id: "C2", status: "break", since: at(10, 50), breakReason: "short", breaksTaken: ["short"] }),
    counter({ id: "C4", status: "closed", since: plan.midnight, openedToday: false }),
    counter({ id: "C3", status: "closed", since: at(10), openedToday: true }),
  ],
  pendingBookings: [{ serviceId: "PEN-AGE", start: at(11, 20) }],
  releases: [
    { serviceId: "PEN-AGE", at: at(10, 10), absent: false },
    { serviceId: "PEN-AGE", at: at(10, 30), absent: true },
    { serviceId: "PEN-AGE", at: at(9, 50), absent: false },
  ],
  ...over,
});

describe("what past days teach", () => {
  it("learns each service's handling time, priority arrivals, turnout and counter habits", () => {
    for (const spec of config.services) {
      const mean = handlingMeanSeconds(knowledge.handling.get(spec.serviceId)!);
      expect(mean / meanOccupancySeconds(spec, config)).toBeGreaterThan(0.9);
      expect(mean / meanOccupancySeconds(spec, config)).toBeLessThan(1.1);
    }
    const perDay = [...knowledge.priorityRates.values()]
      .flatMap((byService) => [...byService.values()])
      .flatMap((byGroup) => Object.values(byGroup))
      .reduce((a, b) => a + b, 0);
    const walkIns =
      history.reduce((s, p) => s + p.visitors.filter((v) => v.kind === "walk_in").length, 0) / 5;
    expect(perDay / walkIns).toBeGreaterThan(0.09);
    expect(perDay / walkIns).toBeLessThan(0.15);
    expect(knowledge.appointmentArrival.showRate).toBeGreaterThan(0.75);
    expect(knowledge.appointmentArrival.earliestMinutes).toBeLessThan(
      knowledge.appointmentArrival.latestMinutes,
    );
    expect(knowledge.breakMinutes.lunch).toBeGreaterThan(40);
    expect(knowledge.breakMinutes.lunch).toBeLessThan(50);
    // C4 works the middle of the day, from about ten.
    expect(knowledge.usualOpening.get("C4")).toBeGreaterThanOrEqual(600);
    expect(knowledge.usualOpening.get("C4")).toBeLessThan(607);
    expect(knowledge.usualClosing.get("C4")).toBe(900);
    expect(knowledge.counterTimingSpreadMinutes).toBeGreaterThan(2);
  });
});

describe("the estimator's input from a moment of the day", () => {
  it("tells counters' returns, openings, breaks and leaving from their habits", () => {
    const input = estimatorInputOf(view(), config, knowledge);
    const [c1, c2, c4, c3] = input.counters;
    expect(c1!.serving).toEqual({ serviceId: "PEN-AGE", calledAt: new Date(at(10, 55)) });
    expect(c1!.breaks!.map((b) => b.from.getTime())).toEqual(
      knowledge.usualBreaks
        .get("C1")!
        .map((b) => Math.floor(Math.max(at(11), plan.midnight + b.at * 60_000))),
    );
    expect(c2!.availableAt!.getTime()).toBeCloseTo(at(10, 50) + knowledge.breakMinutes.short! * 60_000, 0);
    // Its short break is taken; only its lunch is still to come.
    expect(c2!.breaks!.length).toBe(
      knowledge.usualBreaks.get("C2")!.filter((b) => b.reason !== "short").length,
    );
    expect(c4!.availableAt!.getTime()).toBeGreaterThan(at(11) - 1);
    expect(c4!.leavesAt!.getTime()).toBe(at(15));
    expect(c3!.availableAt).toBeNull();
    expect(c3!.breaks).toBeUndefined();
    expect(input.appointments).toEqual([{ serviceId: "PEN-AGE", start: new Date(at(11, 20)) }]);
    expect(input.counterTimingSpreadMinutes).toBe(knowledge.counterTimingSpreadMinutes);
  });

  it("tells nothing beyond the counters' state without habits", () => {
    const input = estimatorInputOf(view(), config, knowledge, "state");
    expect(input.counters.every((c) => c.breaks === undefined && c.leavesAt === undefined)).toBe(true);
    expect(input.counterTimingSpreadMinutes).toBe(0);
  });
});

describe("quoters", () => {
  it("quotes today's estimate from the place in line and last hour's finished visits", () => {
    // t2 (elderly) and t1 are ahead of t3; two visits finished (not the absent one) in the last
    // hour: too few to trust, so one open counter at 12 minutes a visit: 2 × 12 = 24.
    const ticket = view().waiting[2]!;
    expect(throughputQuoter(config)(view(), ticket)).toEqual({ expectedMinutes: 24, range: null });
  });

  it("quotes the forward simulation's estimate of the ticket", () => {
    const ticket = view().waiting[2]!;
    const direct = estimateCentreWaits(estimatorInputOf(view(), config, knowledge)).tickets.get("t3")!;
    expect(simulationQuoter(config, knowledge)(view(), ticket)).toEqual({
      expectedMinutes: direct.expectedMinutes,
      range: direct.range,
    });
  });
});
