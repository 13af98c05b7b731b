import { and, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { counters, ticketContacts, tickets } from "../../db/schema.js";

/** The phones visitors left for texts about their tickets: kept only while they can be used. */
export const ticketContactsRepository = {
  async save(ex: Executor, ticketId: string, phone: string): Promise<void> {
    await ex.insert(ticketContacts).values({ ticketId, phone }).onConflictDoNothing();
  },

  /** The phone and the counter (for the text) of a ticket that has one; null otherwise. */
  async forCall(
    ex: Executor,
    ticketId: string,
  ): Promise<{ phone: string; counterLabel: string | null } | null> {
    const [row] = await ex
      .select({ phone: ticketContacts.phone, counterLabel: counters.label })
      .from(ticketContacts)
      .innerJoin(tickets, eq(tickets.id, ticketContacts.ticketId))
      .leftJoin(counters, eq(counters.id, tickets.counterId))
      .where(eq(ticketContacts.ticketId, ticketId));
    return row ?? null;
  },

  async remove(ex: Executor, ticketId: string): Promise<void> {
    await ex.delete(ticketContacts).where(eq(ticketContacts.ticketId, ticketId));
  },

  /** A centre's waiting tickets that have a phone. */
  async waiting(ex: Executor, centreId: string) {
    return ex
      .select({ ticket: tickets, phone: ticketContacts.phone })
      .from(ticketContacts)
      .innerJoin(tickets, eq(tickets.id, ticketContacts.ticketId))
      .where(and(eq(tickets.centreId, centreId), eq(tickets.status, "waiting")));
  },

  /**
   * Drops the phones of tickets no longer waiting (cancelled, no-show, expired when their day
   * ended, or served): nothing more will be texted about them.
   */
  async dropEnded(ex: Executor): Promise<number> {
    const ended = ex
      .select({ id: ticketContacts.ticketId })
      .from(ticketContacts)
      .innerJoin(tickets, eq(tickets.id, ticketContacts.ticketId))
      .where(ne(tickets.status, "waiting"));
    const rows = await ex
      .delete(ticketContacts)
      .where(inArray(ticketContacts.ticketId, ended))
      .returning({ ticketId: ticketContacts.ticketId });
    return rows.length;
  },
};
