import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, smallint, text, uuid } from "drizzle-orm/pg-core";
import { at, id } from "./columns.js";
import { centres, services } from "./catalog.js";
import { devices } from "./devices.js";
import { counters, tickets } from "./queue.js";
import { users } from "./people.js";

/**
 * One visitor's rating of one visit (the satisfaction KPI). Keyed to the ticket (once per ticket),
 * with the visit's service, counter and employee copied in so reports group without joins, and the
 * centre's local day and hour of the visit's end, like the aggregates the other figures come from.
 */
export const feedback = pgTable(
  "feedback",
  {
    id: id(),
    ticketId: uuid("ticket_id")
      .notNull()
      .unique()
      .references(() => tickets.id),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    counterId: uuid("counter_id").references(() => counters.id),
    userId: uuid("user_id").references(() => users.id),
    day: date("day", { mode: "string" }).notNull(),
    hour: integer("hour").notNull(),
    score: smallint("score").notNull(),
    reasons: text("reasons")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Scrubbed of phone numbers and FINs before it is written. */
    comment: text("comment"),
    /** A counter tablet that asked, or null when the visitor answered on the status page. */
    deviceId: uuid("device_id").references(() => devices.id),
    at: at("at").notNull(),
  },
  (t) => [
    index("feedback_centre_day_idx").on(t.centreId, t.day),
    check("feedback_score_range", sql`${t.score} BETWEEN 1 AND 5`),
  ],
);
