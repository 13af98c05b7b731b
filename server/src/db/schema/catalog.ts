import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { LocalizedText, OpeningHours, PolicyWeights } from "@dost/shared";
import { createdAt, id } from "./columns.js";

export const centres = pgTable(
  "centres",
  {
    id: id(),
    code: text("code").notNull().unique(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    timezone: text("timezone").notNull(),
    openingHours: jsonb("opening_hours").$type<OpeningHours>().notNull(),
    policy: jsonb("policy").$type<PolicyWeights>().notNull(),
    displayMessage: jsonb("display_message").$type<LocalizedText | null>(),
    bookingWindowDays: integer("booking_window_days").notNull().default(30),
    bookingLeadMinutes: integer("booking_lead_minutes").notNull().default(60),
    /** Kiosks stop issuing this long before closing, so everyone with a ticket is served in hours. */
    lastTicketMinutesBeforeClosing: integer("last_ticket_minutes_before_closing").notNull().default(30),
    /** Listed to the public; a centre being set up or closed down is not. */
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      "centres_last_ticket_range",
      sql`${t.lastTicketMinutesBeforeClosing} >= 0 AND ${t.lastTicketMinutesBeforeClosing} <= 240`,
    ),
  ],
);

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
    /** The default prefix; each centre's own is on centre_services. */
    prefix: text("prefix").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    category: text("category").notNull(),
    /** What to bring. */
    documents: jsonb("documents")
      .$type<LocalizedText[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    handlingMinutes: integer("handling_minutes").notNull(),
    targetWaitMinutes: integer("target_wait_minutes").notNull(),
    appointmentEnabled: boolean("appointment_enabled").notNull().default(false),
    slotMinutes: integer("slot_minutes").notNull().default(20),
    /** How many appointments one slot takes: the counters the centre sets aside for bookings. */
    slotCapacity: integer("slot_capacity").notNull().default(2),
    /** Withdrawn services stay for history but are offered nowhere. */
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    check("services_prefix_letters", sql`${t.prefix} ~ '^[A-Z]{1,3}$'`),
    check("services_handling_positive", sql`${t.handlingMinutes} > 0`),
    check("services_slots_positive", sql`${t.slotMinutes} > 0 AND ${t.slotCapacity} >= 0`),
  ],
);

/**
 * Which centre offers which service, with the centre's own settings: its prefix (the effective one,
 * unique per centre, which ticket codes use), and optional overrides of the catalogue's slot
 * capacity and target wait.
 */
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
    prefix: text("prefix").notNull(),
    slotCapacity: integer("slot_capacity"),
    targetWaitMinutes: integer("target_wait_minutes"),
  },
  (t) => [
    primaryKey({ columns: [t.centreId, t.serviceId] }),
    uniqueIndex("centre_services_prefix_uq").on(t.centreId, t.prefix),
    check("centre_services_prefix_letters", sql`${t.prefix} ~ '^[A-Z]{1,3}$'`),
    check(
      "centre_services_overrides_range",
      sql`(${t.slotCapacity} IS NULL OR ${t.slotCapacity} >= 0) AND (${t.targetWaitMinutes} IS NULL OR ${t.targetWaitMinutes} > 0)`,
    ),
  ],
);

/**
 * A centre's slot capacity for one service in one local hour of the day (slots starting in it),
 * overriding the service's (the offer's, else the catalogue's) for that hour only: the morning peak
 * may take fewer appointments than the quiet afternoon. Hours without a row use the service's.
 */
export const serviceHourCapacities = pgTable(
  "service_hour_capacities",
  {
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id),
    hour: integer("hour").notNull(),
    capacity: integer("capacity").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.centreId, t.serviceId, t.hour] }),
    check("service_hour_capacities_range", sql`${t.hour} >= 0 AND ${t.hour} <= 23 AND ${t.capacity} >= 0`),
  ],
);
