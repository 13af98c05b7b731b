/**
 * `node --import tsx bench/alerts-server.ts` (after `npm run build -w shared`): what the alerts cost
 * the server, in process on a fresh PostgreSQL database (BENCH_DATABASE_URL, default the local
 * server), and how fast the staffing answer is over a year of hourly history.
 *
 * - Evaluation: BAKU-1 at 10:30 on a Tuesday with 120 visitors waiting over its 14 services and 10
 *   counters open, timed over 200 runs of one evaluation (snapshot reads, rules, diff; writes only
 *   when something changes). It runs after the commit, off the request path, coalesced per centre
 *   (at most one per 150 ms): an issue or a call pays only the announcer's listener call.
 * - Staffing: `GET /centres/BAKU-1/staffing?date=` over 365 days × 9 hours × 14 services of
 *   aggregates for every centre, 50 requests.
 * Prints p50 / p99 in milliseconds. Short (~1 min); run it under `nice -n 10` on a shared machine.
 */
import { performance } from "node:perf_hooks";
import { buildApp } from "../server/src/app.js";
import { loadConfig } from "../server/src/config.js";
import { databaseOptions, openDatabase } from "../server/src/db/client.js";
import { prepareDatabase } from "../server/src/setup/prepare.js";
import { createBenchDatabase, withClient } from "./lib/database.js";

const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const MORNING = new Date("2026-11-24T06:30:00Z"); // Tuesday 10:30 in Baku

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return `p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms (n=${samples.length})`;
}

async function main(): Promise<void> {
  const bench = await createBenchDatabase(adminUrl, `alerts_${Date.now()}`);
  const config = loadConfig({ NODE_ENV: "development", DATABASE_URL: bench.url, LOG_LEVEL: "silent" });
  const database = openDatabase(databaseOptions(config));
  const app = await buildApp(config, {
    database,
    clock: { now: () => MORNING },
    runJobs: false,
    logger: false,
  });
  try {
    await prepareDatabase(database, config, app.log);
    await app.ready();
    const centre = (await app.findCentre("BAKU-1"))!;
    const inject = async <T>(method: "GET" | "POST", url: string, auth?: string, payload?: object) => {
      const res = await app.inject({ method, url, payload, headers: auth ? { authorization: auth } : {} });
      return { status: res.statusCode, body: (res.body ? res.json() : null) as T };
    };
    const { services } = (
      await inject<{ services: { id: string }[] }>("GET", "/api/v1/centres/BAKU-1/services")
    ).body;
    for (let i = 0; i < 120; i++) {
      const res = await inject("POST", "/api/v1/centres/BAKU-1/tickets", "Device demo-kiosk-BAKU-1", {
        serviceId: services[i % services.length]!.id,
      });
      if (res.status !== 201) throw new Error(`issue: ${res.status}`);
    }
    for (let s = 1; s <= 8; s++) {
      const login = await inject<{ token: string }>("POST", "/api/v1/auth/login", undefined, {
        username: `staff.baku1.${s}`,
        password: "dost-demo",
      });
      const auth = `Bearer ${login.body.token}`;
      const { counters } = (
        await inject<{ counters: { id: string }[] }>("GET", "/api/v1/centres/BAKU-1/counters", auth)
      ).body;
      await inject("POST", `/api/v1/counters/${counters[s - 1]!.id}/open`, auth, {});
    }
    await app.alerts.settled();
    const evaluation: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      await app.alerts.evaluate(centre.id);
      evaluation.push(performance.now() - start);
    }
    process.stdout.write(
      `alert evaluation, one centre (120 waiting, 8 open counters): ${percentiles(evaluation)}\n`,
    );

    await withClient(bench.url, (c) =>
      c.query(`INSERT INTO hourly_service_stats (centre_id, day, hour, service_id, issued, served, service_count, service_seconds)
               SELECT cs.centre_id, d::date, h, cs.service_id, 1 + (random() * 6)::int, 3, 3, 3 * 600
               FROM centre_services cs, generate_series(date '2025-11-23', date '2026-11-23', interval '1 day') d,
                    generate_series(9, 17) h
               WHERE extract(isodow FROM d) < 6
               ON CONFLICT DO NOTHING`),
    );
    const manager = await inject<{ token: string }>("POST", "/api/v1/auth/login", undefined, {
      username: "manager.baku1",
      password: "dost-demo",
    });
    const staffing: number[] = [];
    for (let i = 0; i < 50; i++) {
      const start = performance.now();
      const res = await inject(
        "GET",
        "/api/v1/centres/BAKU-1/staffing?date=2026-11-24",
        `Bearer ${manager.body.token}`,
      );
      staffing.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`staffing: ${res.status}`);
    }
    process.stdout.write(`staffing answer over a year of hourly history: ${percentiles(staffing)}\n`);
  } finally {
    await app.close();
    await database.close();
    await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${bench.name}" WITH (FORCE)`));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
