// CI check: the committed migrations describe exactly what server/src/db/schema says. It runs
// drizzle-kit generate against a copy of migrations/; a new migration there means someone changed
// the schema without generating (and committing) its migration.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(path.join(tmpdir(), "dost-drift-"));
try {
  const out = path.join(work, "migrations");
  cpSync(path.join(serverDir, "../migrations"), out, { recursive: true });
  const before = readdirSync(out).filter((f) => f.endsWith(".sql"));
  const config = path.join(serverDir, "drizzle.drift.config.ts");
  writeFileSync(
    config,
    // drizzle-kit joins "./" to `out`, so it must be relative to the server folder.
    `import { defineConfig } from "drizzle-kit";\nexport default defineConfig({ dialect: "postgresql", schema: "./src/db/schema/*.ts", out: ${JSON.stringify(path.relative(serverDir, out))} });\n`,
  );
  let output;
  try {
    output = execFileSync("npx", ["drizzle-kit", "generate", "--config", config, "--name", "drift"], {
      cwd: serverDir,
      stdio: "pipe",
      encoding: "utf8",
    });
  } finally {
    rmSync(config, { force: true });
  }
  // drizzle-kit exits with 0 on some failures: it must have said one of these two things.
  if (!/No schema changes|Your SQL migration file/.test(output)) {
    console.error(`drizzle-kit did not compare the schema:\n${output}`);
    process.exit(1);
  }
  const added = readdirSync(out).filter((f) => f.endsWith(".sql") && !before.includes(f));
  if (added.length > 0) {
    console.error("The schema and the committed migrations disagree. Run `npm run db:generate -w server`.");
    for (const file of added) console.error(`  drizzle-kit would write ${file}`);
    process.exit(1);
  }
  console.log(`schema and migrations agree (${before.length} migrations)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
