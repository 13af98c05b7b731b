import { randomUUID } from "node:crypto";
import {
  TICKET_TRANSITIONS,
  compareCandidates,
  issuingState,
  serviceDay,
  type IssueTicketBody,
  type Ticket,
  type TicketStatus,
} from "@dost/shared";
import type { Db, Executor } from "../../db/client.js";
import type { TicketRow } from "../../db/schema.js";
import { actorOf, principalKey, type Principal } from "../../core/principal.js";
import { newPublicId } from "../../lib/tokens.js";
import type { CentreEvent } from "../../core/realtime.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, invalid, notFound, unprocessable } from "../../lib/errors.js";
import type { CatalogService } from "../catalog/index.js";
import { hoursOf, type CentreDirectory, type CentreRecord } from "../catalog/index.js";
import type { QueueService } from "../queue/index.js";
import { toTicket } from "../queue/index.js";
import { calledChanges } from "./ticket-actions.js";
import { calledEvent, counterChangedEvent, updatedEvent } from "./ticket-events.js";
import { requestFingerprint } from "./idempotency.js";
import { actsForVisitor, issueWithin, type IssueWithinArgs } from "./ticket-issuer.js";
import { createStaffActions } from "./ticket-staff-actions.js";
import { ticketsRepository, type TicketEventValues } from "./tickets.repository.js";
import type { TicketTexts } from "./ticket-texts.js";

export interface TicketServiceDeps {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "find">;
  catalog: Pick<CatalogService, "serviceOfCentre">;
  queue: Pick<QueueService, "announce" | "view" | "state">;
  /** The SQL; a fake in the service's unit tests. */
  repo?: typeof ticketsRepository;
  /** Texts to visitors who left a phone; without it a phone is refused. */
  texts?: Pick<TicketTexts, "saveWithin" | "calledWithin" | "sendSoon">;
}

export type IssuedListener = (issued: { principal: Principal; centre: CentreRecord; ticket: Ticket }) => void;

/** The ticket lifecycle: issuing, each staff action, the event log and what screens are told. */
export function createTicketService({
  db,
  clock,
  centres,
  catalog,
  queue,
  repo = ticketsRepository,
  texts,
}: TicketServiceDeps) {
  async function centreOrThrow(ex: Executor, centreId: string): Promise<CentreRecord> {
    const centre = await centres.find(ex, centreId);
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
   * After a commit: the ticket as the contract shows it (with its place if it waits), published with
   * `extra` events before it, and the centre's queue figures scheduled.
   */
  async function announceChange(
    centre: CentreRecord,
    row: TicketRow,
    counter: { id: string; label: string } | null,
    extra: CentreEvent[] = [],
  ): Promise<Ticket> {
    const ticket = await queue.view(db, centre, row, counter);
    queue.announce(centre.id, [...extra, updatedEvent(ticket)]);
    return ticket;
  }

  /**
   * After the commit that issued `row`: announces it and keeps the wait it was shown with, the quote
   * its accuracy is later judged against (stats module).
   */
  async function announceIssue(centre: CentreRecord, row: TicketRow): Promise<Ticket> {
    const ticket = await announceChange(centre, row, null);
    if (ticket.status === "waiting" && ticket.estimatedWaitMinutes !== null)
      await repo.recordQuote(db, row.id, {
        minutes: ticket.estimatedWaitMinutes,
        range: ticket.estimatedWaitRange ?? null,
      });
    return ticket;
  }

  /** Told after the commit of each ticket issued here (not replays); they must not throw or wait. */
  const issuedListeners: IssuedListener[] = [];
  function afterIssue(principal: Principal, centre: CentreRecord, ticket: Ticket): void {
    for (const listener of issuedListeners) listener({ principal, centre, ticket });
  }

  async function serviceOrThrow(ex: Executor, centreId: string, serviceId: string) {
    const service = await catalog.serviceOfCentre(ex, centreId, serviceId);
    if (!service) {
      throw invalid(
        "This centre does not offer that service",
        [{ path: "serviceId", message: "not a service of this centre" }],
        "service_not_offered",
      );
    }
    return service;
  }

  const staffActions = createStaffActions({
    db,
    clock,
    repo,
    centreOrThrow,
    serviceOrThrow,
    announceChange,
  });

  return {
    /** Issues a ticket; the same Idempotency-Key again returns the first ticket (`created: false`). */
    async issue(
      principal: Principal,
      centreId: string,
      body: IssueTicketBody,
      idempotencyKey: string | undefined,
      address: string | null = null,
    ): Promise<{ ticket: Ticket; created: boolean }> {
      const centre = await centreOrThrow(db, centreId);
      const now = clock.now();
      assertIssuingOpen(principal, centre, now);
      const day = serviceDay(now, centre.timezone);
      // Without the phone: a hash of a nine-digit number is no secret, and none is kept.
      const { phone: _phone, ...request } = body;
      const fingerprint = idempotencyKey ? requestFingerprint(centre.id, request) : null;
      // The common case in one round trip: no phone to keep, no volunteer's audit row.
      if (!body.phone && !actsForVisitor(principal)) {
        const row = await repo.issueAtOnce(db, {
          ticketId: randomUUID(),
          publicId: newPublicId(),
          centreId: centre.id,
          serviceId: body.serviceId,
          serviceDay: day,
          priority: body.priority,
          language: body.language,
          now,
          ...actorOf(principal),
          idempotency:
            idempotencyKey && fingerprint
              ? { principal: principalKey(principal), key: idempotencyKey, requestHash: fingerprint }
              : null,
        });
        if (row) {
          const ticket = await announceIssue(centre, row);
          afterIssue(principal, centre, ticket);
          return { ticket, created: true };
        }
        // Nothing written: the service is not offered, or the key is held; the path below says which.
      }
      const outcome = await db.transaction(async (tx): Promise<{ replayOf: string } | { row: TicketRow }> => {
        if (idempotencyKey && fingerprint) {
          const earlier = await repo.claimIdempotencyKey(
            tx,
            principalKey(principal),
            idempotencyKey,
            fingerprint,
            now,
          );
          if (earlier && earlier.requestHash !== null && earlier.requestHash !== fingerprint) {
            throw unprocessable(
              "This Idempotency-Key was used with another request",
              "idempotency_key_reused",
            );
          }
          if (earlier?.ticketId) return { replayOf: earlier.ticketId };
        }
        const service = await serviceOrThrow(tx, centre.id, body.serviceId);
        const row = await issueWithin(
          tx,
          {
            centreId: centre.id,
            serviceDay: day,
            service,
            priority: body.priority,
            language: body.language,
            now,
            principal,
            appointment: null,
            address,
          },
          repo,
        );
        if (body.phone) {
          if (!texts) throw invalid("Texts are not available", [{ path: "phone", message: "not accepted" }]);
          await texts.saveWithin(tx, row.id, body.phone);
        }
        if (idempotencyKey)
          await repo.bindIdempotencyKey(tx, principalKey(principal), idempotencyKey, row.id);
        return { row };
      });
      if ("replayOf" in outcome) {
        const found = await repo.findWithCounter(db, outcome.replayOf);
        if (!found) throw notFound("Ticket");
        return { ticket: await queue.view(db, centre, found.ticket, found.counter), created: false };
      }
      const ticket = await announceIssue(centre, outcome.row);
      afterIssue(principal, centre, ticket);
      return { ticket, created: true };
    },

    /** Subscribes to tickets issued (after their commit): a kiosk's network printer prints them. */
    onIssued(listener: IssuedListener): void {
      issuedListeners.push(listener);
    },

    async getPublic(publicId: string): Promise<Ticket> {
      const found = await repo.findByPublicId(db, publicId);
      if (!found) throw notFound("Ticket");
      const centre = await centreOrThrow(db, found.ticket.centreId);
      return queue.view(db, centre, found.ticket, found.counter);
    },

    async list(
      centreId: string,
      filter: { status?: TicketStatus | undefined; serviceId?: string | undefined },
    ): Promise<Ticket[]> {
      const centre = await centreOrThrow(db, centreId);
      const now = clock.now();
      const [rows, state] = await Promise.all([
        repo.list(db, {
          centreId: centre.id,
          serviceDay: serviceDay(now, centre.timezone),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.serviceId ? { serviceId: filter.serviceId } : {}),
        }),
        queue.state(db, centre, { placesFor: "all" }),
      ]);
      // Waiting tickets first, in the queue policy's order: one total order, so the waiting list of
      // a counter, filtered to its services, is exactly the order its call-next takes them. The rest
      // follow in issue order.
      const waiting = rows.filter((r) => r.ticket.status === "waiting");
      waiting.sort((a, b) => compareCandidates(a.ticket, b.ticket, now, centre.policy));
      const others = rows.filter((r) => r.ticket.status !== "waiting");
      return [...waiting, ...others].map((r) => toTicket(r.ticket, r.counter, state.placeOf(r.ticket.id)));
    },

    act: staffActions.act,
    addNote: staffActions.addNote,

    async viewById(ticketId: string): Promise<Ticket> {
      const found = await repo.findWithCounter(db, ticketId);
      if (!found) throw notFound("Ticket");
      return queue.view(db, await centreOrThrow(db, found.ticket.centreId), found.ticket, found.counter);
    },

    // For other modules, inside their own transactions (the executor is theirs).

    /** Creates a waiting ticket in the caller's transaction (appointment check-in). */
    issueWithin: (tx: Executor, args: IssueWithinArgs): Promise<TicketRow> => issueWithin(tx, args, repo),

    /** Marks a waiting ticket called to a counter; null when it is no longer waiting. */
    async markCalled(
      tx: Executor,
      ticketId: string,
      counterId: string,
      now: Date,
    ): Promise<TicketRow | null> {
      const row = await repo.transition(
        tx,
        ticketId,
        TICKET_TRANSITIONS.call.from,
        calledChanges(counterId, now),
      );
      // "Come to counter …" for a visitor who left a phone, in the same transaction as the call.
      if (row && texts) await texts.calledWithin(tx, row, now);
      return row;
    },

    appendEvent: (tx: Executor, event: TicketEventValues): Promise<void> => repo.appendEvent(tx, event),

    /** After a commit that created `row` elsewhere (a check-in): its view, and the events for every screen. */
    async announceIssued(row: TicketRow): Promise<Ticket> {
      return announceIssue(await centreOrThrow(db, row.centreId), row);
    },

    /** After a commit that called `row` to `counter`: the call for the displays, and the ticket. */
    async announceCalled(
      centre: CentreRecord,
      row: TicketRow,
      counter: { id: string; label: string; zone: string },
    ): Promise<Ticket> {
      const ticket = toTicket(row, { id: counter.id, label: counter.label }, null);
      queue.announce(centre.id, [
        calledEvent(row, counter, row.calledAt ?? clock.now(), false),
        updatedEvent(ticket),
        counterChangedEvent(centre.id, counter.id),
      ]);
      texts?.sendSoon();
      return ticket;
    },

    /** The centre a ticket belongs to (for the access rule of ticket routes). */
    centreOf: (ticketId: string): Promise<string | null> => repo.centreOf(db, ticketId),

    /** Whether a status page may listen to this ticket. */
    async publicTicketExists(publicId: string): Promise<boolean> {
      return (await repo.findByPublicId(db, publicId)) !== null;
    },
  };
}

export type TicketService = ReturnType<typeof createTicketService>;
