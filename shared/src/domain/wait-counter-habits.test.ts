import { describe, expect, it } from "vitest";
import { fitHandlingTime } from "./handling-time.js";
import { DEFAULT_POLICY_WEIGHTS, type QueueCandidate } from "./queue-policy.js";
import {
  foreseeCounters,
  learnCounterHabits,
  NO_HABITS,
  type CounterVisit,
  type PresentCounter,
} from "./wait-counter-habits.js";
import { estimateCentreWaits, tellableEstimate } from "./wait-estimator.js";

const DAYS = ["2026-10-27", "2026-11-03", "2026-11-10", "2026-11-17"];

/** A counter's day of back-to-back 10-minute visits from `opens` to `closes`, with breaks left out. */
function workedDay(
  counterId: string,
  day: string,
  opens: number,
  closes: number,
  breaks: { at: number; minutes: number }[],
): CounterVisit[] {
  const visits: CounterVisit[] = [];
  for (let t = opens; t + 10 <= closes;) {
    const due = breaks.find((b) => t >= b.at && t < b.at + b.minutes);
    if (due) {
      t = due.at + due.minutes;
      continue;
    }
    visits.push({ counterId, day, serviceId: "s1", calledMinute: t, releasedMinute: t + 10 });
    t += 10;
  }
  return visits;
}

const H = 60;
const history: CounterVisit[] = [
  // C1: every Tuesday 09:00–18:00, lunch about 12:00 for 45 minutes.
  ...DAYS.flatMap((d, k) => workedDay("C1", d, 9 * H + k, 18 * H, [{ at: 12 * H + 2 * k, minutes: 45 }])),
  // C2: 10:00–16:00, and on one day only an idle half hour at 14:00 (not a habit).
  ...DAYS.flatMap((d, k) => workedDay("C2", d, 10 * H, 16 * H, k === 0 ? [{ at: 14 * H, minutes: 30 }] : [])),
  // C3: a single Tuesday.
  ...workedDay("C3", DAYS[0]!, 9 * H, 12 * H, []),
];

describe("the counters' usual day, learned from their visits", () => {
  const habits = learnCounterHabits(history);

  it("finds each counter's usual opening, lunch and closing", () => {
    const c1 = habits.counters.get("C1")!;
    expect(habits.days).toBe(4);
    expect(c1.worksShare).toBe(1);
    expect(c1.opensMinute).toBeCloseTo(9 * H + 1.5, 5);
    expect(c1.closesMinute).toBeGreaterThan(18 * H - 10);
    expect(c1.closesMinute).toBeLessThanOrEqual(18 * H);
    expect(c1.breaks).toHaveLength(1);
    expect(c1.breaks[0]!.at).toBeGreaterThanOrEqual(12 * H);
    expect(c1.breaks[0]!.at).toBeLessThan(12 * H + 15);
    // From the last release before lunch to the first call after it (the visits here are 10 minutes apart).
    expect(c1.breaks[0]!.minutes).toBeGreaterThan(35);
    expect(c1.breaks[0]!.minutes).toBeLessThan(56);
    expect(c1.serviceIds).toEqual(["s1"]);
  });

  it("does not take a gap of one day for a habit, nor a counter of one day for a regular", () => {
    expect(habits.counters.get("C2")!.breaks).toEqual([]);
    expect(habits.counters.get("C3")!.worksShare).toBe(0.25);
  });

  it("knows nothing from no history", () => {
    expect(learnCounterHabits([])).toBe(NO_HABITS);
  });

  const dayStart = new Date("2026-11-24T00:00:00Z");
  const at = (minute: number) => new Date(dayStart.getTime() + minute * 60_000);
  const counter = (id: string, status: PresentCounter["status"], since: number | null): PresentCounter => ({
    id,
    serviceIds: ["s1"],
    status,
    statusSince: since === null ? null : at(since),
  });

  it("expects counters not open yet at their usual opening, with their lunch and closing", () => {
    const [c1, c3] = foreseeCounters(
      [counter("C1", "closed", null), counter("C3", "closed", null)],
      habits,
      at(8 * H + 30),
      dayStart,
      15,
    );
    expect(c1!.availableAt).toEqual(at(9 * H + 1.5));
    expect(c1!.breaks).toHaveLength(1);
    expect(c1!.leavesAt).toEqual(at(habits.counters.get("C1")!.closesMinute));
    // C3 works one Tuesday in four: not expected.
    expect(c3!.availableAt).toBeNull();
  });

  it("foresees lunch for an open counter, and not once it is back from it", () => {
    const [before] = foreseeCounters([counter("C1", "open", 9 * H)], habits, at(11 * H), dayStart, 15);
    expect(before!.breaks![0]!.from.getTime()).toBeGreaterThanOrEqual(at(12 * H).getTime());
    const [back] = foreseeCounters([counter("C1", "open", 12 * H + 50)], habits, at(13 * H), dayStart, 15);
    expect(back!.breaks).toEqual([]);
  });

  it("brings a counter back from lunch after its usual length; one closed today stays closed", () => {
    const [lunch, gone] = foreseeCounters(
      [counter("C1", "break", 12 * H), counter("C2", "closed", 15 * H)],
      habits,
      at(12 * H + 10),
      dayStart,
      15,
    );
    const back = (lunch!.availableAt!.getTime() - at(12 * H).getTime()) / 60_000;
    expect(back).toBeCloseTo(habits.counters.get("C1")!.breaks[0]!.minutes, 5);
    expect(lunch!.breaks).toEqual([]);
    expect(gone!.availableAt).toBeNull();
  });

  it("without history: a break lasts the usual minutes and nothing else is foreseen", () => {
    const [c] = foreseeCounters([counter("C1", "break", 12 * H)], NO_HABITS, at(12 * H), dayStart, 15);
    expect(c!.availableAt).toEqual(at(12 * H + 15));
    expect(c!.breaks).toBeUndefined();
  });
});

describe("estimates that foresee the counters", () => {
  const habits = learnCounterHabits(history);
  const dayStart = new Date("2026-11-24T00:00:00Z");
  const at = (minute: number) => new Date(dayStart.getTime() + minute * 60_000);
  const services = [{ serviceId: "s1", handling: fitHandlingTime(null, 10) }];
  const waitingAt = (now: number, count: number): QueueCandidate[] =>
    Array.from({ length: count }, (_, i) => ({
      id: `t${String(i).padStart(2, "0")}`,
      serviceId: "s1",
      priority: "none",
      queuedAt: at(now - count + i),
      appointmentAt: null,
    }));
  const estimate = (now: number, present: PresentCounter[], known: typeof habits, count: number) =>
    estimateCentreWaits({
      now: at(now),
      closesAt: at(18 * H),
      weights: DEFAULT_POLICY_WEIGHTS,
      services,
      counters: foreseeCounters(present, known, at(now), dayStart, 15),
      waiting: waitingAt(now, count),
      counterTimingSpreadMinutes: known.spreadMinutes,
    });

  it("before any counter opens: the usual opening when history knows it, else no figure at all", () => {
    const closed: PresentCounter[] = [
      { id: "C1", serviceIds: ["s1"], status: "closed", statusSince: null },
      { id: "C2", serviceIds: ["s1"], status: "closed", statusSince: null },
    ];
    const blind = estimate(8 * H + 30, closed, NO_HABITS, 3);
    // Today's falsely certain "until closing, give or take nothing" is no longer told.
    expect(tellableEstimate(blind.tickets.get("t00"))).toBeNull();
    expect(tellableEstimate(blind.newcomers.get("s1"))).toBeNull();

    const foreseen = tellableEstimate(estimate(8 * H + 30, closed, habits, 3).tickets.get("t00"))!;
    // C1 opens about 09:01: the first in line is called about half an hour from now, with a band.
    expect(foreseen.expectedMinutes).toBeGreaterThan(20);
    expect(foreseen.expectedMinutes).toBeLessThan(45);
    expect(foreseen.range.high - foreseen.range.low).toBeGreaterThan(1);
  });

  it("expects the wait to grow when the only counter is due for lunch", () => {
    const open: PresentCounter[] = [{ id: "C1", serviceIds: ["s1"], status: "open", statusSince: at(9 * H) }];
    const blind = estimate(11 * H + 50, open, NO_HABITS, 4).tickets.get("t03")!;
    const foreseen = estimate(11 * H + 50, open, habits, 4).tickets.get("t03")!;
    // Three visits of 10 minutes ahead: 30 minutes blind; lunch in between adds most of its length.
    expect(blind.expectedMinutes).toBeGreaterThan(25);
    expect(blind.expectedMinutes).toBeLessThan(35);
    expect(foreseen.expectedMinutes).toBeGreaterThan(blind.expectedMinutes + 25);
  });
});
