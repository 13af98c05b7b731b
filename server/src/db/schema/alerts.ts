import type { AlertKind, AlertSeverity, AlertSuggestion, AlertThresholdsInput } from "@dost/shared";
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { centres } from "./catalog.js";
import { at } from "./columns.js";

/**
 * Every alert raised at a centre, kept after it clears: `GET .../alerts?since=` lists the history
 * of a shift, and the open ones (cleared_at NULL) survive a restart, so nothing is raised twice.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id),
    /** Kind and subject ("wait_over_target:<serviceId>"): one open alert per key and centre. */
    key: text("key").notNull(),
    kind: text("kind").$type<AlertKind>().notNull(),
    serviceId: uuid("service_id"),
    counterId: uuid("counter_id"),
    severity: text("severity").$type<AlertSeverity>().notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    suggestion: jsonb("suggestion").$type<AlertSuggestion | null>(),
    raisedAt: at("raised_at").notNull(),
    clearedAt: at("cleared_at"),
  },
  (t) => [
    index("alerts_centre_raised_idx").on(t.centreId, t.raisedAt),
    uniqueIndex("alerts_open_key_uq")
      .on(t.centreId, t.key)
      .where(sql`${t.clearedAt} IS NULL`),
  ],
);

/** A centre's own alert thresholds, as its manager set them (defaults fill what is missing). */
export const alertThresholds = pgTable("alert_thresholds", {
  centreId: uuid("centre_id")
    .primaryKey()
    .references(() => centres.id),
  thresholds: jsonb("thresholds").$type<AlertThresholdsInput>().notNull(),
  updatedAt: at("updated_at").notNull(),
});
