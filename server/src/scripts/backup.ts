/**
 * `npm run backup -- <file>`: writes the whole database that DATABASE_URL (PostgreSQL, with
 * pg_dump's custom format, while the servers run) or DATA_DIR (the embedded database, as a tarball
 * of its data directory, with the server stopped) names to one file. See docs/OPERATIONS.md.
 */
import { consoleReporter, runCli } from "../db/backup/cli.js";
import { backupPglite } from "../db/backup/pglite.js";
import { backupPostgres } from "../db/backup/postgres.js";

await runCli("usage: npm run backup -- <file>", [], async (config, file) => {
  if (config.databaseUrl) {
    await backupPostgres({ url: config.databaseUrl, log: consoleReporter }, file);
  } else {
    await backupPglite({ dataDir: config.dataDir, log: consoleReporter }, file);
  }
});
