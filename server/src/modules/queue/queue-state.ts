import {
  compareCandidates,
  estimateWaitMinutes,
  serviceDay,
  tellableEstimate,
  type OpeningHours,
  type PolicyWeights,
  type QueueService,
  type WaitEstimate,
} from "@dost/shared";
import type { Executor } from "../../db/client.js";
import type { TicketRow } from "../../db/schema.js";
import { queueRepository, type ServiceLoadRow, type ServiceWaitingRow } from "./queue.repository.js";
import type { TicketPlace } from "./ticket-view.js";
import { estimatorRepository, type EstimatorTicketRow } from "./estimator.repository.js";
import { pendingSince, simulateCentreWaits, type WaitEstimatorKind } from "./wait-estimates.js";
import type { WaitKnowledgeCache } from "./wait-knowledge.js";

/** What the queue needs to know of a centre (the catalogue's CentreRecord has it). */
export interface QueueCentre {
  id: string;
  timezone: string;
  policy: PolicyWeights;
  /** Its hours bound the simulated day (the catalogue's CentreRecord has them). */
  openingHours?: OpeningHours;
  closedDates?: ReadonlySet<string>;
}

/** How waits are estimated: the estimator in use and, for the simulation, its learned history. */
export interface WaitEstimation {
  kind: WaitEstimatorKind;
  knowledge: WaitKnowledgeCache;
}

type Simulated = { tickets: Map<string, WaitEstimate>; newcomers: Map<string, WaitEstimate> };

export interface QueueLoadOptions {
  /** Places of the first this many waiting tickets of each service (for their status pages). */
  leaders?: number;
  /** Waiting tickets whose place is needed too, wherever they stand; "all" for every one. */
  placesFor?:
    | readonly Pick<
        TicketRow,
        "id" | "centreId" | "serviceId" | "serviceDay" | "priority" | "queuedAt" | "appointmentAt" | "status"
      >[]
    | "all";
}

/**
 * A centre's queue at one moment, read as aggregates and windows in SQL: per service how many wait
 * and since when, its load, and the places asked for. From it come positions, estimates and the
 * `queue:changed` figures.
 */
export class QueueState {
  private readonly places = new Map<string, TicketPlace>();
  private readonly loadOf: Map<string, ServiceLoadRow>;

  private constructor(
    readonly centreId: string,
    private readonly now: Date,
    private readonly waiting: ServiceWaitingRow[],
    private readonly load: ServiceLoadRow[],
    places: { id: string; serviceId: string; position: number }[],
    private readonly leaderCount: number,
    private readonly simulated: Simulated | null,
  ) {
    this.loadOf = new Map(load.map((l) => [l.serviceId, l]));
    for (const p of places) {
      if (simulated) {
        // No figure rather than a falsely certain one when nobody is expected to call it today.
        const estimate = tellableEstimate(simulated.tickets.get(p.id));
        this.places.set(p.id, {
          position: p.position,
          estimatedWaitMinutes: estimate?.expectedMinutes ?? null,
          estimatedWaitRange: estimate?.range ?? null,
        });
        continue;
      }
      this.places.set(p.id, {
        position: p.position,
        estimatedWaitMinutes: this.estimate(p.serviceId, p.position),
        estimatedWaitRange: null,
      });
    }
  }

  static async load(
    ex: Executor,
    centre: QueueCentre,
    now: Date,
    options: QueueLoadOptions = {},
    estimation: WaitEstimation | null = null,
  ): Promise<QueueState> {
    if (estimation?.kind === "simulation") return QueueState.simulate(ex, centre, now, options, estimation);
    const day = serviceDay(now, centre.timezone);
    const all = options.placesFor === "all";
    const limit = all ? 1_000_000 : (options.leaders ?? 0);
    const [waiting, load, leaders] = await Promise.all([
      queueRepository.waitingByService(ex, centre.id, day),
      queueRepository.serviceLoad(ex, centre.id, now, day),
      limit > 0
        ? queueRepository.places(ex, {
            centreId: centre.id,
            serviceDay: day,
            weights: centre.policy,
            now,
            limit,
          })
        : [],
    ]);
    const known = new Set(leaders.map((l) => l.id));
    const wanted = options.placesFor;
    const others =
      !wanted || wanted === "all" ? [] : wanted.filter((t) => t.status === "waiting" && !known.has(t.id));
    const extra = await Promise.all(
      others.map(async (t) => ({
        id: t.id,
        serviceId: t.serviceId,
        position: await queueRepository.positionOf(ex, t, centre.policy, now),
      })),
    );
    return new QueueState(
      centre.id,
      now,
      waiting,
      load,
      [...leaders, ...extra],
      all ? Infinity : (options.leaders ?? 0),
      null,
    );
  }

  /**
   * The forward simulation reads the whole waiting queue anyway, so the counts, the oldest wait and
   * the places come from that one read (ordered by `compareCandidates`, the mirror of the SQL
   * pick) instead of three more statements.
   */
  private static async simulate(
    ex: Executor,
    centre: QueueCentre,
    now: Date,
    options: QueueLoadOptions,
    estimation: WaitEstimation,
  ): Promise<QueueState> {
    const day = serviceDay(now, centre.timezone);
    const [present, load] = await Promise.all([
      estimatorRepository.present(ex, { centreId: centre.id, serviceDay: day, notBefore: pendingSince(now) }),
      // Only the figures per service need the catalogue's load; one ticket's place does not.
      options.placesFor && options.placesFor !== "all" && !options.leaders
        ? []
        : queueRepository.serviceLoad(ex, centre.id, now, day),
    ]);
    const simulated = await simulateCentreWaits(ex, centre, now, estimation.knowledge, present);
    const byService = new Map<string, EstimatorTicketRow[]>();
    for (const t of present.waiting) {
      const list = byService.get(t.serviceId);
      if (list) list.push(t);
      else byService.set(t.serviceId, [t]);
    }
    const all = options.placesFor === "all";
    const leaderLimit = all ? Infinity : (options.leaders ?? 0);
    const wanted = new Set(Array.isArray(options.placesFor) ? options.placesFor.map((t) => t.id) : []);
    const waiting: ServiceWaitingRow[] = [];
    const places: { id: string; serviceId: string; position: number }[] = [];
    for (const [serviceId, list] of byService) {
      list.sort((a, b) => compareCandidates(a, b, now, centre.policy));
      waiting.push({
        serviceId,
        waiting: list.length,
        oldestQueuedMs: Math.min(...list.map((t) => t.queuedAt.getTime())),
      });
      list.forEach((t, position) => {
        if (position < leaderLimit || wanted.has(t.id)) places.push({ id: t.id, serviceId, position });
      });
    }
    return new QueueState(centre.id, now, waiting, load, places, leaderLimit, simulated);
  }

  private estimate(serviceId: string, position: number): number {
    const l = this.loadOf.get(serviceId);
    return estimateWaitMinutes({
      position,
      finishedLastHour: l?.finishedLastHour ?? 0,
      openCounters: l?.openCounters ?? 0,
      handlingMinutes: l?.handlingMinutes ?? 10,
    });
  }

  /** The first `n` (at most those loaded) waiting tickets of each service, with their places. */
  leaders(n: number): { ticketId: string; place: TicketPlace }[] {
    const limit = Math.min(n, this.leaderCount);
    return [...this.places]
      .filter(([, p]) => p.position < limit)
      .map(([ticketId, place]) => ({ ticketId, place }));
  }

  /** Open counters whose profile holds the service. */
  openCounters(serviceId: string): number {
    return this.loadOf.get(serviceId)?.openCounters ?? 0;
  }

  placeOf(ticketId: string): TicketPlace | null {
    return this.places.get(ticketId) ?? null;
  }

  /** Per service offered by the centre, in catalogue order; a newcomer's estimate for each. */
  services(): QueueService[] {
    const waitingOf = new Map(this.waiting.map((w) => [w.serviceId, w]));
    return this.load.map((l) => {
      const w = waitingOf.get(l.serviceId);
      return {
        serviceId: l.serviceId,
        waiting: w?.waiting ?? 0,
        longestWaitSeconds: w ? Math.max(0, Math.round((this.now.getTime() - w.oldestQueuedMs) / 1000)) : 0,
        estimatedWaitMinutes:
          // A newcomer nobody is expected to call today: the figure per service must be a number
          // (contract), so the pace of one counter, as before counters opened.
          tellableEstimate(this.simulated?.newcomers.get(l.serviceId))?.expectedMinutes ??
          this.estimate(l.serviceId, w?.waiting ?? 0),
      };
    });
  }
}
