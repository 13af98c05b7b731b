import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Column shapes every table uses the same way. */
export const id = () => uuid("id").primaryKey().defaultRandom();
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const createdAt = () => at("created_at").notNull().defaultNow();
