/**
 * Where issuing's time goes in PostgreSQL: pgbench runs the bare issuing transaction, then every
 * statement the server sends for one ticket (sql/issue-as-server.sql), then that without the queue
 * reads or without the NOTIFYs, each on a fresh copy of the same loaded database, and prints the
 * rate and the PostgreSQL CPU per ticket of each. Not part of `npm run bench` (it takes a while):
 *
 *   npm run build -w shared -w server && node --import tsx bench/diagnose-issuing.ts
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadBenchData } from "./lib/bench-data.js";
import { installExitGuards, killAllChildren } from "./lib/children.js";
import { CpuMeter } from "./lib/cpu.js";
import { createBenchDatabase, dropBenchDatabase, type BenchDatabase } from "./lib/database.js";
import { runPgbench } from "./lib/pgbench.js";
import { startServer } from "./lib/server.js";
import { benchRoot, loadSettings } from "./lib/settings.js";

interface Variant {
  name: string;
  mode: "prepared" | "extended";
  file: string;
  /** Blocks of issue-as-server.sql (`-- [name]` … `-- [/name]`) left out. */
  without: string[];
}

const bare = path.join(benchRoot, "sql/issue.sql");
const asServer = path.join(benchRoot, "sql/issue-as-server.sql");
const VARIANTS: Variant[] = [
  { name: "bare transaction, prepared (the ceiling)", mode: "prepared", file: bare, without: [] },
  { name: "bare transaction, unnamed statements", mode: "extended", file: bare, without: [] },
  {
    name: "server's statements without queue reads, NOTIFYs",
    mode: "extended",
    file: asServer,
    without: ["queue", "notify"],
  },
  { name: "server's statements without queue reads", mode: "extended", file: asServer, without: ["queue"] },
  { name: "server's statements without NOTIFYs", mode: "extended", file: asServer, without: ["notify"] },
  { name: "server's statements, all", mode: "extended", file: asServer, without: [] },
];

function withoutBlocks(sql: string, blocks: string[]): string {
  return blocks.reduce(
    (text, b) => text.replace(new RegExp(`-- \\[${b}\\][\\s\\S]*?-- \\[/${b}\\]\\n`), ""),
    sql,
  );
}

async function main(): Promise<void> {
  installExitGuards();
  const settings = loadSettings();
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const scratch = await mkdtemp(path.join(os.tmpdir(), "dost-diagnose-"));
  const template = await createBenchDatabase(settings.adminDatabaseUrl, stamp);
  const copies: BenchDatabase[] = [];
  try {
    const server = await startServer({ databaseUrl: template.url });
    const catalogue = await loadBenchData(template.url).finally(() => server.stop());
    for (const [i, variant] of VARIANTS.entries()) {
      const script = path.join(scratch, `v${i}.sql`);
      await writeFile(script, withoutBlocks(await readFile(variant.file, "utf8"), variant.without));
      const copy = await createBenchDatabase(settings.adminDatabaseUrl, stamp, { template, suffix: `v${i}` });
      copies.push(copy);
      const { result, cpu } = await new CpuMeter(null, copy).during(() =>
        runPgbench({
          pgbench: settings.pgbench,
          url: copy.url,
          script,
          clients: 32,
          threads: 2,
          seconds: settings.seconds,
          defines: { centres: catalogue.issuing.length, services: 14 },
          mode: variant.mode,
        }),
      );
      const line =
        `${variant.name.padEnd(52)} ${result.tps.toFixed(0).padStart(6)} tps  ` +
        `p50/p99 ${result.latencyMs.p50.toFixed(1)}/${result.latencyMs.p99.toFixed(1)} ms  ` +
        `PostgreSQL CPU ${(cpu.postgresMs / result.transactions).toFixed(2)} ms/ticket  ` +
        `load ${os.loadavg()[0]?.toFixed(1)}`;
      process.stdout.write(`${line}\n`);
      await dropBenchDatabase(settings.adminDatabaseUrl, copy);
    }
  } finally {
    killAllChildren();
    for (const db of [...copies, template]) {
      await dropBenchDatabase(settings.adminDatabaseUrl, db).catch(() => undefined);
    }
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  killAllChildren();
  process.exitCode = 1;
});
