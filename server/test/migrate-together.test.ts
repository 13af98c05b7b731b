import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/client.js";
import { prepareDatabase } from "../src/setup/prepare.js";
import { adminQuery, urlFor } from "./support/database.js";
import { describeOnPostgres, TEST_DRIVER } from "./support/driver.js";

/**
 * Replicas of a deployment start together on a brand-new database: each applies the migrations and
 * the reference data at start (server.ts's prepareDatabase). The advisory lock in migrate() must
 * make that happen once, with every replica starting cleanly.
 */
const name = `dost_test_together_${randomBytes(5).toString("hex")}`;

afterAll(async () => {
  if (TEST_DRIVER === "postgres") await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

// PostgreSQL only: several processes on one database (PGlite admits one process per data directory).
describeOnPostgres("several server processes starting on an empty database", () => {
  it("apply the migrations once and all start", async () => {
    await adminQuery(`CREATE DATABASE ${name} TEMPLATE template0`);
    const url = urlFor(name);
    const config = loadConfig({ NODE_ENV: "production", DATABASE_URL: url });
    const replicas = Array.from({ length: 3 }, () =>
      openDatabase({
        databaseUrl: url,
        dataDir: "",
        migrationsFolder: config.paths.migrations,
        poolSize: 2,
        connectTimeoutMs: 5000,
      }),
    );
    try {
      const outcomes = await Promise.allSettled(
        replicas.map((db) => prepareDatabase(db, config, { info: () => undefined })),
      );
      expect(outcomes.map((o) => (o.status === "rejected" ? String(o.reason) : "ok"))).toEqual([
        "ok",
        "ok",
        "ok",
      ]);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const applied = await client.query("SELECT hash FROM drizzle.__drizzle_migrations");
        const files = readdirSync(config.paths.migrations).filter((f) => f.endsWith(".sql"));
        expect(applied.rowCount).toBe(files.length);
        expect(new Set(applied.rows.map((r: { hash: string }) => r.hash)).size).toBe(files.length);
        // Production seeds no demo: no users at all until an administrator creates them.
        const users = await client.query("SELECT count(*)::int AS n FROM users");
        expect(users.rows[0]).toEqual({ n: 0 });
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all(replicas.map((db) => db.close()));
    }
  });
});
