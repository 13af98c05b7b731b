import { and, desc, eq, inArray } from "drizzle-orm";
import type { LocalizedText, TicketCalled } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { centres, counters, ticketEvents, tickets } from "../../db/schema.js";

export const displayRepository = {
  /** The last calls and recalls of the service day, newest first, as `ticket:called` payloads. */
  async recentCalls(
    ex: Executor,
    centreId: string,
    serviceDay: string,
    limit: number,
    zone: string | undefined,
  ): Promise<TicketCalled[]> {
    const rows = await ex
      .select({
        at: ticketEvents.at,
        action: ticketEvents.action,
        ticketId: tickets.id,
        code: tickets.code,
        serviceId: ticketEvents.serviceId,
        counter: { id: counters.id, label: counters.label, zone: counters.zone },
      })
      .from(ticketEvents)
      .innerJoin(tickets, eq(tickets.id, ticketEvents.ticketId))
      .innerJoin(counters, eq(counters.id, ticketEvents.counterId))
      .where(
        and(
          eq(ticketEvents.centreId, centreId),
          inArray(ticketEvents.action, ["call", "recall"]),
          eq(tickets.serviceDay, serviceDay),
          zone === undefined ? undefined : eq(counters.zone, zone),
        ),
      )
      .orderBy(desc(ticketEvents.at), desc(ticketEvents.id))
      .limit(limit);
    return rows.map((r) => ({
      centreId,
      ticketId: r.ticketId,
      code: r.code,
      serviceId: r.serviceId,
      counter: r.counter,
      calledAt: r.at.toISOString(),
      recall: r.action === "recall",
    }));
  },

  /** The hall's message line, a setting of the centre. */
  async setMessage(ex: Executor, centreId: string, message: LocalizedText | null): Promise<void> {
    await ex.update(centres).set({ displayMessage: message }).where(eq(centres.id, centreId));
  },
};
