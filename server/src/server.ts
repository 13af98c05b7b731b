import closeWithGrace from "close-with-grace";
import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { databaseOptions, openDatabase } from "./db/client.js";
import { prepareDatabase } from "./setup/prepare.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(databaseOptions(config));
  const app = await buildApp(config, { database });
  await prepareDatabase(database, config, app.log);
  app.addHook("onClose", async () => database.close());

  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, "shutting down after an error");
    await app.close();
  });

  await app.listen({ port: config.port, host: config.host });
  const base = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;
  const where =
    database.kind === "pglite" ? `embedded PostgreSQL in ${config.dataDir}` : "PostgreSQL at DATABASE_URL";
  const lines = [
    ``,
    `DOST queue system is running on ${where}.`,
    `  Kiosk:          ${base}/kiosk/?key=demo-kiosk-BAKU-1`,
    `  Hall display:   ${base}/display/?key=demo-display-BAKU-1`,
    `  Staff console:  ${base}/console/   (staff.baku1.1 / dost-demo, manager.baku1, admin)`,
    `  API docs:       ${base}/api/docs`,
    ``,
  ];
  if (!config.seedDemo)
    lines.splice(2, 3, `  Kiosk, display and console at ${base}/kiosk/, /display/, /console/`);
  process.stdout.write(lines.join("\n") + "\n");
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError || err instanceof DataDirLockedError ? err.message : String((err as Error)?.stack ?? err)}\n`,
  );
  process.exit(1);
});
