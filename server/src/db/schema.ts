/**
 * The database schema, one file per area under schema/; drizzle-kit reads those files and
 * everything else imports from here.
 */
export * from "./schema/catalog.js";
export * from "./schema/people.js";
export * from "./schema/queue.js";
export * from "./schema/appointments.js";
export * from "./schema/stats.js";
export * from "./schema/audit.js";
export * from "./schema/devices.js";
export * from "./schema/feedback.js";
export * from "./schema/alerts.js";
