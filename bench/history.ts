/**
 * `npm run bench:history`: the monitoring reads over national-scale history (issue 7, part 6 of the
 * bench). With BENCH_HISTORY_DATABASE_URL it measures a database already loaded by
 * `npm run seed:history` (a year: ~10 M tickets, ~15 min to load on two cores); without it, it makes
 * `dost_bench_history`, loads BENCH_HISTORY_DAYS days (default 30) and measures that.
 * Prints the times of the live dashboard, a month's report for one centre and a year's national
 * report, each as p50 / p99 over repeated requests through the real server.
 */
import { spawnSync } from "node:child_process";
import pg from "pg";
import { installExitGuards, killAllChildren } from "./lib/children.js";
import { ApiClient } from "./lib/http.js";
import { startServer } from "./lib/server.js";
import { repoRoot } from "./lib/settings.js";
import { summarise, type LatencySummary } from "./lib/stats.js";

const log = (line: string): void => void process.stderr.write(`bench:history: ${line}\n`);

async function loadedDatabase(): Promise<string> {
  const given = process.env.BENCH_HISTORY_DATABASE_URL;
  if (given) return given;
  const admin = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const url = new URL(admin);
  url.pathname = "/dost_bench_history";
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query("DROP DATABASE IF EXISTS dost_bench_history WITH (FORCE)");
  await client.query("CREATE DATABASE dost_bench_history");
  await client.end();
  const days = process.env.BENCH_HISTORY_DAYS ?? "30";
  log(`loading ${days} days of history for 31 centres…`);
  const run = spawnSync("npm", ["run", "--silent", "seed:history", "--", "--days", days], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (run.status !== 0) throw new Error("seed:history failed");
  return url.toString();
}

async function timed(times: number, request: () => Promise<{ status: number }>): Promise<LatencySummary> {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    const res = await request();
    if (res.status !== 200) throw new Error(`answered ${res.status}`);
    took.push(performance.now() - started);
  }
  return summarise(took);
}

async function main(): Promise<void> {
  installExitGuards();
  const databaseUrl = await loadedDatabase();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const size = await db.query<{ tickets: string; first: string; last: string }>(
    "SELECT count(*)::text AS tickets, min(service_day)::text AS first, max(service_day)::text AS last FROM tickets",
  );
  await db.end();
  const server = await startServer({ databaseUrl });
  try {
    const api = new ApiClient(server.url, 4);
    const login = async (username: string) => {
      const res = await api.request("POST", "/auth/login", { body: { username, password: "dost-demo" } });
      return `Bearer ${(res.body as { token: string }).token}`;
    };
    const manager = await login("manager.baku1");
    const admin = await login("admin");
    const { first, last, tickets } = size.rows[0] ?? { first: "", last: "", tickets: "0" };
    const monthFrom = new Date(Date.parse(`${last}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
    const get = (path: string, auth: string) => () =>
      api.request("GET", path, { headers: { authorization: auth } });
    // A first request of each warms the server's caches and PostgreSQL's buffers, as in daily use.
    await get("/centres/BAKU-1/stats/live", manager)();
    const live = await timed(30, get("/centres/BAKU-1/stats/live", manager));
    const month = await timed(
      10,
      get(`/reports/summary?centreId=BAKU-1&from=${monthFrom}&to=${last}&groupBy=day`, manager),
    );
    const yearDays = await timed(5, get(`/reports/summary?from=${first}&to=${last}&groupBy=day`, admin));
    const yearServices = await timed(
      5,
      get(`/reports/summary?from=${first}&to=${last}&groupBy=service`, admin),
    );
    const national = await timed(10, get("/stats/national", admin));
    const ms = (s: LatencySummary) => `${s.p50.toFixed(1)} / ${s.p99.toFixed(1)} ms`;
    const rows = [
      ["history", `${Number(tickets).toLocaleString("en")} tickets, ${first} … ${last}, 31 centres`, ""],
      ["live dashboard, BAKU-1", ms(live), "target < 50 ms"],
      ["national live view, 31 centres", ms(national), ""],
      ["month report, one centre, by day", ms(month), "target < 500 ms"],
      ["national report over the whole history, by day", ms(yearDays), "target < 2 s"],
      ["national report over the whole history, by service", ms(yearServices), "target < 2 s"],
    ];
    process.stdout.write(`\nMonitoring over history (p50 / p99)\n`);
    for (const [what, figure, target] of rows)
      process.stdout.write(`  ${what!.padEnd(52)} ${figure!.padEnd(26)} ${target}\n`);
  } finally {
    await server.stop();
    killAllChildren();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:history failed: ${error instanceof Error ? error.message : String(error)}\n`);
  killAllChildren();
  process.exit(1);
});
