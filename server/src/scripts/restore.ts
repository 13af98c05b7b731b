/**
 * `npm run restore -- [--force] <file>`: loads a file written by `npm run backup` into the database
 * that DATABASE_URL or DATA_DIR names. It refuses a database that is not empty unless --force is
 * given, and then replaces it whole, in one transaction (PostgreSQL) or by swapping in a copy that
 * opened (embedded). Servers using the database must be stopped first. See docs/OPERATIONS.md.
 */
import { consoleReporter, runCli } from "../db/backup/cli.js";
import { restorePglite } from "../db/backup/pglite.js";
import { restorePostgres } from "../db/backup/postgres.js";

await runCli("usage: npm run restore -- [--force] <file>", ["force"], async (config, file, given) => {
  const options = { force: given.has("force") };
  if (config.databaseUrl) {
    const target = { url: config.databaseUrl, log: consoleReporter };
    await restorePostgres(target, file, options);
  } else {
    await restorePglite({ dataDir: config.dataDir, log: consoleReporter }, file, options);
  }
});
