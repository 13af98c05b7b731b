import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
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
    /**
     * The TOTP secret (RFC 6238), encrypted with MFA_SECRET_KEY (modules/auth/mfa-secrets.ts); set
     * with `mfaEnabledAt` once the user confirmed a code. Never returned after enrolment.
     */
    mfaSecret: text("mfa_secret"),
    /** A secret offered at enrolment but not yet confirmed with a code (encrypted the same way). */
    mfaPendingSecret: text("mfa_pending_secret"),
    mfaEnabledAt: at("mfa_enabled_at"),
    /** The last TOTP time step accepted: a code of that step or an earlier one is refused (replay). */
    mfaLastStep: bigint("mfa_last_step", { mode: "number" }),
    /** SHA-256 of each unused recovery code; one is removed when used. */
    mfaRecoveryCodes: text("mfa_recovery_codes").array(),
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

/**
 * The rate limits' counters when several processes share one PostgreSQL database
 * (plugins/rate-limit): one row per limited key and route, its hits in the current window.
 */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    /** SHA-256 of the route and the limit's key (addresses and usernames are not kept in clear). */
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    resetsAt: at("resets_at").notNull(),
  },
  (t) => [index("rate_limit_hits_resets_idx").on(t.resetsAt)],
);
