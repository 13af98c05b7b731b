import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";

import { at, createdAt, id } from "./columns.js";
import { centres } from "./catalog.js";
// Circular with queue.ts (counters reference users); both sides reference lazily, which ES modules allow.
import { counters } from "./queue.js";

export const users = pgTable(
  "users",
  {
    id: id(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ["admin", "manager", "staff", "viewer", "volunteer"] }).notNull(),
    centreId: uuid("centre_id").references(() => centres.id),
    passwordHash: text("password_hash").notNull(),
    disabledAt: at("disabled_at"),
    /** Set for a temporary password (new or reset account): it must be changed before anything else. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    passwordChangedAt: at("password_changed_at"),
    /** The work profile this user last opened a counter with, offered again next time. */
    lastServiceIds: uuid("last_service_ids").array(),
    createdAt: createdAt(),
  },
  // Admins and viewers see every centre and belong to none; everyone else belongs to exactly one.
  (t) => [check("users_centre_by_role", sql`(${t.role} IN ('admin', 'viewer')) = (${t.centreId} IS NULL)`)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** SHA-256 of the bearer token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

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
    keyHash: text("key_hash").notNull().unique(),
    revokedAt: at("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("devices_centre_idx").on(t.centreId),
    check("devices_counter_by_kind", sql`(${t.kind} = 'feedback') = (${t.counterId} IS NOT NULL)`),
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
