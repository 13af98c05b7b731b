import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LocalizedText } from "@dost/shared";
import type { Db } from "./client.js";
import { closedDates } from "./schema.js";

const holidaysPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../seed/holidays-az.json",
);

/**
 * Reference data every installation needs, production included: Azerbaijan's public holidays.
 * Idempotent; dates an operator removed or changed are not brought back once present.
 */
export async function seedReferenceData(db: Db): Promise<void> {
  const { holidays } = JSON.parse(readFileSync(holidaysPath, "utf8")) as {
    holidays: { date: string; name: LocalizedText }[];
  };
  await db
    .insert(closedDates)
    .values(holidays.map((h) => ({ date: h.date, name: h.name, centreId: null })))
    .onConflictDoNothing();
}
