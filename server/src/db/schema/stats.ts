import { date, doublePrecision, index, integer, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";

/** "No counter" / "no user" in aggregate keys, which cannot hold NULL. */
export const NOBODY = "00000000-0000-0000-0000-000000000000";

/**
 * Waits counted in these bins (minutes), one column each: `wait_bin_0` holds waits of 0 to 5 minutes,
 * the last one 180 minutes or more. Plain columns sum fast over years of rows, so medians and 90th
 * percentiles come from sums, interpolated within a bin. Keep in step with WAIT_BIN_EDGES_MINUTES.
 */
const waitBins = () =>
  Object.fromEntries(
    Array.from({ length: 11 }, (_, i) => [`waitBin${i}`, integer(`wait_bin_${i}`).notNull().default(0)]),
  ) as Record<`waitBin${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`, ReturnType<typeof integer>>;

/** How long people waited and were served: the figures both aggregate tables keep. */
const waitAndServiceFigures = () => ({
  waitCount: integer("wait_count").notNull().default(0),
  waitSeconds: doublePrecision("wait_seconds").notNull().default(0),
  withinTarget: integer("within_target").notNull().default(0),
  ...waitBins(),
  serviceCount: integer("service_count").notNull().default(0),
  serviceSeconds: doublePrecision("service_seconds").notNull().default(0),
});

/**
 * Per centre, local day and hour, and service: what happened, kept up to date by a trigger on
 * ticket_events in the same transaction as every change. Reports read these, never raw tickets.
 */
export const hourlyServiceStats = pgTable(
  "hourly_service_stats",
  {
    centreId: uuid("centre_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    hour: integer("hour").notNull(),
    serviceId: uuid("service_id").notNull(),
    issued: integer("issued").notNull().default(0),
    called: integer("called").notNull().default(0),
    served: integer("served").notNull().default(0),
    noShows: integer("no_shows").notNull().default(0),
    cancelled: integer("cancelled").notNull().default(0),
    expired: integer("expired").notNull().default(0),
    ...waitAndServiceFigures(),
    appointmentsKept: integer("appointments_kept").notNull().default(0),
    appointmentsMissed: integer("appointments_missed").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.centreId, t.day, t.hour, t.serviceId] }),
    index("hourly_service_stats_day_idx").on(t.day),
  ],
);

/** The same per local day, counter and employee: who called, served and how fast. */
export const dailyStaffStats = pgTable(
  "daily_staff_stats",
  {
    centreId: uuid("centre_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    counterId: uuid("counter_id").notNull(),
    userId: uuid("user_id").notNull(),
    called: integer("called").notNull().default(0),
    served: integer("served").notNull().default(0),
    noShows: integer("no_shows").notNull().default(0),
    ...waitAndServiceFigures(),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.day, t.counterId, t.userId] })],
);
