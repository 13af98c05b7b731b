/**
 * The wait estimators against simulated DOST-like days: each day's visitors, bookings, visit
 * lengths and counter shifts are drawn (generateDay), played through the real call policy
 * (simulateDay), and at every ticket issued each estimator quotes, knowing only what the server
 * would: today's estimator (last hour's throughput), and the forward simulation fed with what past
 * days (drawn the same way, never the day's own draws) taught, once with the counters' habits
 * (usual openings, breaks, closings) and once with their present state only. Prints them side by
 * side against the targets, the simulation's accuracy by quoted wait and per day, and the
 * fairness figures of the policy.
 *
 *   npm run build && nice -n 10 node --import tsx bench/estimator-day.ts [--days 6] [--history 20]
 *     [--utilisation 0.85] [--seed 1] [--replicas N] [--bonus SECONDS (every priority group)]
 */
import { parseArgs } from "node:util";
import {
  addDays,
  DOST_LIKE_DAY,
  generateDay,
  learnFromHistory,
  simulateDay,
  simulationQuoter,
  throughputQuoter,
  WAIT_ACCURACY_TARGETS as TARGET,
  WAIT_FAIRNESS_TARGETS as FAIR,
  waitAccuracy,
  waitFairness,
  weekdayOf,
  type DayOutcome,
  type QuotedWait,
  type WaitAccuracy,
} from "@dost/shared";

const { values } = parseArgs({
  options: {
    days: { type: "string", default: "6" },
    history: { type: "string", default: "20" },
    utilisation: { type: "string", default: "0.85" },
    seed: { type: "string", default: "1" },
    replicas: { type: "string" },
    /** Every priority group's bonus (seconds), to try other policy weights than the default. */
    bonus: { type: "string" },
  },
});
const weights =
  values.bonus === undefined
    ? DOST_LIKE_DAY.weights
    : {
        ...DOST_LIKE_DAY.weights,
        priorityBonusSeconds: {
          ...(Object.fromEntries(
            Object.keys(DOST_LIKE_DAY.weights.priorityBonusSeconds).map((p) => [p, Number(values.bonus)]),
          ) as typeof DOST_LIKE_DAY.weights.priorityBonusSeconds),
          none: 0,
        },
      };
const config = { ...DOST_LIKE_DAY, utilisation: Number(values.utilisation), weights };
const seed = Number(values.seed);

/** Working days from a Monday, skipping weekends. */
function workingDays(from: string, count: number): string[] {
  const out: string[] = [];
  for (let d = from; out.length < count; d = addDays(d, 1))
    if (!["sat", "sun"].includes(weekdayOf(d))) out.push(d);
  return out;
}

const historyDays = workingDays("2026-01-05", Number(values.history));
const testDays = workingDays("2026-03-02", Number(values.days));
const knowledge = learnFromHistory(
  historyDays.map((d) => generateDay(config, d, seed + 1000)),
  config,
);
const replicas = values.replicas === undefined ? undefined : Number(values.replicas);
const QUOTERS = {
  old: "today's (last hour's throughput)",
  habits: "simulation, with counter habits",
  state: "simulation, counters' state only",
} as const;
type QuoterName = keyof typeof QUOTERS;
const options = {
  weights: config.weights,
  turnaroundSeconds: config.turnaroundSeconds,
  checkInAfterMinutes: config.checkInWindow.afterMinutes,
  quoters: {
    old: throughputQuoter(config),
    habits: simulationQuoter(config, knowledge, { replicas, foresight: "habits" }),
    state: simulationQuoter(config, knowledge, { replicas, foresight: "state" }),
  },
};

const log = (line: string) => process.stderr.write(`${line}\n`);
const outcomes: DayOutcome[] = [];
for (const date of testDays) {
  const started = Date.now();
  const outcome = simulateDay(generateDay(config, date, seed), options);
  outcomes.push(outcome);
  const called = outcome.visitors.filter((v) => v.calledAt !== null);
  log(
    `${date}: ${outcome.visitors.length} tickets, ${called.length} called, ` +
      `utilisation ${pct(outcome.busySeconds / outcome.openSeconds)}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

function quotesOf(
  days: DayOutcome[],
  name: QuoterName,
  filter: (wait: number) => boolean = () => true,
): QuotedWait[] {
  return days.flatMap((d) =>
    d.visitors
      .filter((v) => v.calledAt !== null)
      .map((v) => ({
        quotedMinutes: v.quotes[name]!.expectedMinutes,
        range: v.quotes[name]!.range,
        actualMinutes: (v.calledAt! - v.issuedAt) / 60_000,
      }))
      .filter((q) => filter(q.quotedMinutes)),
  );
}

function pct(x: number | null): string {
  return x === null ? "—" : `${(100 * x).toFixed(1)}%`;
}
const min = (x: number | null) => (x === null ? "—" : `${x.toFixed(2)} min`);
const mark = (ok: boolean | null) => (ok === null ? " " : ok ? "✓" : "✗");
const cell = (text: string, ok: boolean | null) => `${text.padStart(10)} ${mark(ok)}`.padEnd(36);

function accuracyTable(days: DayOutcome[]): string[] {
  const names = Object.keys(QUOTERS) as QuoterName[];
  const figures = names.map((n) => waitAccuracy(quotesOf(days, n)));
  const row = (label: string, target: string, show: (a: WaitAccuracy) => [string, boolean | null]) =>
    `  ${label.padEnd(26)}${target.padEnd(10)}${figures.map((a) => cell(...show(a))).join("")}`;
  return [
    `  ${"".padEnd(26)}${"target".padEnd(10)}${names.map((n) => QUOTERS[n].padEnd(36)).join("")}`,
    row("called inside the band", `≥ ${pct(TARGET.insideRangeShare)}`, (a) => [
      pct(a.insideRangeShare),
      a.insideRangeShare === null ? null : a.insideRangeShare >= TARGET.insideRangeShare,
    ]),
    row("median absolute error", `≤ ${TARGET.medianAbsoluteErrorMinutes} min`, (a) => [
      min(a.medianAbsoluteErrorMinutes),
      a.medianAbsoluteErrorMinutes! <= TARGET.medianAbsoluteErrorMinutes,
    ]),
    row(`under by > ${TARGET.underByMinutes} min`, `≤ ${pct(TARGET.underEstimatedShare)}`, (a) => [
      pct(a.underEstimatedShare),
      a.underEstimatedShare! <= TARGET.underEstimatedShare,
    ]),
    row("mean error (actual−quote)", "", (a) => [min(a.meanErrorMinutes), null]),
  ];
}

const lines: string[] = [];
const all = outcomes;
const calledAll = all.flatMap((d) => d.visitors.filter((v) => v.calledAt !== null));
const waits = calledAll.map((v) => (v.calledAt! - v.issuedAt) / 60_000).sort((a, b) => a - b);
lines.push(
  `\n${testDays.length} days at ${pct(config.utilisation)} planned utilisation ` +
    `(realised ${pct(all.reduce((s, d) => s + d.busySeconds, 0) / all.reduce((s, d) => s + d.openSeconds, 0))}), ` +
    `${calledAll.length} visitors called, mean wait ${(waits.reduce((a, b) => a + b, 0) / waits.length).toFixed(1)} min, ` +
    `median ${waits[waits.length >> 1]!.toFixed(1)} min, ` +
    `${all.reduce((s, d) => s + d.visitors.filter((v) => v.outcome === "abandoned").length, 0)} gave up, ` +
    `${all.reduce((s, d) => s + d.visitors.filter((v) => v.outcome === "expired").length, 0)} expired`,
);
lines.push("", "Quoted when the ticket was issued, every visitor called:", ...accuracyTable(all));

lines.push("", "Simulation with habits, by the quote: inside band / median abs error / under by > 5 min / n");
for (const [low, high] of [
  [0, 1],
  [1, 5],
  [5, 15],
  [15, 30],
  [30, 60],
  [60, Infinity],
] as const) {
  const a = waitAccuracy(quotesOf(all, "habits", (q) => q >= low && q < high));
  lines.push(
    `  quoted ${`${low}–${high === Infinity ? "" : high} min`.padEnd(10)} ${pct(a.insideRangeShare).padStart(6)}  ` +
      `${min(a.medianAbsoluteErrorMinutes).padStart(9)}  ${pct(a.underEstimatedShare).padStart(6)}  ${a.count}`,
  );
}
lines.push("", "Per day, simulation with habits: inside band / median abs error / under by > 5 min");
for (const d of all) {
  const a = waitAccuracy(quotesOf([d], "habits"));
  lines.push(
    `  ${d.plan.date}  ${pct(a.insideRangeShare).padStart(6)}  ${min(a.medianAbsoluteErrorMinutes).padStart(9)}  ${pct(a.underEstimatedShare).padStart(6)}`,
  );
}

// Walk-ins only: a booked visitor's wait includes coming early for the slot, and is no measure of
// how the queue treats ordinary visitors.
const fairness = waitFairness(
  calledAll
    .filter((v) => v.visitor.kind === "walk_in")
    .map((v) => ({ priority: v.visitor.priority, waitMinutes: (v.calledAt! - v.issuedAt) / 60_000 })),
);
lines.push(
  "",
  `Fairness, walk-ins called, all days (priority bonus ${Object.entries(config.weights.priorityBonusSeconds)
    .filter(([p]) => p !== "none")
    .map(([p, s]) => `${p} ${s} s`)
    .join(", ")}):`,
);
const o = fairness.ordinary!;
lines.push(
  `  ordinary       n=${String(o.count).padStart(5)}  mean ${o.meanMinutes.toFixed(1).padStart(5)} min  p90 ${o.p90Minutes.toFixed(1).padStart(5)} min  longest ${o.longestMinutes.toFixed(1)} min`,
);
for (const g of fairness.groups)
  lines.push(
    `  ${g.priority.padEnd(14)} n=${String(g.count).padStart(5)}  mean ${g.meanMinutes.toFixed(1).padStart(5)} min  p90 ${g.p90Minutes.toFixed(1).padStart(5)} min  ` +
      `${pct(g.ofOrdinaryMean)} of ordinary mean  target ≤ ${pct(FAIR.priorityOfOrdinaryMean)} ${mark(g.ofOrdinaryMean! <= FAIR.priorityOfOrdinaryMean)}`,
  );
lines.push(
  `  longest ordinary wait ÷ ordinary mean: ${fairness.longestOrdinaryOverMean!.toFixed(2)}  target ≤ ${FAIR.longestOrdinaryOverMean} ${mark(fairness.longestOrdinaryOverMean! <= FAIR.longestOrdinaryOverMean)}`,
);
process.stdout.write(`${lines.join("\n")}\n`);
