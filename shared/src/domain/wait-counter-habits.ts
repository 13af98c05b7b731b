import type { EstimatorCounter } from "./wait-estimator-input.js";

/**
 * The counters' usual day, learned from the centre's own history, so the wait estimator foresees
 * the supply of counters through the rest of the day (who opens later, who goes to lunch when, who
 * leaves early) instead of taking the counters' present state as if it would last until closing.
 *
 * Nothing records a counter's openings and breaks; its visits do. On each past day of the same
 * weekday, a counter's first call is when it opened, its last release when it closed, and a long
 * gap between a release and its next call a break. A counter's usual day is the median of those
 * over the days it worked; a break is usual when a gap falls at about the same time on at least
 * half of them (an idle gap on a quiet afternoon does not recur and is not taken for a break).
 */

/** One visit of a past day at a counter: minutes after that day's local midnight. */
export interface CounterVisit {
  counterId: string;
  day: string;
  serviceId: string;
  calledMinute: number;
  releasedMinute: number;
}

export interface CounterHabit {
  counterId: string;
  /** Share of the learned days it worked. */
  worksShare: number;
  /** Usual first call and last release, minutes after local midnight. */
  opensMinute: number;
  closesMinute: number;
  /** Usual breaks, in time order: start (minutes after midnight) and length (minutes). */
  breaks: { at: number; minutes: number }[];
  /** The services it served on those days, for a counter not opened yet today. */
  serviceIds: string[];
}

export interface CounterHabits {
  counters: Map<string, CounterHabit>;
  /** Days learned from. */
  days: number;
  /** How far openings and breaks wander from the usual, minutes either way (√3 × their RMS deviation). */
  spreadMinutes: number;
}

/** A gap this long between a release and the next call is a break (turnaround and walk-up are under a minute). */
export const BREAK_GAP_MINUTES = 12;
/** Gaps starting within this long of a break's first on other days are the same break. */
const SAME_BREAK_MINUTES = 45;
/** A usual break or opening overdue by this long is taken as skipped today. */
const OVERDUE_MINUTES = 60;
/** The wander assumed until there are days enough to learn it. */
const DEFAULT_SPREAD_MINUTES = 10;
/** People are never punctual to the minute, however regular their past: the least wander assumed. */
const LEAST_SPREAD_MINUTES = 3;

export const NO_HABITS: CounterHabits = { counters: new Map(), days: 0, spreadMinutes: 0 };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function learnCounterHabits(visits: readonly CounterVisit[]): CounterHabits {
  const days = new Set(visits.map((v) => v.day));
  if (days.size === 0) return NO_HABITS;
  // Per counter, per day, its visits in call order.
  const byCounter = new Map<string, Map<string, CounterVisit[]>>();
  for (const v of visits) {
    let byDay = byCounter.get(v.counterId);
    if (!byDay) byCounter.set(v.counterId, (byDay = new Map()));
    const list = byDay.get(v.day);
    if (list) list.push(v);
    else byDay.set(v.day, [v]);
  }
  const counters = new Map<string, CounterHabit>();
  const deviations: number[] = [];
  for (const [counterId, byDay] of byCounter) {
    const opens: number[] = [];
    const closes: number[] = [];
    const gaps: { day: string; at: number; minutes: number }[] = [];
    const services = new Set<string>();
    for (const [day, list] of byDay) {
      list.sort((a, b) => a.calledMinute - b.calledMinute);
      opens.push(list[0]!.calledMinute);
      let released = list[0]!.releasedMinute;
      for (const v of list) {
        services.add(v.serviceId);
        const gap = v.calledMinute - released;
        if (gap >= BREAK_GAP_MINUTES) gaps.push({ day, at: released, minutes: gap });
        released = Math.max(released, v.releasedMinute);
      }
      closes.push(released);
    }
    const worked = byDay.size;
    // Gaps clustered by time of day; a cluster met on at least half the days worked is a usual break.
    gaps.sort((a, b) => a.at - b.at);
    const breaks: { at: number; minutes: number; days: Map<string, { at: number; minutes: number }> }[] = [];
    let cluster: (typeof breaks)[number] | null = null;
    let clusterStart = -Infinity;
    for (const g of gaps) {
      if (!cluster || g.at - clusterStart > SAME_BREAK_MINUTES) {
        cluster = { at: 0, minutes: 0, days: new Map() };
        clusterStart = g.at;
        breaks.push(cluster);
      }
      // One gap per day and break: the longest.
      const known = cluster.days.get(g.day);
      if (!known || known.minutes < g.minutes) cluster.days.set(g.day, g);
    }
    const usualBreaks = breaks
      .filter((b) => b.days.size * 2 >= worked)
      .map((b) => {
        const list = [...b.days.values()];
        return { at: median(list.map((g) => g.at)), minutes: mean(list.map((g) => g.minutes)), list };
      });
    const opensMinute = median(opens);
    opens.forEach((o) => deviations.push(o - opensMinute));
    for (const b of usualBreaks) for (const g of b.list) deviations.push(g.at - b.at, g.minutes - b.minutes);
    counters.set(counterId, {
      counterId,
      worksShare: worked / days.size,
      opensMinute,
      closesMinute: median(closes),
      breaks: usualBreaks.map(({ at, minutes }) => ({ at, minutes })),
      serviceIds: [...services].sort(),
    });
  }
  const rms = Math.sqrt(deviations.reduce((s, d) => s + d * d, 0) / Math.max(1, deviations.length));
  return {
    counters,
    days: days.size,
    spreadMinutes:
      days.size >= 3 ? Math.max(LEAST_SPREAD_MINUTES, Math.sqrt(3) * rms) : DEFAULT_SPREAD_MINUTES,
  };
}

/** A counter as the server reads it now. */
export interface PresentCounter {
  id: string;
  serviceIds: readonly string[];
  status: "open" | "break" | "closed";
  /** When its status last changed (opened, went on break, came back, closed). */
  statusSince: Date | null;
  serving?: EstimatorCounter["serving"];
}

/**
 * The estimator's counters: their present state, and what their habits say of the rest of the day.
 * `dayStart` is today's local midnight; `breakMinutes` a break's length when no habit says.
 *  - an open counter takes its usual breaks still ahead (one begun before it last came back is taken;
 *    one overdue by an hour, skipped) and leaves at its usual closing;
 *  - a counter on break comes back after the usual length of the break nearest its start;
 *  - a closed counter that has not opened today opens at its usual time, if it usually works this
 *    weekday and that time is not an hour past; one closed today is not expected back.
 * Without habits (a new centre), a counter on break is back after `breakMinutes` and the rest is as now.
 */
export function foreseeCounters(
  present: readonly PresentCounter[],
  habits: CounterHabits,
  now: Date,
  dayStart: Date,
  breakMinutes: number,
): EstimatorCounter[] {
  const nowMinute = (now.getTime() - dayStart.getTime()) / 60_000;
  const at = (minute: number) => new Date(dayStart.getTime() + minute * 60_000);
  const sinceMinute = (c: PresentCounter) =>
    c.statusSince ? (c.statusSince.getTime() - dayStart.getTime()) / 60_000 : -Infinity;
  return present.map((c) => {
    const habit = habits.counters.get(c.id);
    const counter: EstimatorCounter = {
      id: c.id,
      serviceIds: c.serviceIds,
      status: c.status,
      availableAt: null,
      serving: c.serving ?? null,
    };
    const since = sinceMinute(c);
    if (!habit || habit.worksShare < 0.5) {
      if (c.status === "break" && c.statusSince)
        counter.availableAt = new Date(c.statusSince.getTime() + breakMinutes * 60_000);
      return counter;
    }
    let ahead = habit.breaks;
    if (c.status === "closed") {
      // Closed since some time today: it worked and left.
      if (since >= 0) return counter;
      if (habit.opensMinute + OVERDUE_MINUTES <= nowMinute) return counter;
      counter.availableAt = at(Math.max(nowMinute, habit.opensMinute));
      if (c.serviceIds.length === 0 || habit.serviceIds.length > 0) counter.serviceIds = habit.serviceIds;
    } else if (c.status === "break") {
      // The usual break nearest the one it is on gives its length; it and earlier ones are taken.
      let nearest = -1;
      habit.breaks.forEach((b, k) => {
        if (
          Math.abs(b.at - since) <= OVERDUE_MINUTES &&
          (nearest < 0 || Math.abs(b.at - since) < Math.abs(habit.breaks[nearest]!.at - since))
        )
          nearest = k;
      });
      const minutes = nearest >= 0 ? habit.breaks[nearest]!.minutes : breakMinutes;
      counter.availableAt = new Date(
        Math.max(now.getTime(), (c.statusSince ?? now).getTime() + minutes * 60_000),
      );
      ahead = habit.breaks.filter((b, k) => k > nearest && b.at > since);
    } else if (since > habit.opensMinute + 30) {
      // Open since well after its usual opening: back from a break (or late); earlier breaks are behind it.
      ahead = habit.breaks.filter((b) => b.at > since + 15);
    }
    counter.breaks = ahead
      .filter((b) => b.at + OVERDUE_MINUTES > nowMinute)
      .map((b) => ({ from: at(Math.max(nowMinute, b.at)), minutes: b.minutes }));
    // A counter still open past its usual closing stays: when it leaves is not known.
    if (habit.closesMinute > nowMinute) counter.leavesAt = at(habit.closesMinute);
    return counter;
  });
}
