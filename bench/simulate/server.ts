import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildApp } from "../../server/src/app.js";
import { loadConfig } from "../../server/src/config.js";
import { databaseOptions, openDatabase, type Db } from "../../server/src/db/client.js";
import type { Clock } from "../../server/src/lib/clock.js";
import { prepareDatabase } from "../../server/src/setup/prepare.js";

/**
 * The server's clock during a simulated day: held still while the day is set up (staff accounts,
 * bookings), then moved to the morning and run `speed` times faster than real time, as
 * CLOCK_START/CLOCK_SPEED would run it.
 */
export class SimulatedClock implements Clock {
  private origin: number;
  private startedAt: number | null = null;
  constructor(
    start: number,
    readonly speed: number,
  ) {
    this.origin = start;
  }
  now(): Date {
    return new Date(this.ms());
  }
  ms(): number {
    return this.startedAt === null
      ? this.origin
      : this.origin + (performance.now() - this.startedAt) * this.speed;
  }
  /** Moves the still clock to `at` and sets it running. */
  run(at: number): void {
    this.origin = at;
    this.startedAt = performance.now();
  }
  /** Resolves once the clock reaches `at` (at once if it has). */
  until(at: number): Promise<void> {
    const realMs = (at - this.ms()) / (this.startedAt === null ? Infinity : this.speed);
    return realMs > 0 ? new Promise((r) => setTimeout(r, realMs)) : Promise.resolve();
  }
  sleep(simMs: number): Promise<void> {
    return this.until(this.ms() + simMs);
  }
}

export interface SimulatedServer {
  url: string;
  /** Its database, to write the centre's past into before the day (history.ts). */
  db: Db;
  stop(): Promise<void>;
}

/**
 * The real server (buildApp, the same as `npm start`: migrations, the demo seed, the housekeeping
 * jobs, HTTP and socket.io) on its own fresh database: an embedded PGlite in a temporary folder, or
 * a new database on the PostgreSQL server that `databaseUrl` names (dropped afterwards).
 */
export async function startSimulatedServer(options: {
  clock: SimulatedClock;
  estimator: "simulation" | "throughput";
  databaseUrl: string | null;
}): Promise<SimulatedServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "dost-simulate-"));
  let dropDatabase: (() => Promise<void>) | null = null;
  let databaseUrl: string | undefined;
  if (options.databaseUrl) {
    const name = `dost_simulate_${options.estimator}_${process.pid}`;
    const admin = new pg.Client({ connectionString: options.databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(options.databaseUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: options.databaseUrl! });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const config = loadConfig({
    NODE_ENV: "development",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    SEED_DEMO: "true",
    WAIT_ESTIMATOR: options.estimator,
    CLOCK_SPEED: String(options.clock.speed),
    RATE_LIMIT_PUBLIC_PER_MINUTE: "1000000",
    RATE_LIMIT_LOGIN_PER_MINUTE: "1000000",
    RATE_LIMIT_BOOKING_PER_MINUTE: "1000000",
    RATE_LIMIT_PAIR_PER_MINUTE: "1000000",
  });
  const database = openDatabase(databaseOptions(config));
  const app = await buildApp(config, { database, clock: options.clock, logger: { level: "warn" } });
  await prepareDatabase(database, config, app.log);
  app.addHook("onClose", async () => database.close());
  await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    db: database.db,
    async stop() {
      await app.close();
      await dropDatabase?.();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
