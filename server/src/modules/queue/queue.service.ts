import { outOfTurn, serviceDay, type ExplainedTicket, type Ticket } from "@dost/shared";
import type { Db, Executor } from "../../db/client.js";
import type { TicketRow } from "../../db/schema.js";
import type { Publisher } from "../../core/realtime.js";
import type { Clock } from "../../lib/clock.js";
import { explainCall } from "./call-explanation.js";
import { createQueueAnnouncer } from "./queue-announcer.js";
import { queueRepository } from "./queue.repository.js";
import { QueueState, type QueueCentre, type QueueLoadOptions, type WaitEstimation } from "./queue-state.js";
import type { WaitEstimatorKind } from "./wait-estimates.js";
import { createWaitKnowledgeCache } from "./wait-knowledge.js";
import { toTicket } from "./ticket-view.js";

export interface QueueServiceDeps {
  db: Db;
  clock: Clock;
  publisher: Publisher;
  findCentre(id: string): Promise<QueueCentre | null>;
  /** Which estimate tickets carry (WAIT_ESTIMATOR); the forward simulation by default. */
  estimator?: WaitEstimatorKind;
}

/**
 * The queue read model: who waits for what, in the policy's order, each ticket's place and expected
 * wait, the pick of the next ticket for a counter, and the announcer that tells every screen.
 */
export function createQueueService({
  db,
  clock,
  publisher,
  findCentre,
  estimator = "simulation",
}: QueueServiceDeps) {
  const estimation: WaitEstimation = { kind: estimator, knowledge: createWaitKnowledgeCache() };
  const announcer = createQueueAnnouncer({ db, clock, publisher, findCentre, estimation });

  async function explainedInCallOrder(
    centre: QueueCentre,
    serviceIds: string[],
    limit: number,
  ): Promise<ExplainedTicket[]> {
    const now = clock.now();
    const rows = await queueRepository.inCallOrder(db, {
      centreId: centre.id,
      serviceDay: serviceDay(now, centre.timezone),
      serviceIds,
      weights: centre.policy,
      now,
      limit,
    });
    const state = await QueueState.load(db, centre, now, { placesFor: rows }, estimation);
    return rows.map((row) => ({
      ticket: toTicket(row, null, state.placeOf(row.id)),
      reason: explainCall(row, now, centre.policy),
    }));
  }

  return {
    /** Publishes events now and schedules the centre's coalesced queue figures. */
    announce: announcer.announce,
    onQueueChanged: announcer.onQueueChanged,
    close: announcer.close,
    /** The estimator tickets carry, for those comparing. */
    estimator,

    /** The centre's queue now, read through `ex`, with the places asked for. */
    state(ex: Executor, centre: QueueCentre, options: QueueLoadOptions = {}): Promise<QueueState> {
      return QueueState.load(ex, centre, clock.now(), options, estimation);
    },

    /** A ticket as the contract shows it: with its place and estimate while it waits. */
    async view(
      ex: Executor,
      centre: QueueCentre,
      row: TicketRow,
      counter: { id: string; label: string } | null,
    ): Promise<Ticket> {
      const place =
        row.status === "waiting"
          ? (await QueueState.load(ex, centre, clock.now(), { placesFor: [row] }, estimation)).placeOf(row.id)
          : null;
      return toTicket(row, counter, place);
    },

    /** Every centre's waiting tickets today and its longest wait, in one read (for metrics). */
    async waitingByCentre(
      centres: readonly (QueueCentre & { code: string })[],
    ): Promise<{ code: string; waiting: number; longestWaitSeconds: number }[]> {
      const now = clock.now();
      const rows = await queueRepository.waitingPerCentre(
        db,
        centres.map((c) => ({ id: c.id, serviceDay: serviceDay(now, c.timezone) })),
        now,
      );
      const byCentre = new Map(rows.map((r) => [r.centreId, r]));
      return centres.map((c) => ({
        code: c.code,
        waiting: byCentre.get(c.id)?.waiting ?? 0,
        longestWaitSeconds: byCentre.get(c.id)?.longestWaitSeconds ?? 0,
      }));
    },

    /** The next ticket a counter serving `serviceIds` calls, locked in the caller's transaction. */
    pickNext(tx: Executor, centre: QueueCentre, serviceIds: string[], now: Date): Promise<string | null> {
      return queueRepository.pickNext(tx, {
        centreId: centre.id,
        serviceDay: serviceDay(now, centre.timezone),
        serviceIds,
        weights: centre.policy,
        now,
      });
    },

    /**
     * The waiting tickets of some services in the order call-next would take them now (across all
     * of a counter's services, which per-service positions cannot show).
     */
    async inCallOrder(centre: QueueCentre, serviceIds: string[], limit = 500): Promise<Ticket[]> {
      return (await explainedInCallOrder(centre, serviceIds, limit)).map((e) => e.ticket);
    },

    /** The same, each with why it stands there: the parts of its score now (for the desk). */
    explainedInCallOrder,

    /**
     * A ticket at a counter with why it was next: its score's parts as they stood when it was called
     * (the first call; a recall keeps it). Null when it is not called or served there.
     */
    async explainCalled(
      centre: QueueCentre,
      ticketId: string,
      counter: { id: string; label: string },
    ): Promise<ExplainedTicket | null> {
      const [row] = await queueRepository.byIds(db, [ticketId]);
      if (!row || row.counterId !== counter.id || row.calledAt === null) return null;
      const turn = outOfTurn({
        callCount: row.callCount,
        callNote: await queueRepository.firstCallNote(db, row.id),
      });
      const reason = explainCall(row, row.calledAt, centre.policy);
      // Said only when it was out of turn: a call in turn reads as its score alone.
      return { ticket: toTicket(row, counter, null), reason: turn ? { ...reason, outOfTurn: turn } : reason };
    },
  };
}

export type QueueService = ReturnType<typeof createQueueService>;
