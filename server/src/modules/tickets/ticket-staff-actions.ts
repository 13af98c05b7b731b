import { TICKET_TRANSITIONS, canTransition, type StaffTicketAction, type Ticket } from "@dost/shared";
import type { Db, Executor } from "../../db/client.js";
import type { TicketRow } from "../../db/schema.js";
import { actorOf, canAccessCentre, type Principal } from "../../core/principal.js";
import type { CentreEvent } from "../../core/realtime.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, invalid, notFound } from "../../lib/errors.js";
import type { CentreRecord } from "../catalog/index.js";
import { assertMayHandle, changesFor } from "./ticket-actions.js";
import { calledEvent, counterChangedEvent } from "./ticket-events.js";
import type { ticketsRepository } from "./tickets.repository.js";

/** What the staff actions share with the rest of the ticket service. */
export interface StaffActionDeps {
  db: Db;
  clock: Clock;
  repo: typeof ticketsRepository;
  centreOrThrow(ex: Executor, centreId: string): Promise<CentreRecord>;
  serviceOrThrow(ex: Executor, centreId: string, serviceId: string): Promise<{ id: string }>;
  announceChange(
    centre: CentreRecord,
    row: TicketRow,
    counter: { id: string; label: string } | null,
    extra?: CentreEvent[],
  ): Promise<Ticket>;
}

/**
 * What staff do to a ticket already issued: each guarded transition and a note on the visit (the
 * issuing path stays in tickets.service.ts).
 */
export function createStaffActions({
  db,
  clock,
  repo,
  centreOrThrow,
  serviceOrThrow,
  announceChange,
}: StaffActionDeps) {
  return {
    /** recall, start, complete, no-show, cancel, transfer: one guarded transition each. */
    async act(
      principal: Principal,
      ticketId: string,
      action: StaffTicketAction,
      options: { note?: string | undefined; serviceId?: string | undefined } = {},
    ): Promise<Ticket> {
      const now = clock.now();
      const result = await db.transaction(async (tx) => {
        const found = await repo.findWithCounter(tx, ticketId, true);
        if (!found || !canAccessCentre(principal, found.ticket.centreId)) throw notFound("Ticket");
        const { ticket, counter } = found;
        if (!canTransition(ticket.status, action)) {
          throw conflict(`A ${ticket.status} ticket cannot be given '${action}'`, "ticket_state", {
            params: { status: ticket.status, action },
          });
        }
        assertMayHandle(principal, counter?.userId ?? null);
        const changes = changesFor(action, now);
        if (action === "transfer") {
          if (!options.serviceId)
            throw invalid("Choose the service to transfer to", [{ path: "serviceId", message: "required" }]);
          if (options.serviceId === ticket.serviceId)
            throw conflict("The ticket is already in that service", "ticket_state");
          changes.serviceId = (await serviceOrThrow(tx, ticket.centreId, options.serviceId)).id;
        }
        const updated = await repo.transition(tx, ticket.id, TICKET_TRANSITIONS[action].from, changes);
        if (!updated) throw conflict("The ticket changed meanwhile; reload and try again", "ticket_changed");
        await repo.appendEvent(tx, {
          ticketId: ticket.id,
          centreId: ticket.centreId,
          at: now,
          action,
          fromStatus: ticket.status,
          toStatus: updated.status,
          serviceId: updated.serviceId,
          counterId: counter?.id ?? null,
          note: options.note ?? null,
          ...actorOf(principal),
        });
        return { updated, counter };
      });
      const centre = await centreOrThrow(db, result.updated.centreId);
      const { updated, counter } = result;
      const extra: CentreEvent[] = [];
      if (counter) {
        extra.push(counterChangedEvent(centre.id, counter.id));
        if (action === "recall") extra.push(calledEvent(updated, counter, now, true));
      }
      return announceChange(centre, updated, counter, extra);
    },

    /** A short note on a visit, kept in the ticket's event log. */
    async addNote(principal: Principal, ticketId: string, note: string): Promise<void> {
      const found = await repo.findWithCounter(db, ticketId);
      if (!found || !canAccessCentre(principal, found.ticket.centreId)) throw notFound("Ticket");
      await repo.appendEvent(db, {
        ticketId,
        centreId: found.ticket.centreId,
        at: clock.now(),
        action: "note",
        fromStatus: found.ticket.status,
        toStatus: found.ticket.status,
        serviceId: found.ticket.serviceId,
        counterId: found.ticket.counterId,
        note,
        ...actorOf(principal),
      });
    },
  };
}
