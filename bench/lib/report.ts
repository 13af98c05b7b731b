import type { CallingFigures } from "../parts/calling.js";
import type { CpuUse } from "./cpu.js";
import type { EmbeddedFigures } from "../parts/embedded.js";
import type { HoldingFigures } from "../parts/holding.js";
import type { IssuingFigures } from "../parts/issuing.js";
import type { PublishingFigures } from "../parts/publishing.js";

/** A part either produced figures, failed with a reason, or was not asked for (BENCH_PARTS). */
export type Outcome<T> =
  | { status: "done"; seconds: number; figures: T }
  | { status: "failed"; seconds: number; error: string }
  | { status: "skipped" };

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryMb: number;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    node: string;
    postgres: string;
  };
  settings: { seconds: number; parts: readonly string[]; database: string };
  parts: {
    issuing: Outcome<IssuingFigures>;
    calling: Outcome<CallingFigures>;
    publishing: Outcome<PublishingFigures>;
    holding: Outcome<HoldingFigures>;
    embedded: Outcome<EmbeddedFigures>;
    history: { status: "not measured"; reason: string };
  };
  table: string;
}

type Row = [part: string, measure: string, dost: string, ceiling: string, ratio: string, target: string];

const whole = (n: number): string => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-GB") : "—");
const ms = (n: number): string => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : "—");
const verdict = (met: boolean): string => (met ? "met" : "MISSED");

const THREAD_ROW = "server main thread: running + waiting for a CPU";

/**
 * How the server's main thread spent the run: running, or ready but without a CPU. Together near
 * 100% means the one thread that runs all JavaScript is the bottleneck, however many cores it gets.
 */
function mainThread(cpu: CpuUse): string {
  if (cpu.serverMainRunMs === null || cpu.serverWaitMs === null) return "—";
  const share = (v: number) => Math.round(v / (cpu.seconds * 10));
  return `${share(cpu.serverMainRunMs)}% + ${share(cpu.serverWaitMs)}% of the run`;
}

/**
 * Per unit of work: CPU ms of the server and of PostgreSQL, and ms each waited for a CPU (the
 * server's main thread; the backends summed), and how the server's main thread spent the run.
 */
function cpuPer(cpu: CpuUse | null, units: number) {
  const none = { server: "—", postgres: "—", serverWait: "—", postgresWait: "—", thread: "—" };
  if (!cpu || units <= 0) return none;
  const per = (v: number | null) => (v === null ? "—" : ms(v / units));
  return {
    server: per(cpu.serverMs),
    postgres: per(cpu.postgresMs),
    serverWait: per(cpu.serverWaitMs),
    postgresWait: per(cpu.postgresWaitMs),
    thread: mainThread(cpu),
  };
}

function issuingRows(o: Outcome<IssuingFigures>): Row[] {
  const title = "1 Issuing";
  if (o.status !== "done") return [[title, "tickets per second over HTTP", outcomeText(o), "", "", ""]];
  const f = o.figures;
  const percent = Number.isFinite(f.ratio) ? `${Math.round(f.ratio * 100)}%` : "—";
  return [
    [
      title,
      `tickets/s, ${f.kiosks} kiosks, ${f.centres} centres, ${f.seconds} s`,
      `${whole(f.http.perSecond)} /s`,
      `pgbench ${whole(f.pgbench.tps)} tps`,
      percent,
      `≥ 80% ${verdict(f.ratio >= 0.8)}`,
    ],
    [
      "",
      "latency p50 / p99",
      `${ms(f.http.latencyMs.p50)} / ${ms(f.http.latencyMs.p99)} ms`,
      `${ms(f.pgbench.latencyMs.p50)} / ${ms(f.pgbench.latencyMs.p99)} ms`,
      "",
      "",
    ],
    (() => {
      const dost = cpuPer(f.httpCpu, f.http.issued);
      const bare = cpuPer(f.pgbenchCpu, f.pgbench.transactions);
      return [
        "",
        "CPU ms per ticket, server + PostgreSQL",
        `${dost.server} + ${dost.postgres}`,
        `— + ${bare.postgres}`,
        "",
        "",
      ] satisfies Row;
    })(),
    (() => {
      const dost = cpuPer(f.httpCpu, f.http.issued);
      const bare = cpuPer(f.pgbenchCpu, f.pgbench.transactions);
      return [
        "",
        "ms per ticket waiting for a CPU, server + PostgreSQL",
        `${dost.serverWait} + ${dost.postgresWait}`,
        `— + ${bare.postgresWait}`,
        "",
        "",
      ] satisfies Row;
    })(),
    ["", THREAD_ROW, cpuPer(f.httpCpu, f.http.issued).thread, "", "", ""],
    [
      "",
      "issued / failed answers",
      `${whole(f.http.issued)} / ${whole(f.http.failed + f.http.errors)}`,
      `${whole(f.pgbench.transactions)} / ${whole(f.pgbench.failed)}`,
      "",
      "",
    ],
  ];
}

function callingRows(o: Outcome<CallingFigures>): Row[] {
  const title = "2 Calling";
  if (o.status !== "done") return [[title, "call-next per second", outcomeText(o), "", "", ""]];
  const f = o.figures;
  const drained = f.load.drained ? " (queue drained)" : "";
  return [
    [
      title,
      `call-next/s, ${f.counters} counters, ${whole(f.queueDepth)} queued`,
      `${whole(f.load.perSecond)} /s${drained}`,
      "",
      "",
      "",
    ],
    ["", "call-next p50 / p99", `${ms(f.load.callNextMs.p50)} / ${ms(f.load.callNextMs.p99)} ms`, "", "", ""],
    (() => {
      const cpu = cpuPer(f.cpu, f.load.calls);
      return [
        "",
        "CPU ms per call + no-show, server + PostgreSQL",
        `${cpu.server} + ${cpu.postgres}`,
        "",
        "",
        "",
      ] satisfies Row;
    })(),
    (() => {
      const cpu = cpuPer(f.cpu, f.load.calls);
      return [
        "",
        "ms per call waiting for a CPU, server + PostgreSQL",
        `${cpu.serverWait} + ${cpu.postgresWait}`,
        "",
        "",
        "",
      ] satisfies Row;
    })(),
    ["", THREAD_ROW, cpuPer(f.cpu, f.load.calls).thread, "", "", ""],
    [
      "",
      "tickets called twice (event log)",
      `${f.calledTwice} of ${whole(f.callEvents)} calls`,
      "",
      "",
      `= 0 ${verdict(f.calledTwice === 0)}`,
    ],
  ];
}

function publishingRows(o: Outcome<PublishingFigures>): Row[] {
  const title = "3 Publishing";
  if (o.status !== "done") return [[title, "call → display latency", outcomeText(o), "", "", ""]];
  const f = o.figures;
  const ratioText = Number.isFinite(f.p99Ratio) ? `${f.p99Ratio.toFixed(2)}×` : "—";
  return [
    [
      title,
      `call → display p50 / p99, ${whole(f.dost.sockets)} sockets`,
      `${ms(f.dost.latencyMs.p50)} / ${ms(f.dost.latencyMs.p99)} ms`,
      `bare socket.io ${ms(f.bare.latencyMs.p50)} / ${ms(f.bare.latencyMs.p99)} ms`,
      ratioText,
      `p99 ≤ 1.5× ${verdict(f.p99Ratio <= 1.5)}`,
    ],
    [
      "",
      "of which the call answered p50 / p99",
      `${ms(f.dost.triggerMs.p50)} / ${ms(f.dost.triggerMs.p99)} ms`,
      `${ms(f.bare.triggerMs.p50)} / ${ms(f.bare.triggerMs.p99)} ms`,
      "",
      "",
    ],
    [
      "",
      "receipt after the answer p50 / p99",
      `${ms(f.dost.afterAnswerMs.p50)} / ${ms(f.dost.afterAnswerMs.p99)} ms`,
      `${ms(f.bare.afterAnswerMs.p50)} / ${ms(f.bare.afterAnswerMs.p99)} ms`,
      "",
      "",
    ],
    [
      "",
      `receipts / missed, ${f.callsPerSecond} calls/s`,
      `${whole(f.dost.receipts)} / ${whole(f.dost.missed)}`,
      `${whole(f.bare.receipts)} / ${whole(f.bare.missed)}`,
      "",
      "",
    ],
  ];
}

function holdingRows(o: Outcome<HoldingFigures>): Row[] {
  const title = "4 Holding";
  if (o.status !== "done") return [[title, "memory per connected socket", outcomeText(o), "", "", ""]];
  const f = o.figures;
  return [
    [
      title,
      `RSS per socket, ${whole(f.connected)} websockets`,
      `${f.kbPerSocket.toFixed(1)} KB`,
      "",
      "",
      `< 40 KB ${verdict(f.kbPerSocket < 40)}`,
    ],
    [
      "",
      "server RSS before → with sockets",
      `${whole(f.rssBeforeKb / 1024)} → ${whole(f.rssWithSocketsKb / 1024)} MB`,
      "",
      "",
      "",
    ],
  ];
}

function embeddedRows(o: Outcome<EmbeddedFigures>): Row[] {
  const title = "5 Embedded";
  if (o.status !== "done") return [[title, "tickets per second on PGlite", outcomeText(o), "", "", ""]];
  const f = o.figures;
  return [
    [
      title,
      `tickets/s, ${f.kiosks} kiosks, PGlite, ${f.seconds} s`,
      `${whole(f.http.perSecond)} /s`,
      "",
      "",
      "",
    ],
    ["", "latency p50 / p99", `${ms(f.http.latencyMs.p50)} / ${ms(f.http.latencyMs.p99)} ms`, "", "", ""],
    (() => {
      const cpu = cpuPer(f.cpu, f.http.issued);
      return ["", "CPU ms per ticket, server with PGlite", cpu.server, "", "", ""] satisfies Row;
    })(),
    ["", THREAD_ROW, cpuPer(f.cpu, f.http.issued).thread, "", "", ""],
  ];
}

function outcomeText(o: Outcome<unknown>): string {
  if (o.status === "skipped") return "skipped (BENCH_PARTS)";
  if (o.status === "failed") return `FAILED: ${o.error.split("\n")[0]?.slice(0, 60) ?? ""}`;
  return "";
}

function render(rows: Row[]): string {
  const header: Row = ["Part", "Measure", "DOST", "Ceiling (same run)", "Ratio", "Target"];
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c]?.length ?? 0)));
  const line = (r: readonly string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

export function tableOf(results: Omit<BenchResults, "table">): string {
  const p = results.parts;
  const rows: Row[] = [
    ...issuingRows(p.issuing),
    ...callingRows(p.calling),
    ...publishingRows(p.publishing),
    ...holdingRows(p.holding),
    ...embeddedRows(p.embedded),
    ["6 History", p.history.reason, "", "", "", ""],
  ];
  const m = results.machine;
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(" ");
  const heading =
    `DOST queue benchmarks, ${results.startedAt}: ${m.cpus} cores (${m.cpuModel}), ` +
    `PostgreSQL ${m.postgres}, Node ${m.node}, BENCH_SECONDS=${results.settings.seconds}\n` +
    `load average at start ${load(m.loadAverageAtStart)}, at end ${load(m.loadAverageAtEnd)}; ` +
    `whole run ${Math.round(results.durationSeconds)} s`;
  return `${heading}\n\n${render(rows)}`;
}
