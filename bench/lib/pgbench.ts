import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { exited, spawnTracked, stopChild, tailOf } from "./children.js";
import { summarise, type LatencySummary } from "./stats.js";

export interface PgbenchRun {
  pgbench: string;
  url: string;
  script: string;
  clients: number;
  threads: number;
  seconds: number;
  defines: Record<string, string | number>;
  /** Protocol: prepared statements (the default here), or unnamed ones as node-postgres sends. */
  mode?: "prepared" | "extended";
}

export interface PgbenchResult {
  tps: number;
  transactions: number;
  failed: number;
  latencyMs: LatencySummary;
}

function figure(output: string, pattern: RegExp): number {
  const match = pattern.exec(output);
  if (!match?.[1]) throw new Error(`pgbench output lacks ${pattern.source}:\n${output}`);
  return Number(match[1]);
}

/**
 * Runs pgbench with its per-transaction log (-l), so its p50/p99 come from the same kind of
 * sample as the HTTP figures rather than from an average.
 */
export async function runPgbench(run: PgbenchRun): Promise<PgbenchResult> {
  const logDir = await mkdtemp(path.join(os.tmpdir(), "dost-pgbench-"));
  try {
    const args = [
      "-n", // no vacuum: pgbench's own tables do not exist here
      "-M",
      run.mode ?? "prepared",
      "-c",
      String(run.clients),
      "-j",
      String(run.threads),
      "-T",
      String(run.seconds),
      "-f",
      run.script,
      "-l",
      `--log-prefix=${path.join(logDir, "tx")}`,
      ...Object.entries(run.defines).flatMap(([k, v]) => ["-D", `${k}=${v}`]),
      run.url,
    ];
    const child = spawnTracked(run.pgbench, args);
    let output = "";
    child.stdout?.on("data", (c: Buffer) => (output += c.toString("utf8")));
    const tail = tailOf(child);
    const timer = setTimeout(() => void stopChild(child, 2_000), (run.seconds + 60) * 1000);
    const code = await exited(child);
    clearTimeout(timer);
    if (code !== 0) throw new Error(`pgbench exited with ${code}:\n${tail()}`);

    const latenciesMs: number[] = [];
    for (const file of await readdir(logDir)) {
      const text = await readFile(path.join(logDir, file), "utf8");
      for (const line of text.split("\n")) {
        // client_id transaction_no time_us script_no epoch epoch_us
        const micros = Number(line.split(" ")[2]);
        if (line && Number.isFinite(micros)) latenciesMs.push(micros / 1000);
      }
    }
    return {
      tps: figure(output, /tps = ([\d.]+) \(without initial connection time\)/),
      transactions: figure(output, /number of transactions actually processed: (\d+)/),
      failed: figure(output, /number of failed transactions: (\d+)/),
      latencyMs: summarise(latenciesMs),
    };
  } finally {
    await rm(logDir, { recursive: true, force: true });
  }
}
