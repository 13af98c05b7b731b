import {
  TICKET_TRANSITIONS,
  canTransition,
  compareCandidates,
  issuingState,
  serviceDay,
  type IssueTicketBody,
  type Ticket,
  type TicketAction,
  type TicketStatus,
} from "@dost/shared";
import type { Db, Executor } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, invalid, notFound } from "../../lib/errors.js";
import type { CentreEvent } from "../../core/realtime.js";
import { actorOf, canAccessCentre, principalKey, type Principal } from "../../core/principal.js";
import { hoursOf, type CentreDirectory, type CentreRecord } from "../catalog/centre-directory.js";
import { catalogRepository } from "../catalog/catalog.repository.js";
import type { QueueAnnouncer } from "./queue-announcer.js";
import { QueueState } from "./queue-state.js";
import { toTicket, type TicketRow } from "./ticket-view.js";
import { assertMayHandle, changesFor } from "./ticket-actions.js";
import { issueWithin } from "./ticket-issuer.js";
import { ticketsRepository as repo, type TicketChanges } from "./tickets.repository.js";

/** Actions a member of staff takes on a ticket by its id (calling goes through a counter). */
export type StaffTicketAction = Exclude<TicketAction, "call" | "expire">;

export interface TicketServiceDeps {
  db: Db;
  clock: Clock;
  centres: CentreDirectory;
  announcer: QueueAnnouncer;
}

export function createTicketService({ db, clock, centres, announcer }: TicketServiceDeps) {
  async function centreOrThrow(centreId: string): Promise<CentreRecord> {
    const centre = await centres.find(db, centreId);
    if (!centre) throw notFound("Centre");
    return centre;
  }

  /**
   * Kiosks issue only in the centre's hours (until the last-ticket time); staff of the centre may
   * still issue after hours for visitors already inside.
   */
  function assertIssuingOpen(principal: Principal, centre: CentreRecord, now: Date): void {
    if (principal.kind !== "device") return;
    const { open, opensAt } = issuingState(now, hoursOf(centre));
    if (open) return;
    throw conflict("The centre is not taking tickets now", "centre_closed", {
      params: opensAt ? { opensAt: opensAt.toISOString() } : undefined,
    });
  }

  /**
   * After a commit: the ticket as the contract shows it (with its place if it waits) and the
   * events that tell every screen about it. One read of the queue serves both.
   */
  async function afterChange(
    centre: CentreRecord,
    row: TicketRow,
    counter: { id: string; label: string; zone: string } | null,
    extra: CentreEvent[] = [],
  ): Promise<Ticket> {
    let ticket: Ticket | undefined;
    await announcer.announce(
      centre,
      (queue) => {
        ticket = toTicket(
          row,
          counter && { id: counter.id, label: counter.label },
          queue?.placeOf(row.id) ?? null,
        );
        return [...extra, { name: "ticket:updated", payload: { centreId: centre.id, ticket } }];
      },
      [row],
    );
    if (!ticket) throw new Error("announce did not build the ticket");
    return ticket;
  }

  async function view(
    ex: Executor,
    centre: CentreRecord,
    row: TicketRow,
    counter: { id: string; label: string } | null,
  ) {
    const place =
      row.status === "waiting"
        ? (await QueueState.load(ex, centre, clock.now(), { placesFor: [row] })).placeOf(row.id)
        : null;
    return toTicket(row, counter, place);
  }

  return {
    /** Issues a ticket; the same Idempotency-Key again returns the first ticket (`created: false`). */
    async issue(
      principal: Principal,
      centreId: string,
      body: IssueTicketBody,
      idempotencyKey: string | undefined,
    ): Promise<{ ticket: Ticket; created: boolean }> {
      const centre = await centreOrThrow(centreId);
      const now = clock.now();
      assertIssuingOpen(principal, centre, now);
      const day = serviceDay(now, centre.timezone);
      const outcome = await db.transaction(async (tx): Promise<{ replayOf: string } | { row: TicketRow }> => {
        if (idempotencyKey) {
          const earlier = await repo.claimIdempotencyKey(tx, principalKey(principal), idempotencyKey, now);
          if (earlier?.ticketId) return { replayOf: earlier.ticketId };
        }
        const service = await catalogRepository.serviceOfCentre(tx, centre.id, body.serviceId);
        if (!service) {
          throw invalid("This centre does not offer that service", [
            { path: "serviceId", message: "not a service of this centre" },
          ]);
        }
        const row = await issueWithin(tx, {
          centreId: centre.id,
          serviceDay: day,
          service,
          priority: body.priority,
          language: body.language,
          now,
          principal,
          appointment: null,
        });
        if (idempotencyKey)
          await repo.bindIdempotencyKey(tx, principalKey(principal), idempotencyKey, row.id);
        return { row };
      });
      if ("replayOf" in outcome) {
        const found = await repo.findWithCounter(db, outcome.replayOf);
        if (!found) throw notFound("Ticket");
        return { ticket: await view(db, centre, found.ticket, found.counter), created: false };
      }
      return { ticket: await afterChange(centre, outcome.row, null), created: true };
    },

    async getPublic(publicId: string): Promise<Ticket> {
      const found = await repo.findByPublicId(db, publicId);
      if (!found) throw notFound("Ticket");
      const centre = await centreOrThrow(found.ticket.centreId);
      return view(db, centre, found.ticket, found.counter);
    },

    async list(
      centreId: string,
      filter: { status?: TicketStatus | undefined; serviceId?: string | undefined },
    ) {
      const centre = await centreOrThrow(centreId);
      const now = clock.now();
      const [rows, queue] = await Promise.all([
        repo.list(db, {
          centreId: centre.id,
          serviceDay: serviceDay(now, centre.timezone),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.serviceId ? { serviceId: filter.serviceId } : {}),
        }),
        QueueState.load(db, centre, now, { placesFor: "all" }),
      ]);
      // Waiting tickets first, in the queue policy's order: one total order, so the waiting list of
      // a counter, filtered to its services, is exactly the order its call-next takes them. The rest
      // follow in issue order.
      const waiting = rows.filter((r) => r.ticket.status === "waiting");
      waiting.sort((a, b) => compareCandidates(a.ticket, b.ticket, now, centre.policy));
      const others = rows.filter((r) => r.ticket.status !== "waiting");
      return [...waiting, ...others].map((r) => toTicket(r.ticket, r.counter, queue.placeOf(r.ticket.id)));
    },

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
        const changes: TicketChanges = changesFor(action, now);
        if (action === "transfer") {
          if (!options.serviceId)
            throw invalid("Choose the service to transfer to", [{ path: "serviceId", message: "required" }]);
          if (options.serviceId === ticket.serviceId)
            throw conflict("The ticket is already in that service", "ticket_state");
          const target = await catalogRepository.serviceOfCentre(tx, ticket.centreId, options.serviceId);
          if (!target)
            throw invalid("This centre does not offer that service", [
              { path: "serviceId", message: "not a service of this centre" },
            ]);
          changes.serviceId = target.id;
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
      const centre = await centreOrThrow(result.updated.centreId);
      const { counter } = result;
      const extra: CentreEvent[] = [];
      if (counter) {
        extra.push({ name: "counter:changed", payload: { centreId: centre.id, counterId: counter.id } });
        if (action === "recall") {
          extra.push({
            name: "ticket:called",
            payload: {
              centreId: centre.id,
              ticketId: result.updated.id,
              code: result.updated.code,
              serviceId: result.updated.serviceId,
              counter: { id: counter.id, label: counter.label, zone: counter.zone },
              calledAt: now.toISOString(),
              recall: true,
            },
          });
        }
      }
      return afterChange(centre, result.updated, counter, extra);
    },

    /** After a commit that created `row` elsewhere (a check-in): its view, and the events for every screen. */
    async announceIssued(row: TicketRow): Promise<Ticket> {
      return afterChange(await centreOrThrow(row.centreId), row, null);
    },

    async viewById(ticketId: string): Promise<Ticket> {
      const found = await repo.findWithCounter(db, ticketId);
      if (!found) throw notFound("Ticket");
      return view(db, await centreOrThrow(found.ticket.centreId), found.ticket, found.counter);
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

export type TicketService = ReturnType<typeof createTicketService>;
