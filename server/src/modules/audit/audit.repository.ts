import { and, desc, eq, gte, lt, lte, or, type SQL } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { auditEvents } from "../../db/schema.js";
import { UUID_PATTERN } from "../../lib/tokens.js";

export type AuditRow = typeof auditEvents.$inferSelect;
export type NewAuditRow = typeof auditEvents.$inferInsert;

export interface AuditFilter {
  /** null: every centre. */
  centreId: string | null;
  from?: Date | undefined;
  to?: Date | undefined;
  actor?: string | undefined;
  kind?: string | undefined;
  /** Events older than this id (the previous page's last). */
  before?: number | undefined;
  limit: number;
}

export const auditRepository = {
  async insert(ex: Executor, row: NewAuditRow): Promise<void> {
    await ex.insert(auditEvents).values(row);
  },

  /** Newest first; the id orders events written in one transaction too. */
  async list(ex: Executor, filter: AuditFilter): Promise<AuditRow[]> {
    const where: (SQL | undefined)[] = [];
    if (filter.centreId) where.push(eq(auditEvents.centreId, filter.centreId));
    if (filter.from) where.push(gte(auditEvents.at, filter.from));
    if (filter.to) where.push(lte(auditEvents.at, filter.to));
    if (filter.kind) where.push(eq(auditEvents.kind, filter.kind));
    if (filter.before !== undefined) where.push(lt(auditEvents.id, filter.before));
    if (filter.actor) {
      where.push(
        UUID_PATTERN.test(filter.actor)
          ? or(
              eq(auditEvents.actorUserId, filter.actor.toLowerCase()),
              eq(auditEvents.actorDeviceId, filter.actor.toLowerCase()),
            )
          : eq(auditEvents.actorName, filter.actor),
      );
    }
    return ex
      .select()
      .from(auditEvents)
      .where(and(...where))
      .orderBy(desc(auditEvents.id))
      .limit(filter.limit);
  },
};
