import {
  compareCandidates,
  estimateWaitMinutes,
  serviceDay,
  type PolicyWeights,
  type QueueService,
} from "@dost/shared";
import type { Executor } from "../../db/client.js";
import type { CentreRecord } from "../catalog/centre-directory.js";
import { queueRepository, type ServiceLoadRow, type WaitingRow } from "./queue.repository.js";

export interface TicketPlace {
  position: number;
  estimatedWaitMinutes: number;
}

/**
 * A centre's queue at one moment: every waiting ticket in policy order per service, and each
 * service's load. From it come positions, estimates and the `queue:changed` figures.
 */
export class QueueState {
  private readonly places = new Map<string, TicketPlace>();
  private readonly byService = new Map<string, WaitingRow[]>();

  constructor(
    readonly centreId: string,
    private readonly now: Date,
    waiting: WaitingRow[],
    private readonly load: ServiceLoadRow[],
    weights: PolicyWeights,
  ) {
    for (const row of waiting) {
      const list = this.byService.get(row.serviceId) ?? [];
      list.push(row);
      this.byService.set(row.serviceId, list);
    }
    const loadOf = new Map(load.map((l) => [l.serviceId, l]));
    for (const [serviceId, list] of this.byService) {
      list.sort((a, b) => compareCandidates(a, b, now, weights));
      const l = loadOf.get(serviceId);
      list.forEach((row, position) => {
        this.places.set(row.id, {
          position,
          estimatedWaitMinutes: estimateWaitMinutes({
            position,
            finishedLastHour: l?.finishedLastHour ?? 0,
            openCounters: l?.openCounters ?? 0,
            handlingMinutes: l?.handlingMinutes ?? 10,
          }),
        });
      });
    }
  }

  static async load(ex: Executor, centre: CentreRecord, now: Date): Promise<QueueState> {
    const day = serviceDay(now, centre.timezone);
    const [waiting, load] = await Promise.all([
      queueRepository.waiting(ex, centre.id, day),
      queueRepository.serviceLoad(ex, centre.id, now, day),
    ]);
    return new QueueState(centre.id, now, waiting, load, centre.policy);
  }

  waitingRows(): WaitingRow[] {
    return [...this.byService.values()].flat();
  }

  /** The first `n` waiting tickets of each service, with their places: the ones whose place matters most. */
  leaders(n: number): { ticketId: string; place: TicketPlace }[] {
    const out: { ticketId: string; place: TicketPlace }[] = [];
    for (const list of this.byService.values()) {
      for (const row of list.slice(0, n)) {
        const place = this.places.get(row.id);
        if (place) out.push({ ticketId: row.id, place });
      }
    }
    return out;
  }

  placeOf(ticketId: string): TicketPlace | null {
    return this.places.get(ticketId) ?? null;
  }

  /** Per service offered by the centre, in catalogue order; a newcomer's estimate for each. */
  services(): QueueService[] {
    return this.load.map((l) => {
      const list = this.byService.get(l.serviceId) ?? [];
      const oldest = list.reduce<number | null>(
        (min, r) => (min === null || r.queuedAt.getTime() < min ? r.queuedAt.getTime() : min),
        null,
      );
      return {
        serviceId: l.serviceId,
        waiting: list.length,
        longestWaitSeconds:
          oldest === null ? 0 : Math.max(0, Math.round((this.now.getTime() - oldest) / 1000)),
        estimatedWaitMinutes: estimateWaitMinutes({
          position: list.length,
          finishedLastHour: l.finishedLastHour,
          openCounters: l.openCounters,
          handlingMinutes: l.handlingMinutes,
        }),
      };
    });
  }
}
