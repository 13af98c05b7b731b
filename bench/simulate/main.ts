/**
 * `npm run simulate`: a whole centre day through the real server on the simulated clock. The day
 * (bench/simulate/plan.ts) is drawn once and played through one server per estimator, side by side,
 * so both quote the same visitors; prints per hour arrivals, waits, estimate accuracy and fairness,
 * and writes JSON and a self-contained HTML chart page.
 *
 *   npm run simulate -- [--centre BAKU-2] [--date 2026-11-24] [--speed 60] [--seed 1]
 *     [--counters 14,20,20,18,18,20,18,16,12] [--demand-scale 1] [--estimator new|old|both]
 *     [--history-weeks 4] [--database-url postgres://…] [--out bench/results/simulate]
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { WAIT_ACCURACY_TARGETS, WAIT_FAIRNESS_TARGETS } from "@dost/shared";
import { ApiClient } from "../lib/http.js";
import { repoRoot } from "../lib/settings.js";
import {
  alertLeads,
  leadsTable,
  nextWeek,
  watchAlerts,
  type AlertWatch,
  type ServiceLead,
} from "./alerts.js";
import { chartPage } from "./chart.js";
import { driveDay } from "./drive.js";
import { dayFigures, figuresTable, type DayFigures } from "./figures.js";
import { loadHistory } from "./history.js";
import { planDay } from "./plan.js";
import { SimulatedClock, startSimulatedServer } from "./server.js";

const { values } = parseArgs({
  options: {
    centre: { type: "string", default: "BAKU-2" },
    // A Tuesday.
    date: { type: "string", default: "2026-11-24" },
    speed: { type: "string", default: "60" },
    seed: { type: "string", default: "1" },
    counters: { type: "string" },
    "demand-scale": { type: "string", default: "1" },
    estimator: { type: "string", default: "both" },
    "history-weeks": { type: "string", default: "4" },
    "database-url": { type: "string" },
    out: { type: "string", default: "bench/results/simulate" },
  },
});

const KINDS = { new: "simulation", old: "throughput" } as const;
const chosen =
  values.estimator === "both"
    ? (["new", "old"] as const)
    : ([values.estimator as keyof typeof KINDS] as const);
if (!chosen.every((k) => k in KINDS)) throw new Error("--estimator is new, old or both");
const speed = Number(values.speed);
if (!(speed >= 1 && speed <= 1000)) throw new Error("--speed is between 1 and 1000");
const historyWeeks = Number(values["history-weeks"]);
if (!(Number.isInteger(historyWeeks) && historyWeeks >= 0 && historyWeeks <= 8))
  throw new Error("--history-weeks is a whole number from 0 to 8");
const countersPerHour = values.counters ? values.counters.split(",").map(Number) : null;
if (countersPerHour?.some((n) => !Number.isInteger(n) || n < 0))
  throw new Error("--counters: whole numbers per hour");

const { config, plan } = planDay({
  date: values.date,
  seed: Number(values.seed),
  demandScale: Number(values["demand-scale"]),
  countersPerHour,
});
process.stdout.write(
  `Simulating ${values.centre} on ${values.date}: ${plan.visitors.length} visitors ` +
    `(${plan.bookings.length} bookings), ${plan.counters.length} counters, at ${speed}x ` +
    `(about ${Math.ceil((plan.closesAt - plan.opensAt) / 60_000 / speed + 1)} min)…\n`,
);

/** Per estimator: the alerts' lead times and the counters the staffing advice asks for a week on. */
const alertFigures: Record<
  string,
  { leads: ServiceLead[]; advisedCounters: number[]; heard: AlertWatch["heard"] }
> = {};

async function runOne(name: keyof typeof KINDS): Promise<DayFigures> {
  // Held at 07:50 while the day is set up, so every planned slot can still be booked.
  const clock = new SimulatedClock(plan.opensAt - 70 * 60_000, speed);
  const server = await startSimulatedServer({
    clock,
    estimator: KINDS[name],
    databaseUrl: values["database-url"] ?? null,
  });
  try {
    const api = new ApiClient(server.url);
    const { services } = await api.expect<{
      services: { id: string; code: string; targetWaitMinutes: number }[];
    }>("GET", `/centres/${values.centre}/services`);
    api.close();
    // The same past for both servers: the same weekday of earlier weeks, drawn and played offline.
    await loadHistory(server.db, {
      centreCode: values.centre,
      config,
      plan,
      seed: Number(values.seed),
      weeks: historyWeeks,
      serviceIds: new Map(services.map((s) => [s.code, s.id])),
    });
    const alerts = await watchAlerts(server.url, values.centre);
    const record = await driveDay({
      url: server.url,
      clock,
      plan,
      centreCode: values.centre,
      serviceIds: new Map(services.map((s) => [s.code, s.id])),
    });
    const opensHour = Number(
      new Date(plan.opensAt).toLocaleString("en-GB", { timeZone: config.timeZone, hour: "numeric" }),
    );
    alertFigures[name] = {
      leads: alertLeads(alerts, record, services, plan.closesAt),
      heard: alerts.heard,
      advisedCounters: await alerts.staffingAdvice(
        nextWeek(values.date),
        opensHour,
        Math.ceil((plan.closesAt - plan.opensAt) / 3_600_000),
        plan.counters.length,
      ),
    };
    alerts.close();
    return dayFigures(`${name} (${KINDS[name]})`, record, config.timeZone);
  } finally {
    await server.stop();
  }
}

const days = await Promise.all(chosen.map(runOne));
const tables = days
  .map((d) => {
    const fair = d.fairness;
    const groups = fair.groups
      .map(
        (g) =>
          `${g.priority} ${g.meanMinutes.toFixed(1)}/${g.p90Minutes.toFixed(1)} min (${pct(g.ofOrdinaryMean)} of ordinary)`,
      )
      .join("; ");
    return [
      `## ${d.estimator}`,
      figuresTable(d),
      `Fairness: ordinary mean/p90 ${fix(fair.ordinary?.meanMinutes)}/${fix(fair.ordinary?.p90Minutes)} min, ` +
        `longest ${fix(fair.ordinary?.longestMinutes)} min (${fix(fair.longestOrdinaryOverMean)}x the mean); ${groups}`,
      `Left waiting at closing: ${d.leftAtClosing}; gave up: ${d.cancelled}; bookings made: ${d.bookingsMade}` +
        (Object.keys(d.problems).length ? `; refused: ${JSON.stringify(d.problems)}` : ""),
    ].join("\n");
  })
  .concat(
    Object.entries(alertFigures).map(
      ([name, a]) =>
        `## Alerts to the manager (${name}): lead before each service's first wait past target\n` +
        `${leadsTable(a.leads, config.timeZone)}\n` +
        `Staffing advice for the same weekday a week on: --counters ${a.advisedCounters.join(",")}`,
    ),
  )
  .join("\n\n");
const targets =
  `Targets: inside band ≥ ${pct(WAIT_ACCURACY_TARGETS.insideRangeShare)}, median |error| ≤ ` +
  `${WAIT_ACCURACY_TARGETS.medianAbsoluteErrorMinutes} min, under by > ${WAIT_ACCURACY_TARGETS.underByMinutes} min ≤ ` +
  `${pct(WAIT_ACCURACY_TARGETS.underEstimatedShare)}; priority ≤ ${pct(WAIT_FAIRNESS_TARGETS.priorityOfOrdinaryMean)} ` +
  `of ordinary mean; longest ordinary ≤ ${WAIT_FAIRNESS_TARGETS.longestOrdinaryOverMean}x the mean.`;
process.stdout.write(`\n${tables}\n\n${targets}\n`);

const out = path.resolve(repoRoot, values.out);
await mkdir(path.dirname(out), { recursive: true });
const title = `Simulated day at ${values.centre}, ${values.date} (seed ${values.seed}, ${speed}x)`;
await writeFile(`${out}.json`, JSON.stringify({ options: values, days, alerts: alertFigures }, null, 2));
await writeFile(`${out}.html`, chartPage(title, days, `${tables}\n\n${targets}`));
process.stdout.write(`Wrote ${out}.json and ${out}.html\n`);

function fix(v: number | null | undefined): string {
  return v === null || v === undefined ? "—" : v.toFixed(1);
}
function pct(v: number | null): string {
  return v === null ? "—" : `${Math.round(v * 100)}%`;
}
