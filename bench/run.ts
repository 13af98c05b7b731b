/**
 * `npm run bench`: every part against a fresh PostgreSQL database, each figure beside its ceiling
 * measured in the same run, printed as one table and saved as bench/results/<timestamp>.json.
 * docs/PERFORMANCE.md says what each part measures and how.
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadBenchData, type BenchCatalogue } from "./lib/bench-data.js";
import { installExitGuards, killAllChildren, wasAborted } from "./lib/children.js";
import {
  createBenchDatabase,
  dropAbandonedBenchDatabases,
  dropBenchDatabase,
  postgresVersion,
  type BenchDatabase,
} from "./lib/database.js";
import { tableOf, type BenchResults, type Outcome } from "./lib/report.js";
import { startServer, type RunningServer } from "./lib/server.js";
import { benchRoot, loadSettings, type BenchSettings, type PartName } from "./lib/settings.js";
import { measureCalling } from "./parts/calling.js";
import { measureEmbedded } from "./parts/embedded.js";
import { measureHolding } from "./parts/holding.js";
import { measureIssuing } from "./parts/issuing.js";
import { measurePublishing } from "./parts/publishing.js";

const log = (line: string): void => void process.stderr.write(`bench: ${line}\n`);

/** Runs one part unless left out; a failure is recorded and the next part still runs. */
async function part<T>(
  settings: BenchSettings,
  name: PartName,
  measure: () => Promise<T>,
): Promise<Outcome<T>> {
  if (!settings.parts.includes(name)) return { status: "skipped" };
  if (wasAborted()) return { status: "failed", seconds: 0, error: "aborted" };
  const started = Date.now();
  log(`${name}…`);
  try {
    const figures = await measure();
    const seconds = (Date.now() - started) / 1000;
    log(`${name} done in ${Math.round(seconds)} s`);
    return { status: "done", seconds, figures };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    log(`${name} FAILED: ${text}`);
    return { status: "failed", seconds: (Date.now() - started) / 1000, error: text };
  }
}

/** Parts 1–3 share one server on the bench database, loaded with the extra centres first. */
async function onSharedServer(
  settings: BenchSettings,
  database: BenchDatabase,
  profileDir: string | undefined,
) {
  const skipped = { status: "skipped" } as const;
  const wanted = (["issuing", "calling", "publishing"] as const).filter((p) => settings.parts.includes(p));
  let server: RunningServer | undefined;
  try {
    // The server migrates and seeds the demo on the empty database; the bench adds the rest.
    server = await startServer({
      databaseUrl: database.url,
      ...(profileDir ? { cpuProfileDir: path.join(profileDir, "shared") } : {}),
    });
    const catalogue = await loadBenchData(database.url);
    // The bench opened every centre all day behind the server's back: its centre cache (5 s by
    // default) forgets the seeded hours before the first kiosk asks.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    if (wanted.length === 0) return { catalogue, issuing: skipped, calling: skipped, publishing: skipped };
    const shared = server;
    const issuing = await part(settings, "issuing", () =>
      measureIssuing({ server: shared, database, catalogue, settings }),
    );
    const calling = await part(settings, "calling", () =>
      measureCalling({ server: shared, database, settings }),
    );
    const publishing = await part(settings, "publishing", () =>
      measurePublishing({ serverUrl: shared.url, databaseUrl: database.url, catalogue, settings }),
    );
    return { catalogue, issuing, calling, publishing };
  } finally {
    await server?.stop();
  }
}

function withCatalogue<T>(
  catalogue: BenchCatalogue | undefined,
  measure: (c: BenchCatalogue) => Promise<T>,
): () => Promise<T> {
  return () => (catalogue ? measure(catalogue) : Promise.reject(new Error("bench data was not loaded")));
}

async function main(): Promise<void> {
  installExitGuards();
  const settings = loadSettings();
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
  const loadAverageAtStart = os.loadavg();
  const resultsDir = path.join(benchRoot, "results");
  await mkdir(resultsDir, { recursive: true });
  const profileDir = settings.cpuProfile ? path.join(resultsDir, "profiles", stamp) : undefined;

  const abandoned = await dropAbandonedBenchDatabases(settings.adminDatabaseUrl, 3_600_000);
  if (abandoned.length > 0) log(`dropped databases of killed runs: ${abandoned.join(", ")}`);
  log(`creating a fresh database on ${new URL(settings.adminDatabaseUrl).host}`);
  const database = await createBenchDatabase(settings.adminDatabaseUrl, stamp);
  let parts: BenchResults["parts"];
  let postgres: string;
  try {
    postgres = await postgresVersion(database.url);
    const failedSetup = (error: unknown): Outcome<never> => ({
      status: "failed",
      seconds: 0,
      error: `set-up: ${error instanceof Error ? error.message : String(error)}`,
    });
    const shared = await onSharedServer(settings, database, profileDir).catch((error: unknown) => ({
      catalogue: undefined,
      issuing: failedSetup(error),
      calling: failedSetup(error),
      publishing: failedSetup(error),
    }));
    const holding = await part(
      settings,
      "holding",
      withCatalogue(shared.catalogue, (catalogue) =>
        measureHolding({
          databaseUrl: database.url,
          catalogue,
          settings,
          ...(profileDir ? { cpuProfileDir: path.join(profileDir, "holding") } : {}),
        }),
      ),
    );
    const embedded = await part(settings, "embedded", () =>
      measureEmbedded({
        settings,
        ...(profileDir ? { cpuProfileDir: path.join(profileDir, "embedded") } : {}),
      }),
    );
    parts = {
      issuing: shared.issuing,
      calling: shared.calling,
      publishing: shared.publishing,
      holding,
      embedded,
      history: { status: "not measured", reason: "run npm run bench:history (loads national history first)" },
    };
  } finally {
    killAllChildren();
    await dropBenchDatabase(settings.adminDatabaseUrl, database).catch((error: unknown) =>
      log(`could not drop ${database.name}: ${String(error)}`),
    );
  }

  const cpus = os.cpus();
  const results: Omit<BenchResults, "table"> = {
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? "unknown",
      memoryMb: Math.round(os.totalmem() / 2 ** 20),
      loadAverageAtStart,
      loadAverageAtEnd: os.loadavg(),
      node: process.version,
      postgres,
    },
    settings: { seconds: settings.seconds, parts: settings.parts, database: database.name },
    parts,
  };
  const table = tableOf(results);
  const file = path.join(resultsDir, `${stamp}.json`);
  await writeFile(file, `${JSON.stringify({ ...results, table }, null, 2)}\n`);
  process.stdout.write(`\n${table}\n\nFigures: ${path.relative(process.cwd(), file)}\n`);
  if (profileDir) process.stdout.write(`CPU profiles: ${path.relative(process.cwd(), profileDir)}\n`);
  const failed = Object.values(parts).some((p) => p.status === "failed");
  process.exitCode = failed || wasAborted() ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  killAllChildren();
  process.exitCode = 1;
});
