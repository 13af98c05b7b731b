import type { Priority } from "../api/tickets.js";

/**
 * How well quoted waits came true, and how fairly the queue treated its groups: the figures the
 * manager's dashboard and reports show, and the ones the estimator is tuned against.
 */

/** One visitor: what was quoted when the ticket was issued, and how long they really waited. */
export interface QuotedWait {
  quotedMinutes: number;
  range: { low: number; high: number } | null;
  actualMinutes: number;
}

export interface WaitAccuracy {
  count: number;
  /** Share called within the quoted band (both ends included); null when nothing quoted a band. */
  insideRangeShare: number | null;
  medianAbsoluteErrorMinutes: number | null;
  /** Share who waited more than `underByMinutes` longer than quoted. */
  underEstimatedShare: number | null;
  underByMinutes: number;
  /** Mean of actual − quoted: positive when the quotes are too short on average. */
  meanErrorMinutes: number | null;
}

/** The team's targets for quoted waits on a busy day. */
export const WAIT_ACCURACY_TARGETS = {
  insideRangeShare: 0.8,
  medianAbsoluteErrorMinutes: 2,
  underEstimatedShare: 0.1,
  underByMinutes: 5,
} as const;

export function waitAccuracy(
  quotes: readonly QuotedWait[],
  underByMinutes: number = WAIT_ACCURACY_TARGETS.underByMinutes,
): WaitAccuracy {
  const n = quotes.length;
  if (n === 0)
    return {
      count: 0,
      insideRangeShare: null,
      medianAbsoluteErrorMinutes: null,
      underEstimatedShare: null,
      underByMinutes,
      meanErrorMinutes: null,
    };
  const ranged = quotes.filter((q) => q.range !== null);
  const inside = ranged.filter((q) => q.actualMinutes >= q.range!.low && q.actualMinutes <= q.range!.high);
  const errors = quotes.map((q) => q.actualMinutes - q.quotedMinutes);
  return {
    count: n,
    insideRangeShare: ranged.length > 0 ? inside.length / ranged.length : null,
    medianAbsoluteErrorMinutes: quantileOf(
      errors.map(Math.abs).sort((a, b) => a - b),
      0.5,
    ),
    underEstimatedShare: errors.filter((e) => e > underByMinutes).length / n,
    underByMinutes,
    meanErrorMinutes: errors.reduce((a, b) => a + b, 0) / n,
  };
}

/** One called visitor's wait and group. */
export interface GroupedWait {
  priority: Priority;
  waitMinutes: number;
}

export interface GroupWaits {
  priority: Priority;
  count: number;
  meanMinutes: number;
  p90Minutes: number;
  /** This group's mean wait ÷ ordinary visitors' mean wait; null without ordinary waits. */
  ofOrdinaryMean: number | null;
}

export interface WaitFairness {
  /** Ordinary visitors (`none`), with their longest wait. */
  ordinary: (GroupWaits & { longestMinutes: number }) | null;
  /** Each priority group that had visitors, in the contract's order. */
  groups: GroupWaits[];
  /** The longest ordinary wait ÷ the ordinary mean: how far the unluckiest fell behind. */
  longestOrdinaryOverMean: number | null;
}

/** Priority groups should wait at most half as long as ordinary visitors, and nobody too long. */
export const WAIT_FAIRNESS_TARGETS = { priorityOfOrdinaryMean: 0.5, longestOrdinaryOverMean: 2 } as const;

const GROUP_ORDER: Priority[] = ["none", "disability", "veteran", "martyr_family", "elderly", "pregnant"];

export function waitFairness(waits: readonly GroupedWait[]): WaitFairness {
  const byGroup = new Map<Priority, number[]>();
  for (const w of waits) {
    const list = byGroup.get(w.priority) ?? [];
    list.push(w.waitMinutes);
    byGroup.set(w.priority, list);
  }
  const summary = (priority: Priority, list: number[], ordinaryMean: number | null): GroupWaits => {
    const sorted = [...list].sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    return {
      priority,
      count: sorted.length,
      meanMinutes: mean,
      p90Minutes: quantileOf(sorted, 0.9)!,
      ofOrdinaryMean: ordinaryMean !== null && ordinaryMean > 0 ? mean / ordinaryMean : null,
    };
  };
  const ordinaryList = byGroup.get("none");
  const ordinary = ordinaryList
    ? { ...summary("none", ordinaryList, null), longestMinutes: Math.max(...ordinaryList) }
    : null;
  if (ordinary) ordinary.ofOrdinaryMean = 1;
  const groups = GROUP_ORDER.filter((p) => p !== "none" && byGroup.has(p)).map((p) =>
    summary(p, byGroup.get(p)!, ordinary?.meanMinutes ?? null),
  );
  return {
    ordinary,
    groups,
    longestOrdinaryOverMean:
      ordinary && ordinary.meanMinutes > 0 ? ordinary.longestMinutes / ordinary.meanMinutes : null,
  };
}

/** Linear interpolation between order statistics of an ascending list (type 7); null if empty. */
export function quantileOf(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const at = p * (sorted.length - 1);
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}
