import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { TicketStatus } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { namedStatement, tableFields } from "../../db/prepared.js";
import {
  counters,
  idempotencyKeys,
  ticketEvents,
  ticketNumbers,
  tickets,
  type TicketRow,
} from "../../db/schema.js";

export type TicketEventValues = typeof ticketEvents.$inferInsert;
/** A ticket's change as the lifecycle states it; `countCall` adds one to its calls. */
export type TicketChanges = Partial<
  Pick<TicketRow, "status" | "counterId" | "calledAt" | "startedAt" | "finishedAt" | "serviceId">
> & { countCall?: boolean };

/** What one statement needs to issue a ticket (see `issueAtOnce`). */
export interface IssueAtOnceArgs {
  ticketId: string;
  publicId: string;
  centreId: string;
  serviceId: string;
  serviceDay: string;
  priority: TicketRow["priority"];
  language: TicketRow["language"];
  now: Date;
  userId: string | null;
  deviceId: string | null;
  /** With an Idempotency-Key: the caller's key space, the key and the request's fingerprint. */
  idempotency: { principal: string; key: string; requestHash: string } | null;
}

const p = (name: keyof IssueAtOnceArgs | "key" | "principal" | "requestHash") => sql.placeholder(name);

/**
 * Issuing in one statement, so in one round trip with no transaction around it: the service check,
 * the key claim, the day's next number, the ticket and its event. A statement is atomic, and the
 * numbering row stays locked for this one statement only. Every step feeds the next through its
 * RETURNING rows, so nothing is written for a service the centre does not offer, or for a key
 * already held (ON CONFLICT DO NOTHING waits for a concurrent holder to commit, then skips).
 * The prefix is the centre's own (the offer's, as `serviceOfCentre` reads it). The code pads like
 * `ticketCode` (three digits at least, never cut).
 */
const issueStatement = namedStatement<TicketRow>(
  "dost_issue_ticket",
  tableFields(tickets),
  (columns) => sql`
    WITH svc AS (
      SELECT s.id, cs.prefix FROM centre_services cs JOIN services s ON s.id = cs.service_id
       WHERE cs.centre_id = ${p("centreId")}::uuid AND cs.service_id = ${p("serviceId")}::uuid AND s.active
    ), claim AS (
      INSERT INTO idempotency_keys (principal, key, request_hash, created_at, ticket_id)
      SELECT ${p("principal")}::text, ${p("key")}::text, ${p("requestHash")}::text,
             ${p("now")}::timestamptz, ${p("ticketId")}::uuid
        FROM svc WHERE ${p("key")}::text IS NOT NULL
      ON CONFLICT DO NOTHING RETURNING 1
    ), num AS (
      INSERT INTO ticket_numbers (centre_id, service_day, prefix, last)
      SELECT ${p("centreId")}::uuid, ${p("serviceDay")}::date, svc.prefix, 1 FROM svc
       WHERE ${p("key")}::text IS NULL OR EXISTS (SELECT 1 FROM claim)
      ON CONFLICT (centre_id, service_day, prefix) DO UPDATE SET last = ticket_numbers.last + 1
      RETURNING prefix, last
    ), ins AS (
      INSERT INTO tickets (id, public_id, centre_id, service_id, service_day, prefix, number, code,
                           priority, language, issued_at, queued_at)
      SELECT ${p("ticketId")}::uuid, ${p("publicId")}::text, ${p("centreId")}::uuid, svc.id,
             ${p("serviceDay")}::date, num.prefix, num.last,
             num.prefix || CASE WHEN num.last < 100 THEN lpad(num.last::text, 3, '0') ELSE num.last::text END,
             ${p("priority")}::text, ${p("language")}::text, ${p("now")}::timestamptz, ${p("now")}::timestamptz
        FROM svc, num
      RETURNING *
    ), ev AS (
      INSERT INTO ticket_events (ticket_id, centre_id, at, action, from_status, to_status, service_id,
                                 user_id, device_id)
      SELECT id, centre_id, issued_at, 'issue', NULL, 'waiting', service_id,
             ${p("userId")}::uuid, ${p("deviceId")}::uuid
        FROM ins
    )
    SELECT ${columns} FROM ins`,
);

const counterRef = { id: counters.id, label: counters.label, zone: counters.zone, userId: counters.userId };

export const ticketsRepository = {
  /**
   * Claims an idempotency key for this caller. Returns what the key already holds (the ticket it
   * produced and the fingerprint of its request), `null` when the key is new (and now held by this
   * transaction, so a concurrent retry waits for it).
   */
  async claimIdempotencyKey(
    ex: Executor,
    principal: string,
    key: string,
    requestHash: string,
    now: Date,
  ): Promise<{ ticketId: string | null; requestHash: string | null } | null> {
    const inserted = await ex
      .insert(idempotencyKeys)
      .values({ principal, key, requestHash, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) return null;
    const [row] = await ex
      .select({
        ticketId: idempotencyKeys.ticketId,
        requestHash: idempotencyKeys.requestHash,
        createdAt: idempotencyKeys.createdAt,
      })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)))
      .for("update");
    if (!row) return null;
    if (now.getTime() - row.createdAt.getTime() > 24 * 3_600_000) {
      // An expired key is a new request: take it over.
      await ex
        .update(idempotencyKeys)
        .set({ createdAt: now, ticketId: null, requestHash })
        .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
      return null;
    }
    return { ticketId: row.ticketId, requestHash: row.requestHash };
  },

  async bindIdempotencyKey(ex: Executor, principal: string, key: string, ticketId: string) {
    await ex
      .update(idempotencyKeys)
      .set({ ticketId })
      .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  },

  /**
   * Issues a walk-in ticket in one statement (see issueStatement). Null when nothing was written:
   * the service is not offered here, or the Idempotency-Key is already held; the caller then takes
   * the transactional path, which tells which.
   */
  async issueAtOnce(ex: Executor, args: IssueAtOnceArgs): Promise<TicketRow | null> {
    const { idempotency, now, ...rest } = args;
    const [row] = await issueStatement.run(ex, {
      ...rest,
      now: now.toISOString(),
      principal: idempotency?.principal ?? null,
      key: idempotency?.key ?? null,
      requestHash: idempotency?.requestHash ?? null,
    });
    return row ?? null;
  },

  /** The next number of the day for a prefix: atomic and gapless, as the row lock serialises it. */
  async nextNumber(ex: Executor, centreId: string, serviceDay: string, prefix: string): Promise<number> {
    const [row] = await ex
      .insert(ticketNumbers)
      .values({ centreId, serviceDay, prefix, last: 1 })
      .onConflictDoUpdate({
        target: [ticketNumbers.centreId, ticketNumbers.serviceDay, ticketNumbers.prefix],
        set: { last: sql`${ticketNumbers.last} + 1` },
      })
      .returning({ last: ticketNumbers.last });
    if (!row) throw new Error("numbering upsert returned nothing");
    return row.last;
  },

  async insert(ex: Executor, values: typeof tickets.$inferInsert): Promise<TicketRow> {
    const [row] = await ex.insert(tickets).values(values).returning();
    if (!row) throw new Error("ticket insert returned nothing");
    return row;
  },

  /** Keeps the wait a new ticket was first shown with; never overwrites an earlier quote. */
  async recordQuote(
    ex: Executor,
    ticketId: string,
    quote: { minutes: number; range: { low: number; high: number } | null },
  ): Promise<void> {
    await ex
      .update(tickets)
      .set({
        // Whole minutes, as the visitor reads them.
        quotedWaitMinutes: Math.round(quote.minutes),
        quotedWaitLow: quote.range ? Math.floor(quote.range.low) : null,
        quotedWaitHigh: quote.range ? Math.ceil(quote.range.high) : null,
      })
      .where(and(eq(tickets.id, ticketId), sql`${tickets.quotedWaitMinutes} IS NULL`));
  },

  async appendEvent(ex: Executor, values: TicketEventValues): Promise<void> {
    await ex.insert(ticketEvents).values(values);
  },

  async findWithCounter(ex: Executor, ticketId: string, lock = false) {
    const query = ex
      .select({ ticket: tickets, counter: counterRef })
      .from(tickets)
      .leftJoin(counters, eq(counters.id, tickets.counterId))
      .where(eq(tickets.id, ticketId));
    const [row] = await (lock ? query.for("update", { of: tickets }) : query);
    return row ?? null;
  },

  async findByPublicId(ex: Executor, publicId: string) {
    const [row] = await ex
      .select({ ticket: tickets, counter: counterRef })
      .from(tickets)
      .leftJoin(counters, eq(counters.id, tickets.counterId))
      .where(eq(tickets.publicId, publicId));
    return row ?? null;
  },

  async centreOf(ex: Executor, ticketId: string): Promise<string | null> {
    const [row] = await ex
      .select({ centreId: tickets.centreId })
      .from(tickets)
      .where(eq(tickets.id, ticketId));
    return row?.centreId ?? null;
  },

  async list(
    ex: Executor,
    filter: { centreId: string; serviceDay: string; status?: TicketStatus; serviceId?: string },
  ) {
    return ex
      .select({ ticket: tickets, counter: counterRef })
      .from(tickets)
      .leftJoin(counters, eq(counters.id, tickets.counterId))
      .where(
        and(
          eq(tickets.centreId, filter.centreId),
          eq(tickets.serviceDay, filter.serviceDay),
          filter.status ? eq(tickets.status, filter.status) : undefined,
          filter.serviceId ? eq(tickets.serviceId, filter.serviceId) : undefined,
        ),
      )
      .orderBy(asc(tickets.issuedAt))
      .limit(2000);
  },

  /**
   * A status change guarded in SQL: it happens only if the ticket is still in one of `from`, so a
   * stale read can never move a ticket along a forbidden edge. Returns null when the guard failed.
   */
  async transition(
    ex: Executor,
    ticketId: string,
    from: readonly TicketStatus[],
    changes: TicketChanges,
  ): Promise<TicketRow | null> {
    const { countCall, ...columns } = changes;
    const [row] = await ex
      .update(tickets)
      .set(countCall ? { ...columns, callCount: sql`${tickets.callCount} + 1` } : columns)
      .where(and(eq(tickets.id, ticketId), inArray(tickets.status, [...from])))
      .returning();
    return row ?? null;
  },

  /** Waiting tickets of past service days, or of today once the centre has closed, become expired. */
  async expireWaiting(
    ex: Executor,
    args: {
      centreId: string;
      today: string;
      /** Expire today's waiting tickets issued before this moment too (the day's closing, passed). */
      todayIssuedBefore: Date | null;
      now: Date;
    },
  ): Promise<number> {
    const expired = await ex
      .update(tickets)
      .set({ status: "expired", finishedAt: args.now })
      .where(
        and(
          eq(tickets.centreId, args.centreId),
          eq(tickets.status, "waiting"),
          args.todayIssuedBefore
            ? sql`(${tickets.serviceDay} < ${args.today} OR (${tickets.serviceDay} = ${args.today} AND ${tickets.issuedAt} < ${args.todayIssuedBefore}))`
            : sql`${tickets.serviceDay} < ${args.today}`,
        ),
      )
      .returning({ id: tickets.id, serviceId: tickets.serviceId });
    if (expired.length > 0) {
      await ex.insert(ticketEvents).values(
        expired.map((t) => ({
          ticketId: t.id,
          centreId: args.centreId,
          at: args.now,
          action: "expire",
          fromStatus: "waiting",
          toStatus: "expired",
          serviceId: t.serviceId,
        })),
      );
    }
    return expired.length;
  },

  async dropIdempotencyKeysBefore(ex: Executor, before: Date): Promise<void> {
    await ex.delete(idempotencyKeys).where(sql`${idempotencyKeys.createdAt} < ${before}`);
  },
};
