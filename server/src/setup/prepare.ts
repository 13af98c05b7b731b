import type { FastifyBaseLogger } from "fastify";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import { seedDemo } from "./seed-demo.js";
import { seedReferenceData } from "../db/seed-reference.js";

/** Start-up: apply pending migrations, then seed the demo on an empty database outside production. */
export async function prepareDatabase(
  database: Database,
  config: Config,
  log: Pick<FastifyBaseLogger, "info">,
): Promise<void> {
  await database.migrate();
  await seedReferenceData(database.db);
  if (config.seedDemo && (await seedDemo(database.db)))
    log.info("seeded the demo centres, users and devices");
}
