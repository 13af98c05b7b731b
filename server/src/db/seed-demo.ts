import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { DEFAULT_POLICY_WEIGHTS, WEEKDAYS, type LocalizedText, type OpeningHours } from "@dost/shared";
import { hashPassword } from "../lib/passwords.js";
import { sha256 } from "../lib/tokens.js";
import type { Db } from "./client.js";
import { centreServices, centres, counters, devices, services, users } from "./schema.js";

/** The demo of CONTRACT.md "Demo data": its names and secrets are documented in the README. */
export const DEMO_PASSWORD = "dost-demo";
export const DEMO_STAFF_PER_CENTRE = 8;

interface Catalogue {
  centres: { code: string; timezone: string; name: LocalizedText; counters: number }[];
  openingHours: { open: string; close: string };
  services: {
    code: string;
    prefix: string;
    category: string;
    handlingMinutes: number;
    targetWaitMinutes: number;
    appointments: boolean;
    name: LocalizedText;
  }[];
}

const cataloguePath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../seed/dost-catalogue.json",
);

const STAFF_NAMES = [
  "Aysel Məmmədova",
  "Rəşad Əliyev",
  "Günel Həsənova",
  "Elvin Quliyev",
  "Nərmin İsmayılova",
  "Tural Hüseynov",
  "Ləman Abbasova",
  "Orxan Babayev",
];

/** BAKU-1 has two floors, so its hall displays can be split by zone; the others have one hall. */
const zoneOf = (centreCode: string, index: number, total: number): string =>
  centreCode === "BAKU-1" ? (index < total / 2 ? "ground" : "first") : "main";

export const userSlug = (centreCode: string): string => centreCode.toLowerCase().replace(/-/g, "");

/** Seeds the demo when the database holds no centre yet; returns whether it did. */
export async function seedDemo(db: Db): Promise<boolean> {
  const catalogue = JSON.parse(readFileSync(cataloguePath, "utf8")) as Catalogue;
  // Every demo user has the same documented password, so one argon2id hash serves them all.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const period = [{ open: catalogue.openingHours.open, close: catalogue.openingHours.close }];
  const openingHours = Object.fromEntries(
    WEEKDAYS.map((d) => [d, d === "sat" || d === "sun" ? [] : period]),
  ) as OpeningHours;

  return db.transaction(async (tx) => {
    // Two processes starting on one empty database seed it once.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7254002)`);
    const [existing] = await tx.select({ id: centres.id }).from(centres).limit(1);
    if (existing) return false;

    const serviceRows = await tx
      .insert(services)
      .values(
        catalogue.services.map((s) => ({
          code: s.code,
          prefix: s.prefix,
          name: s.name,
          category: s.category,
          handlingMinutes: s.handlingMinutes,
          targetWaitMinutes: s.targetWaitMinutes,
          appointmentEnabled: s.appointments,
        })),
      )
      .returning({ id: services.id });

    await tx.insert(users).values({
      username: "admin",
      displayName: "Administrator",
      role: "admin",
      centreId: null,
      passwordHash,
    });

    for (const c of catalogue.centres) {
      const [centre] = await tx
        .insert(centres)
        .values({
          code: c.code,
          name: c.name,
          timezone: c.timezone,
          openingHours,
          policy: DEFAULT_POLICY_WEIGHTS,
        })
        .returning({ id: centres.id });
      if (!centre) throw new Error("centre insert returned nothing");
      await tx
        .insert(centreServices)
        .values(serviceRows.map((s, position) => ({ centreId: centre.id, serviceId: s.id, position })));
      await tx.insert(counters).values(
        Array.from({ length: c.counters }, (_, i) => ({
          centreId: centre.id,
          label: String(i + 1),
          zone: zoneOf(c.code, i, c.counters),
        })),
      );
      const slug = userSlug(c.code);
      await tx.insert(users).values([
        {
          username: `manager.${slug}`,
          displayName: `Manager ${c.code}`,
          role: "manager" as const,
          centreId: centre.id,
          passwordHash,
        },
        ...Array.from({ length: DEMO_STAFF_PER_CENTRE }, (_, i) => ({
          username: `staff.${slug}.${i + 1}`,
          displayName: STAFF_NAMES[i % STAFF_NAMES.length] ?? `Staff ${i + 1}`,
          role: "staff" as const,
          centreId: centre.id,
          passwordHash,
        })),
      ]);
      await tx.insert(devices).values([
        {
          centreId: centre.id,
          kind: "kiosk" as const,
          name: `Kiosk ${c.code}`,
          keyHash: sha256(`demo-kiosk-${c.code}`),
        },
        {
          centreId: centre.id,
          kind: "display" as const,
          name: `Hall display ${c.code}`,
          keyHash: sha256(`demo-display-${c.code}`),
        },
      ]);
    }
    return true;
  });
}
