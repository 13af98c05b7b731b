import { and, desc, eq, gte, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { centres, feedback, ticketEvents, tickets } from "../../db/schema.js";

export type FeedbackRow = typeof feedback.$inferSelect;
export type NewFeedback = typeof feedback.$inferInsert;

/** What the rules need of the visit being rated. */
export interface RatedVisit {
  id: string;
  centreId: string;
  serviceId: string;
  counterId: string | null;
  status: string;
  finishedAt: Date | null;
  timezone: string;
}

const visitColumns = {
  id: tickets.id,
  centreId: tickets.centreId,
  serviceId: tickets.serviceId,
  counterId: tickets.counterId,
  status: tickets.status,
  finishedAt: tickets.finishedAt,
  timezone: centres.timezone,
};

export const feedbackRepository = {
  async visitByPublicId(ex: Executor, publicId: string): Promise<RatedVisit | null> {
    const [row] = await ex
      .select(visitColumns)
      .from(tickets)
      .innerJoin(centres, eq(centres.id, tickets.centreId))
      .where(eq(tickets.publicId, publicId));
    return row ?? null;
  },

  async visitById(ex: Executor, ticketId: string): Promise<RatedVisit | null> {
    const [row] = await ex
      .select(visitColumns)
      .from(tickets)
      .innerJoin(centres, eq(centres.id, tickets.centreId))
      .where(eq(tickets.id, ticketId));
    return row ?? null;
  },

  /** Who completed the visit, at which counter: the employee the rating is about. */
  async completion(
    ex: Executor,
    ticketId: string,
  ): Promise<{ userId: string | null; counterId: string | null }> {
    const [row] = await ex
      .select({ userId: ticketEvents.userId, counterId: ticketEvents.counterId })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.action, "complete")))
      .orderBy(desc(ticketEvents.id))
      .limit(1);
    return row ?? { userId: null, counterId: null };
  },

  async ofTicket(ex: Executor, ticketId: string): Promise<FeedbackRow | null> {
    const [row] = await ex.select().from(feedback).where(eq(feedback.ticketId, ticketId));
    return row ?? null;
  },

  async insert(ex: Executor, values: NewFeedback): Promise<FeedbackRow> {
    const [row] = await ex.insert(feedback).values(values).returning();
    if (!row) throw new Error("feedback insert returned nothing");
    return row;
  },

  /** The visit that last ended at a counter since `since` (on that service day) and has no rating yet. */
  async lastUnratedAtCounter(
    ex: Executor,
    args: { centreId: string; serviceDay: string; counterId: string; since: Date },
  ) {
    const [row] = await ex
      .select({ id: tickets.id, code: tickets.code, finishedAt: tickets.finishedAt })
      .from(tickets)
      .leftJoin(feedback, eq(feedback.ticketId, tickets.id))
      .where(
        and(
          eq(tickets.centreId, args.centreId),
          eq(tickets.serviceDay, args.serviceDay),
          eq(tickets.counterId, args.counterId),
          eq(tickets.status, "done"),
          gte(tickets.finishedAt, args.since),
          isNull(feedback.id),
        ),
      )
      .orderBy(desc(tickets.finishedAt))
      .limit(1);
    return row?.finishedAt ? { id: row.id, code: row.code, finishedAt: row.finishedAt } : null;
  },
};
