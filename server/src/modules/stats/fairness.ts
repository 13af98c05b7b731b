import {
  waitAccuracy,
  waitFairness,
  type FairnessFigures,
  type GroupWaits,
  type WaitAccuracyFigures,
} from "@dost/shared";
import type { AccuracySums, CalledVisitor } from "./stats-fairness.repository.js";

/** Shares as percentages with one decimal, minutes with one decimal: as the dashboard shows them. */
const percent = (share: number | null): number | null =>
  share === null ? null : Math.round(share * 1000) / 10;
const tenths = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);

/** How the quotes of the day's called visitors came true (shared/domain/wait-accuracy.ts). */
export function accuracyFigures(called: readonly CalledVisitor[]): WaitAccuracyFigures {
  const quoted = called.flatMap((v) =>
    v.quotedMinutes === null
      ? []
      : [
          {
            quotedMinutes: v.quotedMinutes,
            range:
              v.quotedLow !== null && v.quotedHigh !== null ? { low: v.quotedLow, high: v.quotedHigh } : null,
            actualMinutes: v.waitMinutes,
          },
        ],
  );
  const a = waitAccuracy(quoted);
  return {
    quotedCount: a.count,
    insideBandPercent: percent(a.insideRangeShare),
    medianAbsoluteErrorMinutes: tenths(a.medianAbsoluteErrorMinutes),
    underEstimatedPercent: percent(a.underEstimatedShare),
  };
}

const group = (g: GroupWaits) => ({
  priority: g.priority,
  count: g.count,
  meanWaitMinutes: tenths(g.meanMinutes)!,
  p90WaitMinutes: tenths(g.p90Minutes)!,
  ofOrdinaryMean: g.ofOrdinaryMean === null ? null : Math.round(g.ofOrdinaryMean * 100) / 100,
});

/** Each priority group's waits against ordinary visitors' (issue to first call). */
export function fairnessFigures(called: readonly CalledVisitor[]): FairnessFigures {
  const f = waitFairness(called.map((v) => ({ priority: v.priority, waitMinutes: v.waitMinutes })));
  return {
    ordinary: f.ordinary
      ? { ...group(f.ordinary), longestWaitMinutes: tenths(f.ordinary.longestMinutes)! }
      : null,
    groups: f.groups.map(group),
  };
}

/** A report group's accuracy figures from its sums (the same definitions as waitAccuracy). */
export function withAccuracy(sums: AccuracySums | undefined): WaitAccuracyFigures {
  if (!sums || sums.quotedCount === 0)
    return {
      quotedCount: 0,
      insideBandPercent: null,
      medianAbsoluteErrorMinutes: null,
      underEstimatedPercent: null,
    };
  return {
    quotedCount: sums.quotedCount,
    insideBandPercent: sums.ranged > 0 ? percent(sums.inside / sums.ranged) : null,
    medianAbsoluteErrorMinutes: tenths(sums.medianAbsoluteErrorMinutes),
    underEstimatedPercent: percent(sums.under / sums.quotedCount),
  };
}
