import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { LocalizedText, OpeningHours, PolicyWeights } from "@dost/shared";

const id = () => uuid("id").primaryKey().defaultRandom();
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => at("created_at").notNull().defaultNow();

export const centres = pgTable("centres", {
  id: id(),
  code: text("code").notNull().unique(),
  name: jsonb("name").$type<LocalizedText>().notNull(),
  timezone: text("timezone").notNull(),
  openingHours: jsonb("opening_hours").$type<OpeningHours>().notNull(),
  policy: jsonb("policy").$type<PolicyWeights>().notNull(),
  displayMessage: jsonb("display_message").$type<LocalizedText | null>(),
  bookingWindowDays: integer("booking_window_days").notNull().default(30),
  bookingLeadMinutes: integer("booking_lead_minutes").notNull().default(60),
  createdAt: createdAt(),
});

/** Days a centre is closed: public holidays (no centre: every centre) and a centre's own. */
export const closedDates = pgTable(
  "closed_dates",
  {
    id: id(),
    centreId: uuid("centre_id").references(() => centres.id),
    date: date("date", { mode: "string" }).notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
  },
  (t) => [
    uniqueIndex("closed_dates_uq").on(
      t.date,
      sql`coalesce(${t.centreId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

export const services = pgTable(
  "services",
  {
    id: id(),
    code: text("code").notNull().unique(),
    prefix: text("prefix").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    category: text("category").notNull(),
    handlingMinutes: integer("handling_minutes").notNull(),
    targetWaitMinutes: integer("target_wait_minutes").notNull(),
    appointmentEnabled: boolean("appointment_enabled").notNull().default(false),
    slotMinutes: integer("slot_minutes").notNull().default(20),
    /** How many appointments one slot takes: the counters the centre sets aside for bookings. */
    slotCapacity: integer("slot_capacity").notNull().default(2),
    createdAt: createdAt(),
  },
  (t) => [
    check("services_prefix_letter", sql`${t.prefix} ~ '^[A-Z]$'`),
    check("services_handling_positive", sql`${t.handlingMinutes} > 0`),
    check("services_slots_positive", sql`${t.slotMinutes} > 0 AND ${t.slotCapacity} >= 0`),
  ],
);

/** Which centre offers which service. */
export const centreServices = pgTable(
  "centre_services",
  {
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.serviceId] })],
);

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

export const counters = pgTable(
  "counters",
  {
    id: id(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id),
    label: text("label").notNull(),
    zone: text("zone").notNull().default("main"),
    status: text("status", { enum: ["closed", "open", "break"] })
      .notNull()
      .default("closed"),
    /** One counter per user: the unique index enforces it even under concurrent opens. */
    userId: uuid("user_id")
      .references(() => users.id)
      .unique(),
    serviceIds: uuid("service_ids")
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    breakReason: text("break_reason"),
    statusSince: at("status_since"),
  },
  (t) => [
    uniqueIndex("counters_centre_label_uq").on(t.centreId, t.label),
    check("counters_staffed_when_open", sql`(${t.status} = 'closed') = (${t.userId} IS NULL)`),
  ],
);

export const tickets = pgTable(
  "tickets",
  {
    id: id(),
    publicId: text("public_id").notNull().unique(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    serviceDay: date("service_day", { mode: "string" }).notNull(),
    prefix: text("prefix").notNull(),
    number: integer("number").notNull(),
    code: text("code").notNull(),
    status: text("status", {
      enum: ["waiting", "called", "serving", "done", "no_show", "cancelled", "expired"],
    })
      .notNull()
      .default("waiting"),
    priority: text("priority", {
      enum: ["none", "disability", "veteran", "martyr_family", "elderly", "pregnant"],
    })
      .notNull()
      .default("none"),
    language: text("language", { enum: ["az", "ru", "en"] })
      .notNull()
      .default("az"),
    issuedAt: at("issued_at").notNull(),
    /** What the queue policy counts waiting from; a transfer keeps it. */
    queuedAt: at("queued_at").notNull(),
    appointmentAt: at("appointment_at"),
    calledAt: at("called_at"),
    startedAt: at("started_at"),
    finishedAt: at("finished_at"),
    counterId: uuid("counter_id").references(() => counters.id),
    callCount: integer("call_count").notNull().default(0),
    /** The appointment this ticket was checked in from, if any. */
    appointmentId: uuid("appointment_id"),
  },
  (t) => [
    uniqueIndex("tickets_number_uq").on(t.centreId, t.serviceDay, t.prefix, t.number),
    // A counter holds at most one visitor at a time, whatever the application does.
    uniqueIndex("tickets_one_per_counter_uq")
      .on(t.counterId)
      .where(sql`${t.status} IN ('called', 'serving')`),
    index("tickets_waiting_idx")
      .on(t.centreId, t.serviceId, t.queuedAt)
      .where(sql`${t.status} = 'waiting'`),
    index("tickets_centre_day_idx").on(t.centreId, t.serviceDay),
    check(
      "tickets_counter_when_at_counter",
      sql`${t.status} NOT IN ('called', 'serving') OR ${t.counterId} IS NOT NULL`,
    ),
  ],
);

/** Append-only audit trail of every ticket change; the source of every report. */
export const ticketEvents = pgTable(
  "ticket_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    centreId: uuid("centre_id").notNull(),
    at: at("at").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    serviceId: uuid("service_id").notNull(),
    counterId: uuid("counter_id"),
    userId: uuid("user_id"),
    deviceId: uuid("device_id"),
    note: text("note"),
  },
  (t) => [
    index("ticket_events_ticket_idx").on(t.ticketId),
    index("ticket_events_centre_at_idx").on(t.centreId, t.at),
  ],
);

/** Gapless numbering: one row per centre, service day and prefix, bumped in the issuing transaction. */
export const ticketNumbers = pgTable(
  "ticket_numbers",
  {
    centreId: uuid("centre_id").notNull(),
    serviceDay: date("service_day", { mode: "string" }).notNull(),
    prefix: text("prefix").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.serviceDay, t.prefix] })],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    /** `device:<id>` or `user:<id>`: a key is only ever compared with its own caller's keys. */
    principal: text("principal").notNull(),
    key: text("key").notNull(),
    ticketId: uuid("ticket_id").references(() => tickets.id),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.principal, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);

export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    code: text("code").notNull().unique(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    serviceDay: date("service_day", { mode: "string" }).notNull(),
    start: at("start").notNull(),
    end: at("end").notNull(),
    status: text("status", { enum: ["booked", "checked_in", "cancelled", "no_show"] })
      .notNull()
      .default("booked"),
    language: text("language", { enum: ["az", "ru", "en"] })
      .notNull()
      .default("az"),
    /** Personal data, kept only until the retention period ends (then null, `purgedAt` set). */
    citizenName: text("citizen_name"),
    citizenPhone: text("citizen_phone"),
    citizenPin: text("citizen_pin"),
    ticketId: uuid("ticket_id").references(() => tickets.id),
    createdAt: at("created_at").notNull(),
    checkedInAt: at("checked_in_at"),
    cancelledAt: at("cancelled_at"),
    purgedAt: at("purged_at"),
  },
  (t) => [
    index("appointments_centre_day_idx").on(t.centreId, t.serviceDay),
    // One active booking per phone and service per day, even under concurrent requests.
    uniqueIndex("appointments_one_per_phone_uq")
      .on(t.citizenPhone, t.serviceId, t.serviceDay)
      .where(sql`${t.status} IN ('booked', 'checked_in')`),
  ],
);

/**
 * Seats taken per slot. Booking increments `booked` only while it is below `capacity`, in one
 * statement, so concurrent bookings can never over-fill a slot.
 */
export const appointmentSlots = pgTable(
  "appointment_slots",
  {
    centreId: uuid("centre_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    start: at("start").notNull(),
    capacity: integer("capacity").notNull(),
    booked: integer("booked").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.centreId, t.serviceId, t.start] }),
    check("appointment_slots_not_overfilled", sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
  ],
);

/** Outbox of texts to citizens, written in the transaction that causes them; a job sends them. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    kind: text("kind", {
      enum: ["booking_confirmed", "reminder", "turn_near", "booking_cancelled"],
    }).notNull(),
    channel: text("channel", { enum: ["sms"] })
      .notNull()
      .default("sms"),
    recipient: text("recipient"),
    language: text("language", { enum: ["az", "ru", "en"] }).notNull(),
    body: text("body"),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull(),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull(),
    sentAt: at("sent_at"),
  },
  (t) => [
    index("notifications_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    // Each kind of message goes out at most once per appointment.
    uniqueIndex("notifications_once_uq").on(t.appointmentId, t.kind),
  ],
);

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
    waitCount: integer("wait_count").notNull().default(0),
    waitSeconds: doublePrecision("wait_seconds").notNull().default(0),
    withinTarget: integer("within_target").notNull().default(0),
    ...waitBins(),
    serviceCount: integer("service_count").notNull().default(0),
    serviceSeconds: doublePrecision("service_seconds").notNull().default(0),
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
    waitCount: integer("wait_count").notNull().default(0),
    waitSeconds: doublePrecision("wait_seconds").notNull().default(0),
    withinTarget: integer("within_target").notNull().default(0),
    ...waitBins(),
    serviceCount: integer("service_count").notNull().default(0),
    serviceSeconds: doublePrecision("service_seconds").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.day, t.counterId, t.userId] })],
);
