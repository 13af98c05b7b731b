import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { databaseOverPglite, type Database } from "../../src/db/client.js";
import { seedDemo } from "../../src/setup/seed-demo.js";
import { seedReferenceData } from "../../src/db/seed-reference.js";

/**
 * The embedded side of the driver matrix: per migration set, a template migrated (and seeded) once
 * in an in-memory PGlite and dumped to a tarball; every test file loads a fresh copy of it, as the
 * PostgreSQL side clones its template database.
 */
const templateFolder = path.join(tmpdir(), "dost-pglite-templates");

function templatePath(kind: "seeded" | "empty", hash: string): string {
  return path.join(templateFolder, `${hash}-${kind}.tar.gz`);
}

async function buildTemplate(kind: "seeded" | "empty", migrationsFolder: string, file: string) {
  const client = new PGlite();
  const database = databaseOverPglite(client, { migrationsFolder });
  try {
    await database.migrate();
    await seedReferenceData(database.db);
    if (kind === "seeded") await seedDemo(database.db);
    const dump = await client.dumpDataDir("gzip");
    mkdirSync(templateFolder, { recursive: true });
    // Written aside and renamed, so a parallel worker never reads half a file.
    const partial = `${file}.${randomBytes(4).toString("hex")}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await database.close();
  }
}

/** Builds the embedded templates of this migration set if they are missing. */
export async function ensurePgliteTemplates(hash: string, migrationsFolder: string): Promise<void> {
  for (const kind of ["empty", "seeded"] as const) {
    const file = templatePath(kind, hash);
    if (!existsSync(file)) await buildTemplate(kind, migrationsFolder, file);
  }
}

/** A fresh in-memory embedded database for one test file, loaded from its template. */
export async function openPgliteFromTemplate(
  kind: "seeded" | "empty",
  hash: string,
  migrationsFolder: string,
): Promise<Database> {
  await ensurePgliteTemplates(hash, migrationsFolder);
  const archive = new Blob([readFileSync(templatePath(kind, hash))]);
  const client = await PGlite.create({ loadDataDir: archive });
  return databaseOverPglite(client, { migrationsFolder });
}
