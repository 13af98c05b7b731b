import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at } from "./columns.js";

/**
 * Append-only record of who did what to the system: sign-ins (failed ones too), sign-outs, password
 * changes, every configuration change with its before and after, device use, out-of-order calls. A
 * trigger (migrations/0006) refuses UPDATE and DELETE. No foreign keys: a row outlives what it names.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: at("at").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorDeviceId: uuid("actor_device_id"),
    /** The username or device label as it was then; `system` for the installer and the demo seed. */
    actorName: text("actor_name").notNull(),
    /** The client's address (request.ip), when the change came over HTTP. */
    address: text("address"),
    centreId: uuid("centre_id"),
    kind: text("kind").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    note: text("note"),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_centre_idx").on(t.centreId, t.id),
    index("audit_events_kind_idx").on(t.kind, t.id),
  ],
);
