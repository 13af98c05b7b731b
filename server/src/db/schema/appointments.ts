import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { at, id } from "./columns.js";
import { centres, services } from "./catalog.js";
import { tickets } from "./queue.js";

/** Constraint names the services recognise when a write is refused (see db/errors.ts). */
export const ONE_BOOKING_PER_PHONE = "appointments_one_per_phone_uq";
export const UNIQUE_APPOINTMENT_CODE = "appointments_code_unique";

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
    uniqueIndex(ONE_BOOKING_PER_PHONE)
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

/**
 * Outbox of texts to citizens, written in the transaction that causes them; a job sends them.
 *
 * A dispatcher claims due rows in one short statement (`sending`, its own `lease_token`, a
 * `lease_expires_at` in the database's time), sends with no transaction open, then records the
 * outcome only while it still holds the lease. A process that dies mid-send leaves `sending` rows
 * whose lease runs out, and another dispatcher takes them again.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    /** A walk-in ticket whose visitor left a phone at the kiosk (texts about that ticket). */
    ticketId: uuid("ticket_id").references(() => tickets.id),
    kind: text("kind", {
      enum: ["booking_confirmed", "reminder", "turn_near", "booking_cancelled", "ticket_called"],
    }).notNull(),
    channel: text("channel", { enum: ["sms"] })
      .notNull()
      .default("sms"),
    recipient: text("recipient"),
    language: text("language", { enum: ["az", "ru", "en"] }).notNull(),
    body: text("body"),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    /** Counted when a dispatcher claims the row, so a message that kills its sender still runs out. */
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull(),
    leaseToken: uuid("lease_token"),
    leaseExpiresAt: at("lease_expires_at"),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull(),
    sentAt: at("sent_at"),
    /** The provider's own id for the message, when its answer names one. */
    providerMessageId: text("provider_message_id"),
    /** What the provider's delivery report said last; null until one arrives. */
    deliveryStatus: text("delivery_status", { enum: ["delivered", "failed"] }),
    deliveryError: text("delivery_error"),
    deliveryReportedAt: at("delivery_reported_at"),
  },
  (t) => [
    index("notifications_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("notifications_lease_idx")
      .on(t.leaseExpiresAt)
      .where(sql`${t.status} = 'sending'`),
    index("notifications_provider_id_idx")
      .on(t.providerMessageId)
      .where(sql`${t.providerMessageId} IS NOT NULL`),
    // Each kind of message goes out at most once per appointment.
    uniqueIndex("notifications_once_uq").on(t.appointmentId, t.kind),
    // … and at most once per ticket.
    uniqueIndex("notifications_ticket_once_uq").on(t.ticketId, t.kind),
  ],
);
