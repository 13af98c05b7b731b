import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, createdAt, id } from "./columns.js";
import { centres } from "./catalog.js";

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
