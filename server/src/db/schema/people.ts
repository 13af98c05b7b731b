import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";

import { at, createdAt, id } from "./columns.js";
import { centres } from "./catalog.js";

export const users = pgTable(
  "users",
  {
    id: id(),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ["admin", "manager", "staff"] }).notNull(),
    centreId: uuid("centre_id").references(() => centres.id),
    passwordHash: text("password_hash").notNull(),
    disabledAt: at("disabled_at"),
    /** The work profile this user last opened a counter with, offered again next time. */
    lastServiceIds: uuid("last_service_ids").array(),
    createdAt: createdAt(),
  },
  (t) => [check("users_centre_by_role", sql`(${t.role} = 'admin') = (${t.centreId} IS NULL)`)],
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
    kind: text("kind", { enum: ["kiosk", "display"] }).notNull(),
    name: text("name").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    revokedAt: at("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("devices_centre_idx").on(t.centreId)],
);
