import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/client.js";
import { seedDemo } from "../../src/setup/seed-demo.js";
import { seedReferenceData } from "../../src/db/seed-reference.js";
import { TEST_DRIVER } from "./driver.js";
import { ensurePgliteTemplates, openPgliteFromTemplate } from "./pglite.js";

/**
 * Every test file gets a database of its own, cloned from a template that is migrated (and seeded
 * with the demo) once per migration set: cloning takes milliseconds, migrating takes seconds.
 */
export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** One statement on the server's maintenance database, such as creating or dropping a test's own database. */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../migrations");

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (file.endsWith(".sql") || file.endsWith(".json"))
      hash.update(file).update(readFileSync(path.join(migrationsFolder, file)));
  }
  // The demo seed goes through the administration services, so their code shapes the template too.
  const server = path.resolve(migrationsFolder, "../server");
  const adminFiles = readdirSync(path.join(server, "src/modules/admin"))
    .sort()
    .map((f) => `src/modules/admin/${f}`);
  for (const seed of [
    "src/setup/seed-demo.ts",
    "src/db/seed-reference.ts",
    "seed/holidays-az.json",
    "seed/dost-catalogue.json",
    ...adminFiles,
  ]) {
    hash.update(readFileSync(path.resolve(server, seed)));
  }
  return hash.digest("hex").slice(0, 12);
}

export const urlFor = (name: string): string => {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export type TemplateKind = "seeded" | "empty";
export const templateName = (kind: TemplateKind): string => `dost_tpl_${kind}_${migrationsHash()}`;

/**
 * Creates the templates if this migration set has none yet; safe to call from parallel workers.
 * PostgreSQL's always (the apps' end-to-end tests run on it), PGlite's when this run is on PGlite.
 */
export async function ensureTemplates(): Promise<void> {
  await ensurePostgresTemplates();
  if (TEST_DRIVER === "pglite") await ensurePgliteTemplates(migrationsHash(), migrationsFolder);
}

async function ensurePostgresTemplates(): Promise<void> {
  await withAdmin(async (admin) => {
    await admin.query("SELECT pg_advisory_lock(7254100)");
    try {
      for (const kind of ["empty", "seeded"] as const) {
        const name = templateName(kind);
        const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount) continue;
        const building = `${name}_building`;
        await admin.query(`DROP DATABASE IF EXISTS ${building}`);
        await admin.query(`CREATE DATABASE ${building}`);
        const database = openDatabase({
          databaseUrl: urlFor(building),
          dataDir: "",
          migrationsFolder,
          poolSize: 2,
          connectTimeoutMs: 5000,
        });
        try {
          await database.migrate();
          await seedReferenceData(database.db);
          if (kind === "seeded") await seedDemo(database.db);
        } finally {
          await database.close();
        }
        await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      }
      // Templates of other migration sets are left alone: another checkout (a branch, a worktree) on
      // this PostgreSQL may be cloning them right now. They cost only disk.
    } finally {
      await admin.query("SELECT pg_advisory_unlock(7254100)");
    }
  });
}

export interface TestDatabase {
  name: string;
  /** The PostgreSQL URL; empty on PGlite, where the server runs with no DATABASE_URL. */
  url: string;
  database: Database;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, opened through the same code the server uses, on the driver
 * of this run (`TEST_DRIVER`) unless the caller needs a particular one.
 */
export async function createTestDatabase(
  kind: TemplateKind = "seeded",
  poolSize = 20,
  driver = TEST_DRIVER,
): Promise<TestDatabase> {
  if (driver === "pglite") {
    const database = await openPgliteFromTemplate(kind, migrationsHash(), migrationsFolder);
    return {
      name: `pglite_${randomBytes(6).toString("hex")}`,
      url: "",
      database,
      drop: () => database.close().catch(() => undefined),
    };
  }
  await ensurePostgresTemplates();
  const name = `dost_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName(kind)}`));
  const url = urlFor(name);
  const database = openDatabase({
    databaseUrl: url,
    dataDir: "",
    migrationsFolder,
    poolSize,
    connectTimeoutMs: 5000,
  });
  let dropped = false;
  return {
    name,
    url,
    database,
    async drop() {
      if (dropped) return;
      dropped = true;
      await database.close().catch(() => undefined);
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
