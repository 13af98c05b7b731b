import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns.js";
import { centres } from "./catalog.js";
import { counters } from "./queue.js";

/** Kiosks, hall displays and counter feedback tablets, each of one centre, known by a hashed key. */
export const devices = pgTable(
  "devices",
  {
    id: id(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id),
    kind: text("kind", { enum: ["kiosk", "display", "feedback"] }).notNull(),
    name: text("name").notNull(),
    /** The counter a feedback tablet stands at. */
    counterId: uuid("counter_id").references(() => counters.id),
    /** A kiosk's network receipt printer, `host:port`; null: the kiosk prints through its browser. */
    printer: text("printer"),
    keyHash: text("key_hash").notNull().unique(),
    revokedAt: at("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("devices_centre_idx").on(t.centreId),
    check("devices_counter_by_kind", sql`(${t.kind} = 'feedback') = (${t.counterId} IS NOT NULL)`),
    check("devices_printer_kiosk_only", sql`${t.printer} IS NULL OR ${t.kind} = 'kiosk'`),
  ],
);

/**
 * One-time codes a manager gives a device to pair with: six digits, valid minutes, single use,
 * stored as their SHA-256. A device has at most one live code; a new one replaces it.
 */
export const devicePairingCodes = pgTable("device_pairing_codes", {
  deviceId: uuid("device_id")
    .primaryKey()
    .references(() => devices.id),
  codeHash: text("code_hash").notNull().unique(),
  expiresAt: at("expires_at").notNull(),
  createdAt: createdAt(),
});
