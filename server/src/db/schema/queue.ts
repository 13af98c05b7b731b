import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
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
import { users } from "./people.js";

export const counters = pgTable(
  "counters",
  {
    id: id(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id),
    label: text("label").notNull(),
    zone: text("zone").notNull().default("main"),
    /** A counter taken out of use keeps its history but cannot be opened. */
    active: boolean("active").notNull().default(true),
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
    /**
     * The wait the visitor was quoted when the ticket was issued, and its band: kept so the
     * estimate's accuracy can be published. Null on tickets issued before quotes were kept.
     */
    quotedWaitMinutes: integer("quoted_wait_minutes"),
    quotedWaitLow: integer("quoted_wait_low"),
    quotedWaitHigh: integer("quoted_wait_high"),
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

/** A ticket as stored; the contract's Ticket adds its counter and its place (queue/ticket-view.ts). */
export type TicketRow = typeof tickets.$inferSelect;

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

/**
 * The phone a visitor left at the kiosk for texts about one ticket ("your turn is near", "called").
 * Kept apart from the ticket so no read of tickets can carry it to a screen; deleted once the
 * ticket is called (its texts are in the outbox by then) or leaves the queue otherwise.
 */
export const ticketContacts = pgTable("ticket_contacts", {
  ticketId: uuid("ticket_id")
    .primaryKey()
    .references(() => tickets.id, { onDelete: "cascade" }),
  /** E.164, as shared's phoneSchema stores it. */
  phone: text("phone").notNull(),
});

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
    /**
     * A fingerprint of the request the key was first used with (SHA-256 of its centre and body):
     * the same key with another body is refused (IETF Idempotency-Key draft). Null on keys stored
     * before it was kept, which match any body.
     */
    requestHash: text("request_hash"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.principal, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);
