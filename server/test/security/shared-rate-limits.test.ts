import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type Database } from "../../src/db/client.js";
import { DEMO_PASSWORD } from "../support/api.js";
import { WORKING_MORNING } from "../support/app.js";
import { FakeClock } from "../support/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { describeOnPostgres } from "../support/driver.js";

/**
 * Rate limits shared across processes: two app instances on one PostgreSQL database (two replicas)
 * count every limit together in `rate_limit_hits`, so N replicas no longer allow N times the figure.
 * PostgreSQL only: PGlite admits one process per data directory, where memory is exact.
 */
const LOGIN_PER_MINUTE = 4;
const ADDRESS = "198.51.100.77";

describeOnPostgres("rate limits across replicas", () => {
  let db: TestDatabase;
  const replicas: { app: FastifyInstance; database: Database }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase("seeded");
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({
        NODE_ENV: "test",
        DATABASE_URL: db.url,
        LOG_LEVEL: "silent",
        RATE_LIMIT_LOGIN_PER_MINUTE: String(LOGIN_PER_MINUTE),
        // The per-account lock is not what is measured here.
        LOGIN_LOCKOUT_AFTER_FAILURES: "100000",
      });
      const database = openDatabase({
        databaseUrl: db.url,
        dataDir: "",
        migrationsFolder: config.paths.migrations,
        poolSize: 4,
        connectTimeoutMs: 5000,
      });
      const clock = new FakeClock(WORKING_MORNING);
      const app = await buildApp(config, { database, clock, runJobs: false, logger: false });
      await app.ready();
      replicas.push({ app, database });
    }
  }, 300_000);
  afterAll(async () => {
    for (const r of replicas) {
      await r.app.close();
      await r.database.close();
    }
    await db?.drop();
  });

  const login = (replica: number, username: string, password = "wrong-password") =>
    replicas[replica]!.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username, password },
      remoteAddress: ADDRESS,
    });

  it("refuses, on either replica, the attempt that takes both together over the limit", async () => {
    const statuses: number[] = [];
    // Alternating replicas: each sees only half the attempts, well under the limit on its own.
    for (let i = 0; i < LOGIN_PER_MINUTE; i++)
      statuses.push((await login(i % 2, "staff.baku1.1")).statusCode);
    expect(statuses).toEqual(Array(LOGIN_PER_MINUTE).fill(401));
    for (const replica of [0, 1]) {
      const refused = await login(replica, "staff.baku1.1", DEMO_PASSWORD);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });
    }
  });

  it("keeps the login limit keyed per address and username, so a colleague behind the address signs in", async () => {
    expect((await login(0, "staff.baku1.2", DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await login(1, "staff.baku1.2", DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("keeps no address or username in clear in the shared table", async () => {
    const rows = (await db.database.db.execute("SELECT key, hits FROM rate_limit_hits")) as unknown as {
      rows: { key: string; hits: number }[];
    };
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const row of rows.rows) {
      expect(row.key).toMatch(/^[0-9a-f]{64}$/);
      expect(row.key).not.toContain(ADDRESS);
    }
    expect(Math.max(...rows.rows.map((r) => Number(r.hits)))).toBe(LOGIN_PER_MINUTE + 2);
  });
});
