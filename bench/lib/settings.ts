import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const benchRoot = path.join(repoRoot, "bench");

export const PART_NAMES = ["issuing", "calling", "publishing", "holding", "embedded", "history"] as const;
export type PartName = (typeof PART_NAMES)[number];

export interface BenchSettings {
  /** A PostgreSQL server where the bench may create and drop its own database. */
  adminDatabaseUrl: string;
  /** Length of each timed run (the HTTP run, pgbench, the calling loops, the probes). */
  seconds: number;
  pgbench: string;
  parts: readonly PartName[];
  /** Start the server under --cpu-prof and leave the profiles in bench/results/profiles. */
  cpuProfile: boolean;
}

const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres";
const PGBENCH_15 = "/usr/lib/postgresql/15/bin/pgbench";

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

function partsFrom(raw: string | undefined): readonly PartName[] {
  if (!raw) return PART_NAMES;
  const asked = raw.split(",").map((s) => s.trim());
  const unknown = asked.filter((p) => !(PART_NAMES as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`BENCH_PARTS: unknown part(s) ${unknown.join(", ")}`);
  return PART_NAMES.filter((p) => asked.includes(p));
}

/** The bench reads its environment here and nowhere else. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const adminDatabaseUrl = env.BENCH_DATABASE_URL || DEFAULT_DATABASE_URL;
  const host = new URL(adminDatabaseUrl).hostname;
  // Traffic stays on this machine: a remote database would measure the network instead.
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`BENCH_DATABASE_URL must point at this machine (127.0.0.1), not ${host}`);
  }
  return {
    adminDatabaseUrl,
    seconds: positiveInt("BENCH_SECONDS", env.BENCH_SECONDS, 20),
    pgbench: env.BENCH_PGBENCH || (existsSync(PGBENCH_15) ? PGBENCH_15 : "pgbench"),
    parts: partsFrom(env.BENCH_PARTS),
    cpuProfile: env.BENCH_CPU_PROFILE === "1",
  };
}
