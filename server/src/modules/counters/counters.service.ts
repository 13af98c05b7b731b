import { OUT_OF_ORDER_NOTE, serviceDay, type Counter, type CounterNext, type Ticket } from "@dost/shared";
import type { Db, Executor, Tx } from "../../db/client.js";
import { violatedUnique } from "../../db/errors.js";
import type { TicketRow } from "../../db/schema.js";
import { canAccessCentre, type Principal, type UserPrincipal } from "../../core/principal.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, forbidden, invalid, notFound } from "../../lib/errors.js";
import { auditActorOf, auditLog } from "../audit/index.js";
import type { AuthService } from "../auth/index.js";
import type { CatalogService } from "../catalog/index.js";
import type { CentreDirectory, CentreRecord } from "../catalog/index.js";
import type { QueueService } from "../queue/index.js";
import { counterChangedEvent } from "../tickets/index.js";
import type { TicketService } from "../tickets/index.js";
import { toCounter } from "./counter-view.js";
import { countersRepository, type CallAtOnce, type CounterRow } from "./counters.repository.js";

export interface CounterServiceDeps {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "find">;
  catalog: Pick<CatalogService, "servicesOfCentre">;
  queue: Pick<
    QueueService,
    "announce" | "pickNext" | "inCallOrder" | "explainedInCallOrder" | "explainCalled"
  >;
  tickets: Pick<TicketService, "markCalled" | "appendEvent" | "announceCalled">;
  auth: Pick<AuthService, "lastProfile" | "rememberProfile">;
  /** The SQL; a fake in the service's unit tests. */
  repo?: typeof countersRepository;
}

/** Counters: who staffs which, with which services, on a break or not, and calling visitors. */
export function createCounterService({
  db,
  clock,
  centres,
  catalog,
  queue,
  tickets,
  auth,
  repo = countersRepository,
}: CounterServiceDeps) {
  // A counter never moves to another centre: the access check of every counter route reads its
  // centre once per process, not once per request.
  const centreOfCounter = new Map<string, string>();
  async function counterCentre(counterId: string): Promise<string | null> {
    const known = centreOfCounter.get(counterId);
    if (known) return known;
    const centreId = await repo.centreOf(db, counterId);
    if (centreId) centreOfCounter.set(counterId, centreId);
    return centreId;
  }

  /**
   * Call-next in one round trip when it can (see countersRepository.callNextAtOnce): undefined when
   * the transactional path must decide (a counter not open, not free or not the caller's, which it
   * names; a ticket with a phone, whose text joins the call's transaction).
   */
  async function callNextAtOnce(user: UserPrincipal, counterId: string): Promise<Ticket | null | undefined> {
    const centreId = await counterCentre(counterId);
    const centre = centreId && canAccessCentre(user, centreId) ? await centres.find(db, centreId) : null;
    if (!centre) return undefined;
    const now = clock.now();
    let result: CallAtOnce;
    try {
      result = await repo.callNextAtOnce(db, {
        counterId,
        userId: user.user.id,
        centreId: centre.id,
        serviceDay: serviceDay(now, centre.timezone),
        weights: centre.policy,
        now,
      });
    } catch (e) {
      // A call from the same counter committed while this one waited for its lock.
      if (violatedUnique(e) !== null) return undefined;
      throw e;
    }
    if (result.outcome === "nobody") return null;
    if (result.outcome === "elsewhere") return undefined;
    return tickets.announceCalled(centre, result.ticket, result.counter);
  }

  async function centreOf(ex: Executor, counter: CounterRow): Promise<CentreRecord> {
    const centre = await centres.find(ex, counter.centreId);
    if (!centre) throw notFound("Centre");
    return centre;
  }

  function asUser(principal: Principal): UserPrincipal {
    if (principal.kind !== "user") throw forbidden();
    return principal;
  }

  /** Locks the counter and checks the caller is the one staffing it. */
  async function lockOwn(tx: Tx, principal: UserPrincipal, counterId: string) {
    const counter = await repo.lock(tx, counterId);
    if (!counter || !canAccessCentre(principal, counter.centreId)) throw notFound("Counter");
    if (counter.status === "closed") throw conflict("Open this counter first", "counter_closed");
    if (counter.userId !== principal.user.id)
      throw conflict("Another employee is at this counter", "counter_taken");
    return counter;
  }

  /** Open counters change estimates, so every counter change also refreshes the queue's figures. */
  function publishCounter(counter: CounterRow): void {
    queue.announce(counter.centreId, [counterChangedEvent(counter.centreId, counter.id)]);
  }

  async function profileFor(
    tx: Tx,
    counter: CounterRow,
    user: UserPrincipal,
    requested: string[] | undefined,
  ) {
    const offered = new Set((await catalog.servicesOfCentre(tx, counter.centreId)).map((s) => s.id));
    if (requested) {
      const foreign = requested.filter((id) => !offered.has(id));
      if (foreign.length > 0) {
        throw invalid(
          "This centre does not offer some of those services",
          [{ path: "serviceIds", message: `not offered here: ${foreign.join(", ")}` }],
          "service_not_offered",
        );
      }
      return [...new Set(requested)];
    }
    const last = (await auth.lastProfile(user.user.id, tx)).filter((id) => offered.has(id));
    return last.length > 0 ? last : [...offered];
  }

  /**
   * One call from a counter, in one transaction: the counter is locked and must be open, staffed
   * by the caller and free; `pick` chooses a waiting ticket, which is marked called and logged.
   * Events follow the commit.
   */
  async function call(
    user: UserPrincipal,
    counterId: string,
    pick: (tx: Tx, counter: CounterRow, centre: CentreRecord, now: Date) => Promise<string | null>,
    note?: string,
    /** More to record in the same transaction once the ticket is called (the audit of a call out of order). */
    also?: (tx: Tx, row: TicketRow, counter: CounterRow, now: Date) => Promise<void>,
  ): Promise<Ticket | null> {
    const now = clock.now();
    const result = await db.transaction(async (tx) => {
      const counter = await lockOwn(tx, user, counterId);
      if (counter.status !== "open") throw conflict("The counter is on a break", "counter_on_break");
      if (await repo.currentTicketId(tx, counter.id))
        throw conflict("Finish with the current visitor first", "counter_busy");
      const centre = await centreOf(tx, counter);
      const ticketId = await pick(tx, counter, centre, now);
      if (!ticketId) return null;
      const row: TicketRow | null = await tickets.markCalled(tx, ticketId, counter.id, now);
      // Rolled back with the transaction: a ticket of another centre, or one no longer waiting.
      if (!row || row.centreId !== counter.centreId)
        throw conflict("That ticket is not waiting", "ticket_state");
      await tickets.appendEvent(tx, {
        ticketId: row.id,
        centreId: centre.id,
        at: now,
        action: "call",
        fromStatus: "waiting",
        toStatus: "called",
        serviceId: row.serviceId,
        counterId: counter.id,
        userId: user.user.id,
        note: note ?? null,
      });
      await also?.(tx, row, counter, now);
      return { row, counter, centre };
    });
    return result ? tickets.announceCalled(result.centre, result.row, result.counter) : null;
  }

  return {
    async list(centreId: string): Promise<Counter[]> {
      const centre = await centres.find(db, centreId);
      if (!centre) throw notFound("Centre");
      const rows = await repo.listWithState(db, centre.id);
      // Counters taken out of use stay for history; nobody works at them.
      return rows.filter((r) => r.counter.active).map(toCounter);
    },

    /** The caller staffs this counter with a work profile; opening it again changes the profile. */
    async open(principal: Principal, counterId: string, serviceIds: string[] | undefined): Promise<void> {
      const user = asUser(principal);
      const now = clock.now();
      try {
        const counter = await db.transaction(async (tx) => {
          const counter = await repo.lock(tx, counterId);
          if (!counter || !canAccessCentre(user, counter.centreId)) throw notFound("Counter");
          if (!counter.active) throw conflict("This counter is out of use", "counter_inactive");
          if (counter.userId && counter.userId !== user.user.id)
            throw conflict("Another employee is at this counter", "counter_taken");
          const elsewhere = await repo.findByUser(tx, user.user.id);
          if (elsewhere && elsewhere.id !== counter.id)
            throw conflict(
              `You are already at counter ${elsewhere.label}; close it first`,
              "already_at_counter",
              {
                params: { counter: elsewhere.label },
              },
            );
          const profile = await profileFor(tx, counter, user, serviceIds);
          await auth.rememberProfile(tx, user.user.id, profile);
          return repo.update(tx, counter.id, {
            status: counter.status === "closed" ? "open" : counter.status,
            userId: user.user.id,
            serviceIds: profile,
            statusSince: counter.status === "closed" ? now : counter.statusSince,
          });
        });
        publishCounter(counter);
      } catch (e) {
        // Two counters opened at once by one user: the unique index on counters.user_id decides.
        if (violatedUnique(e) !== null)
          throw conflict("You are already at another counter; close it first", "already_at_counter");
        throw e;
      }
    },

    async pause(principal: Principal, counterId: string, reason: string): Promise<void> {
      const user = asUser(principal);
      const counter = await db.transaction(async (tx) => {
        const counter = await lockOwn(tx, user, counterId);
        if (counter.status === "break")
          throw conflict("The counter is already on a break", "counter_on_break");
        if (await repo.currentTicketId(tx, counter.id))
          throw conflict("Finish with the current visitor first", "counter_busy");
        return repo.update(tx, counter.id, {
          status: "break",
          breakReason: reason,
          statusSince: clock.now(),
        });
      });
      publishCounter(counter);
    },

    async resume(principal: Principal, counterId: string): Promise<void> {
      const user = asUser(principal);
      const counter = await db.transaction(async (tx) => {
        const counter = await lockOwn(tx, user, counterId);
        if (counter.status !== "break")
          throw conflict("The counter is not on a break", "counter_not_on_break");
        return repo.update(tx, counter.id, { status: "open", breakReason: null, statusSince: clock.now() });
      });
      publishCounter(counter);
    },

    /** The person at the counter closes it; a manager may close a counter someone left open. */
    async close(principal: Principal, counterId: string): Promise<void> {
      const user = asUser(principal);
      const counter = await db.transaction(async (tx) => {
        const counter = await repo.lock(tx, counterId);
        if (!counter || !canAccessCentre(user, counter.centreId)) throw notFound("Counter");
        if (counter.status === "closed") throw conflict("The counter is already closed", "counter_closed");
        if (counter.userId !== user.user.id && user.user.role === "staff")
          throw conflict("Another employee is at this counter", "counter_taken");
        if (await repo.currentTicketId(tx, counter.id))
          throw conflict("Finish with the current visitor first", "counter_busy");
        return repo.update(tx, counter.id, {
          status: "closed",
          userId: null,
          breakReason: null,
          statusSince: clock.now(),
        });
      });
      publishCounter(counter);
    },

    /** Calls the best waiting ticket this counter serves; null when nobody it serves waits. */
    async callNext(principal: Principal, counterId: string): Promise<Ticket | null> {
      const user = asUser(principal);
      const called = await callNextAtOnce(user, counterId);
      if (called !== undefined) return called;
      return call(user, counterId, (tx, counter, centre, now) =>
        queue.pickNext(tx, centre, counter.serviceIds, now),
      );
    },

    /** Calls a chosen waiting ticket out of the policy's order; the reason goes into the event log. */
    async callTicket(
      principal: Principal,
      counterId: string,
      ticketId: string,
      reason: string,
      address: string | null = null,
    ): Promise<Ticket> {
      const called = await call(
        asUser(principal),
        counterId,
        async () => ticketId,
        `${OUT_OF_ORDER_NOTE} ${reason}`,
        (tx, row, counter, now) =>
          auditLog.record(tx, auditActorOf(principal, address), {
            kind: "ticket.called_out_of_order",
            at: now,
            centreId: counter.centreId,
            target: { type: "ticket", id: row.id },
            after: { code: row.code, counter: counter.label },
            note: reason,
          }),
      );
      if (!called) throw conflict("That ticket is not waiting", "ticket_state");
      return called;
    },

    /**
     * The waiting tickets this counter serves, in the order call-next would take them now (across all
     * the services of its profile, which per-service positions cannot show).
     */
    async queue(counterId: string): Promise<Ticket[]> {
      const counter = await repo.find(db, counterId);
      if (!counter) throw notFound("Counter");
      return queue.inCallOrder(await centreOf(db, counter), counter.serviceIds);
    },

    /**
     * Why the visitor at this counter was next, and the next `limit` it would call, each with the
     * parts of its score: the same order and the same scoring as call-next (for the desk to say).
     */
    async next(counterId: string, limit: number): Promise<CounterNext> {
      const counter = await repo.find(db, counterId);
      if (!counter) throw notFound("Counter");
      const centre = await centreOf(db, counter);
      const currentId = await repo.currentTicketId(db, counter.id);
      const [current, next] = await Promise.all([
        currentId ? queue.explainCalled(centre, currentId, counter) : null,
        queue.explainedInCallOrder(centre, counter.serviceIds, limit),
      ]);
      return { current, next };
    },

    /** Every counter of a centre with its staff member and the ticket at it (for monitoring). */
    withState: (centreId: string) => repo.listWithState(db, centreId),

    /** The centre a counter belongs to (for the access rule of counter routes). */
    centreOf: counterCentre,
  };
}

export type CounterService = ReturnType<typeof createCounterService>;
