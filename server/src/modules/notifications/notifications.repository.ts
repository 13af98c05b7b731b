import { and, eq, lte, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { notifications } from "../../db/schema.js";

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationValues = typeof notifications.$inferInsert;

export const notificationsRepository = {
  /** Adds a message to the outbox; a second one of the same kind for the same appointment is ignored. */
  async enqueue(ex: Executor, values: NotificationValues): Promise<void> {
    await ex.insert(notifications).values(values).onConflictDoNothing();
  },

  /** Due messages, locked so that another process's dispatcher skips them. */
  async lockDue(ex: Executor, now: Date, limit: number): Promise<NotificationRow[]> {
    return ex
      .select()
      .from(notifications)
      .where(and(eq(notifications.status, "pending"), lte(notifications.nextAttemptAt, now)))
      .orderBy(notifications.nextAttemptAt)
      .limit(limit)
      .for("update", { skipLocked: true });
  },

  async markSent(ex: Executor, id: string, now: Date): Promise<void> {
    await ex
      .update(notifications)
      .set({ status: "sent", sentAt: now, attempts: sql`${notifications.attempts} + 1` })
      .where(eq(notifications.id, id));
  },

  async markFailed(ex: Executor, id: string, error: string, next: Date | null): Promise<void> {
    await ex
      .update(notifications)
      .set({
        attempts: sql`${notifications.attempts} + 1`,
        lastError: error.slice(0, 500),
        ...(next ? { nextAttemptAt: next } : { status: "failed" as const }),
      })
      .where(eq(notifications.id, id));
  },

  /** Phone numbers and texts leave the outbox with the appointment's personal data. */
  async purgeBefore(ex: Executor, before: Date): Promise<void> {
    await ex
      .update(notifications)
      .set({ recipient: null, body: null })
      .where(and(sql`${notifications.createdAt} < ${before}`, sql`${notifications.status} <> 'pending'`));
  },

  /** Texts due and not sent yet, and how long the oldest has been due (for metrics). */
  async backlog(ex: Executor, now: Date): Promise<{ pending: number; oldestDueSeconds: number }> {
    const [row] = await ex
      .select({
        pending: sql<number>`count(*)::int`,
        oldestDueSeconds: sql<number>`coalesce(greatest(0, extract(epoch FROM ${now.toISOString()}::timestamptz - min(${notifications.nextAttemptAt}))), 0)::float8`,
      })
      .from(notifications)
      .where(and(eq(notifications.status, "pending"), lte(notifications.nextAttemptAt, now)));
    return { pending: row?.pending ?? 0, oldestDueSeconds: row?.oldestDueSeconds ?? 0 };
  },
};
