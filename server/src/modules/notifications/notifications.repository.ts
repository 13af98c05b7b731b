import { and, eq, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { notifications } from "../../db/schema.js";

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationValues = typeof notifications.$inferInsert;

/** What a dispatcher needs of a claimed message; the rest of the row stays in the database. */
export type ClaimedNotification = Pick<
  NotificationRow,
  "id" | "kind" | "channel" | "recipient" | "body" | "attempts"
>;

/** `now() + <ms> milliseconds`: leases run on the database's clock, the one every process shares. */
const leaseUntil = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

export const notificationsRepository = {
  /** Adds a message to the outbox; a second one of a kind for the same appointment or ticket is ignored. */
  async enqueue(ex: Executor, values: NotificationValues): Promise<void> {
    await ex.insert(notifications).values(values).onConflictDoNothing();
  },

  /**
   * Takes up to `limit` due messages for one dispatcher, in one statement: pending ones whose time
   * has come, and `sending` ones whose lease ran out (their sender died). SKIP LOCKED lets two
   * dispatchers claim at once without waiting on each other; the claim counts as an attempt.
   */
  async claimDue(
    ex: Executor,
    opts: { now: Date; limit: number; leaseToken: string; leaseMs: number },
  ): Promise<ClaimedNotification[]> {
    const due = ex
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        or(
          and(eq(notifications.status, "pending"), lte(notifications.nextAttemptAt, opts.now)),
          and(eq(notifications.status, "sending"), lte(notifications.leaseExpiresAt, sql`now()`)),
        ),
      )
      .orderBy(notifications.nextAttemptAt)
      .limit(opts.limit)
      .for("update", { skipLocked: true });
    return ex
      .update(notifications)
      .set({
        status: "sending",
        leaseToken: opts.leaseToken,
        leaseExpiresAt: leaseUntil(opts.leaseMs),
        attempts: sql`${notifications.attempts} + 1`,
      })
      .where(inArray(notifications.id, due))
      .returning({
        id: notifications.id,
        kind: notifications.kind,
        channel: notifications.channel,
        recipient: notifications.recipient,
        body: notifications.body,
        attempts: notifications.attempts,
      });
  },

  /**
   * Extends this dispatcher's lease on one message just before it is handed to the gateway, for
   * the longest a send may take. False when the lease was lost (it ran out and another dispatcher
   * took the message): then this one must not send it.
   */
  async renewLease(ex: Executor, id: string, leaseToken: string, leaseMs: number): Promise<boolean> {
    const rows = await ex
      .update(notifications)
      .set({ leaseExpiresAt: leaseUntil(leaseMs) })
      .where(
        and(
          eq(notifications.id, id),
          eq(notifications.status, "sending"),
          eq(notifications.leaseToken, leaseToken),
        ),
      )
      .returning({ id: notifications.id });
    return rows.length > 0;
  },

  /** Each outcome is written only by the dispatcher that still holds the lease. */
  async markSent(
    ex: Executor,
    id: string,
    leaseToken: string,
    now: Date,
    providerMessageId: string | null,
  ): Promise<void> {
    await ex
      .update(notifications)
      .set({
        status: "sent",
        sentAt: now,
        providerMessageId,
        lastError: null,
        leaseToken: null,
        leaseExpiresAt: null,
      })
      .where(ownedBy(id, leaseToken));
  },

  /** Back to `pending` for another attempt at `next`, or `failed` for good when `next` is null. */
  async markFailed(
    ex: Executor,
    id: string,
    leaseToken: string,
    error: string,
    next: Date | null,
  ): Promise<void> {
    await ex
      .update(notifications)
      .set({
        lastError: error.slice(0, 500),
        leaseToken: null,
        leaseExpiresAt: null,
        ...(next ? { status: "pending" as const, nextAttemptAt: next } : { status: "failed" as const }),
      })
      .where(ownedBy(id, leaseToken));
  },

  /**
   * Records a provider's delivery report, found by our id or the provider's. A report may arrive
   * before the send is recorded (the provider can be faster than our UPDATE), so the send status is
   * not consulted; a `delivered` is final and a later `failed` does not undo it.
   */
  async recordDelivery(
    ex: Executor,
    ref: { id?: string | undefined; providerMessageId?: string | undefined },
    report: { status: "delivered" | "failed"; error: string | null; at: Date },
  ): Promise<boolean> {
    const match = refMatch(ref);
    const rows = await ex
      .update(notifications)
      .set({
        deliveryStatus: report.status,
        deliveryError: report.error?.slice(0, 500) ?? null,
        deliveryReportedAt: report.at,
      })
      .where(
        and(
          match,
          or(isNull(notifications.deliveryStatus), sql`${notifications.deliveryStatus} <> 'delivered'`),
        ),
      )
      .returning({ id: notifications.id });
    // Nothing changed: either no such message, or it was already delivered (a repeated report).
    return rows.length > 0 || notificationsRepository.exists(ex, ref);
  },

  async exists(
    ex: Executor,
    ref: { id?: string | undefined; providerMessageId?: string | undefined },
  ): Promise<boolean> {
    const [row] = await ex.select({ id: notifications.id }).from(notifications).where(refMatch(ref)).limit(1);
    return row !== undefined;
  },

  /** Phone numbers and texts leave the outbox with the appointment's personal data. */
  async purgeBefore(ex: Executor, before: Date): Promise<void> {
    await ex
      .update(notifications)
      .set({ recipient: null, body: null })
      .where(
        and(
          sql`${notifications.createdAt} < ${before}`,
          sql`${notifications.status} NOT IN ('pending', 'sending')`,
        ),
      );
  },

  /**
   * A walk-in ticket's texts need their number and words only until sent or given up: no booking
   * to look back on, so they are blanked at once rather than after the retention period.
   */
  async purgeTicketTexts(ex: Executor): Promise<void> {
    await ex
      .update(notifications)
      .set({ recipient: null, body: null })
      .where(
        and(
          isNotNull(notifications.ticketId),
          isNotNull(notifications.recipient),
          sql`${notifications.status} NOT IN ('pending', 'sending')`,
        ),
      );
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

const refMatch = (ref: { id?: string | undefined; providerMessageId?: string | undefined }) =>
  ref.id ? eq(notifications.id, ref.id) : eq(notifications.providerMessageId, ref.providerMessageId ?? "");

const ownedBy = (id: string, leaseToken: string) =>
  and(
    eq(notifications.id, id),
    eq(notifications.status, "sending"),
    eq(notifications.leaseToken, leaseToken),
  );
