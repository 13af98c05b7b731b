import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import {
  DEFAULT_POLICY_WEIGHTS,
  WEEKDAYS,
  createCentreBodySchema,
  createServiceBodySchema,
  type LocalizedText,
  type OpeningHours,
  type Role,
} from "@dost/shared";
import { systemClock } from "../lib/clock.js";
import { createAdminService, systemCaller } from "../modules/admin/index.js";
import { hashPassword } from "../lib/passwords.js";
import { createCentreDirectory } from "../modules/catalog/index.js";
import type { Db } from "../db/client.js";
import { centres, users } from "../db/schema.js";

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
    documents: LocalizedText[];
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

/** A seed has no sockets to tell and no device cache to clear. */
const quiet = {
  publish: () => undefined,
  disconnectUser: () => undefined,
  disconnectDevice: () => undefined,
};

/**
 * Seeds the demo when the database holds no centre and no user yet; returns whether it did. It goes
 * through the administration services a ministry uses (with their audit rows), inside one
 * transaction, so the seed exercises that code and two processes starting together seed once.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const catalogue = JSON.parse(readFileSync(cataloguePath, "utf8")) as Catalogue;
  // Every demo user has the same documented password, so one argon2id hash serves them all.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const demoPassword = { passwordHash, mustChangePassword: false };
  const period = [{ open: catalogue.openingHours.open, close: catalogue.openingHours.close }];
  const openingHours = Object.fromEntries(
    WEEKDAYS.map((d) => [d, d === "sat" || d === "sun" ? [] : period]),
  ) as OpeningHours;

  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7254002)`);
    const [centre] = await tx.select({ id: centres.id }).from(centres).limit(1);
    const [user] = await tx.select({ id: users.id }).from(users).limit(1);
    if (centre || user) return false;

    // The services' own transactions become savepoints of this one.
    const admin = createAdminService({
      db: tx,
      clock: systemClock,
      centres: createCentreDirectory({ ttlMs: 0, today: () => systemClock.now() }),
      publisher: quiet,
      forgetDevices: async () => undefined,
      publicUrl: null,
    });
    const caller = systemCaller("demo seed");

    const serviceIds: string[] = [];
    for (const s of catalogue.services) {
      const body = createServiceBodySchema.parse({
        code: s.code,
        prefix: s.prefix,
        name: s.name,
        category: s.category,
        documents: s.documents,
        handlingMinutes: s.handlingMinutes,
        targetWaitMinutes: s.targetWaitMinutes,
        appointmentEnabled: s.appointments,
      });
      serviceIds.push((await admin.catalogue.create(caller, body)).id);
    }

    const person = (username: string, displayName: string, role: Role, centreId: string | null) =>
      admin.users.create(caller, { username, displayName, role, centreId }, demoPassword);
    await person("admin", "Administrator", "admin", null);

    for (const c of catalogue.centres) {
      const centre = await admin.centres.create(
        caller,
        createCentreBodySchema.parse({
          code: c.code,
          name: c.name,
          timezone: c.timezone,
          openingHours,
          policy: DEFAULT_POLICY_WEIGHTS,
        }),
      );
      await admin.offer.put(caller, centre.id, { services: serviceIds.map((serviceId) => ({ serviceId })) });
      for (let i = 0; i < c.counters; i++) {
        await admin.counters.create(caller, centre.id, {
          label: String(i + 1),
          zone: zoneOf(c.code, i, c.counters),
        });
      }
      const slug = userSlug(c.code);
      await person(`manager.${slug}`, `Manager ${c.code}`, "manager", centre.id);
      for (let i = 0; i < DEMO_STAFF_PER_CENTRE; i++) {
        const name = STAFF_NAMES[i % STAFF_NAMES.length] ?? `Staff ${i + 1}`;
        await person(`staff.${slug}.${i + 1}`, name, "staff", centre.id);
      }
      await admin.devices.create(
        caller,
        centre.id,
        { kind: "kiosk", label: `Kiosk ${c.code}` },
        { key: `demo-kiosk-${c.code}` },
      );
      await admin.devices.create(
        caller,
        centre.id,
        { kind: "display", label: `Hall display ${c.code}` },
        { key: `demo-display-${c.code}` },
      );
    }
    return true;
  });
}
