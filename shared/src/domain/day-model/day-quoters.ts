import type { Priority } from "../../api/tickets.js";
import { estimateWaitMinutes } from "../estimate.js";
import { fitHandlingTime, summariseHandlingSeconds, type HandlingTimeModel } from "../handling-time.js";
import { compareCandidates } from "../queue-policy.js";
import { estimateCentreWaits, type WaitEstimatorOptions } from "../wait-estimator.js";
import type { AppointmentArrival, EstimatorCounter, WaitEstimatorInput } from "../wait-estimator-input.js";
import type { DayModelConfig } from "./day-config.js";
import type { DayPlan } from "./day-plan.js";
import type { CentreView, Quoter } from "./day-simulation.js";

/**
 * The two estimators as quoters of the day model, each fed only with what the server would know at
 * that moment: the present state (`CentreView`) and what past days taught (`CentreKnowledge`),
 * never the day's own draws.
 */

/** What the server learns from the centre's past days (by SQL over ticket_events, in production). */
export interface CentreKnowledge {
  handling: Map<string, HandlingTimeModel>;
  /** Priority walk-ins per hour, by local hour of day, service and group. */
  priorityRates: Map<number, Map<string, Partial<Record<Priority, number>>>>;
  appointmentArrival: AppointmentArrival;
  /** Usual length of a break, by its reason (minutes). */
  breakMinutes: Record<string, number>;
  /** When each counter usually opens and closes (minutes after local midnight). */
  usualOpening: Map<string, number>;
  usualClosing: Map<string, number>;
  /** Each counter's usual breaks: reason, start (minutes after midnight), length (minutes). */
  usualBreaks: Map<string, { reason: string; at: number; minutes: number }[]>;
  turnaroundSeconds: number;
  /** How far openings and breaks wander from the usual, minutes either way (√3 × their RMS deviation). */
  counterTimingSpreadMinutes: number;
}

const HOUR = 3_600_000;

export function learnFromHistory(history: readonly DayPlan[], config: DayModelConfig): CentreKnowledge {
  const days = Math.max(1, history.length);
  const durations = new Map<string, number[]>();
  const rates = new Map<number, Map<string, Partial<Record<Priority, number>>>>();
  const offsets: number[] = [];
  let booked = 0;
  let kept = 0;
  const breaks: Record<string, number[]> = {};
  const openings = new Map<string, number[]>();
  const closings = new Map<string, number[]>();
  const counterBreaks = new Map<string, { reason: string; at: number[]; minutes: number[] }[]>();
  for (const plan of history) {
    for (const v of plan.visitors) {
      let list = durations.get(v.serviceId);
      if (!list) durations.set(v.serviceId, (list = []));
      list.push(v.occupancySeconds);
      if (v.kind === "walk_in" && v.priority !== "none") {
        const hour = Math.floor((v.arrivesAt - plan.midnight) / HOUR);
        let byService = rates.get(hour);
        if (!byService) rates.set(hour, (byService = new Map()));
        const byGroup = byService.get(v.serviceId) ?? {};
        byGroup[v.priority] = (byGroup[v.priority] ?? 0) + 1 / days;
        byService.set(v.serviceId, byGroup);
      }
      if (v.kind === "appointment" && v.appointmentAt !== null)
        offsets.push((v.arrivesAt - v.appointmentAt) / 60_000);
    }
    booked += plan.bookings.length;
    kept += plan.bookings.filter((b) => b.visitorId !== null).length;
    for (const c of plan.counters) {
      for (const b of c.breaks) (breaks[b.reason] ??= []).push(b.minutes);
      const push = (map: Map<string, number[]>, value: number) =>
        map.set(c.id, [...(map.get(c.id) ?? []), value]);
      push(openings, (c.opensAt - plan.midnight) / 60_000);
      push(closings, (c.closesAt - plan.midnight) / 60_000);
      const usual =
        counterBreaks.get(c.id) ?? c.breaks.map((b) => ({ reason: b.reason, at: [], minutes: [] }));
      c.breaks.forEach((b, k) => {
        usual[k]?.at.push((b.at - plan.midnight) / 60_000);
        usual[k]?.minutes.push(b.minutes);
      });
      counterBreaks.set(c.id, usual);
    }
  }
  offsets.sort((a, b) => a - b);
  const at = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const usualOpening = new Map([...openings].map(([id, xs]) => [id, median(xs)]));
  const usualBreaks = new Map(
    [...counterBreaks].map(([id, list]) => [
      id,
      list.map((b) => ({ reason: b.reason, at: median(b.at), minutes: mean(b.minutes) })),
    ]),
  );
  // A uniform wander of ±a has a standard deviation of a/√3.
  const deviations: number[] = [];
  for (const plan of history)
    for (const c of plan.counters) {
      deviations.push((c.opensAt - plan.midnight) / 60_000 - usualOpening.get(c.id)!);
      c.breaks.forEach((b, k) => {
        const usual = usualBreaks.get(c.id)?.[k];
        if (usual) deviations.push((b.at - plan.midnight) / 60_000 - usual.at, b.minutes - usual.minutes);
      });
    }
  const rms = Math.sqrt(deviations.reduce((sum, d) => sum + d * d, 0) / Math.max(1, deviations.length));
  return {
    handling: new Map(
      config.services.map((s) => [
        s.serviceId,
        fitHandlingTime(summariseHandlingSeconds(durations.get(s.serviceId) ?? []), s.handlingMinutes),
      ]),
    ),
    priorityRates: rates,
    appointmentArrival:
      offsets.length > 0
        ? { showRate: kept / booked, earliestMinutes: at(offsets, 0.1)!, latestMinutes: at(offsets, 0.9)! }
        : { showRate: 0.85, earliestMinutes: -20, latestMinutes: 10 },
    breakMinutes: Object.fromEntries(Object.entries(breaks).map(([reason, xs]) => [reason, mean(xs)])),
    usualOpening,
    usualClosing: new Map([...closings].map(([id, xs]) => [id, median(xs)])),
    usualBreaks,
    turnaroundSeconds: config.turnaroundSeconds,
    counterTimingSpreadMinutes: Math.sqrt(3) * rms,
  };
}

/**
 * How much the estimator is told about counters beyond their present state. "habits": each
 * counter's usual opening, breaks and closing, learned from past days (in production, by SQL over
 * ticket_events: a counter's first call and last release of each day, and its long gaps between a
 * release and the next call while its services had people waiting). "state": only what the
 * counters table says now, a break's usual length aside.
 */
export type CounterForesight = "habits" | "state";

/** The estimator's input at one moment of a simulated day, as the server would build it. */
export function estimatorInputOf(
  view: CentreView,
  config: DayModelConfig,
  knowledge: CentreKnowledge,
  foresight: CounterForesight = "habits",
): WaitEstimatorInput {
  const { now, plan } = view;
  const hour = Math.floor((now - plan.midnight) / HOUR);
  const rates = knowledge.priorityRates.get(hour);
  const at = (minutes: number) => plan.midnight + minutes * 60_000;
  const counters: EstimatorCounter[] = view.counters.map((c) => {
    let availableAt: number | null = null;
    if (c.status === "break") {
      availableAt = c.since + (knowledge.breakMinutes[c.breakReason ?? "short"] ?? 15) * 60_000;
    } else if (c.status === "closed" && !c.openedToday) {
      // Not open yet today: expected at its usual opening (without habits, at the centre's), unless
      // that is long past.
      const usual = foresight === "habits" ? knowledge.usualOpening.get(c.id) : undefined;
      const expected = usual === undefined ? plan.opensAt : at(usual);
      if (expected + HOUR > now) availableAt = Math.max(now, expected);
    }
    const counter: EstimatorCounter = {
      id: c.id,
      serviceIds: c.serviceIds,
      status: c.status,
      availableAt: availableAt === null ? null : new Date(availableAt),
      serving: c.serving ? { serviceId: c.serving.serviceId, calledAt: new Date(c.serving.calledAt) } : null,
    };
    if (foresight === "habits" && !(c.status === "closed" && c.openedToday)) {
      const closing = knowledge.usualClosing.get(c.id);
      if (closing !== undefined && at(closing) < plan.closesAt) counter.leavesAt = new Date(at(closing));
      // Its usual breaks not yet begun today; one overdue by an hour is taken as skipped.
      const taken = [...c.breaksTaken];
      counter.breaks = (knowledge.usualBreaks.get(c.id) ?? [])
        .filter((b) => {
          const done = taken.indexOf(b.reason);
          if (done >= 0) taken.splice(done, 1);
          return done < 0 && at(b.at) + HOUR > now;
        })
        .map((b) => ({ from: new Date(Math.max(now, at(b.at))), minutes: b.minutes }));
    }
    return counter;
  });
  return {
    now: new Date(now),
    closesAt: new Date(plan.closesAt),
    weights: view.weights,
    services: config.services.map((s) => ({
      serviceId: s.serviceId,
      handling: knowledge.handling.get(s.serviceId) ?? fitHandlingTime(null, s.handlingMinutes),
      priorityArrivalsPerHour: rates?.get(s.serviceId) ?? {},
    })),
    counters,
    waiting: view.waiting,
    appointments: view.pendingBookings.map((b) => ({ serviceId: b.serviceId, start: new Date(b.start) })),
    appointmentArrival: knowledge.appointmentArrival,
    turnaroundSeconds: knowledge.turnaroundSeconds,
    counterTimingSpreadMinutes: foresight === "habits" ? knowledge.counterTimingSpreadMinutes : 0,
  };
}

/** The new estimator: a forward simulation of the policy from the present state. */
export function simulationQuoter(
  config: DayModelConfig,
  knowledge: CentreKnowledge,
  options: WaitEstimatorOptions & { foresight?: CounterForesight } = {},
): Quoter {
  return (view, ticket) => {
    const input = estimatorInputOf(view, config, knowledge, options.foresight);
    const estimate = estimateCentreWaits(input, options).tickets.get(ticket.id)!;
    return { expectedMinutes: estimate.expectedMinutes, range: estimate.range };
  };
}

/**
 * Today's estimator, as the server computes it: the tickets of the same service ahead by the
 * policy's order, over the service's tickets finished in the last hour, or open counters ÷ handling.
 */
export function throughputQuoter(config: DayModelConfig): Quoter {
  const handling = new Map(config.services.map((s) => [s.serviceId, s.handlingMinutes]));
  return (view, ticket) => {
    const at = new Date(view.now);
    const position = view.waiting.filter(
      (t) => t.serviceId === ticket.serviceId && compareCandidates(t, ticket, at, view.weights) < 0,
    ).length;
    const finishedLastHour = view.releases.filter(
      (r) => r.serviceId === ticket.serviceId && !r.absent && r.at > view.now - HOUR,
    ).length;
    const openCounters = view.counters.filter(
      (c) => c.status === "open" && c.serviceIds.includes(ticket.serviceId),
    ).length;
    return {
      expectedMinutes: estimateWaitMinutes({
        position,
        finishedLastHour,
        openCounters,
        handlingMinutes: handling.get(ticket.serviceId) ?? 10,
      }),
      range: null,
    };
  };
}
