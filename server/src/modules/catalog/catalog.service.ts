import {
  isOpenAt,
  issuingState,
  OPEN_DATA_LICENCE,
  serviceDay,
  type Centre,
  type Issuing,
  type PublicWaits,
  type Service,
} from "@dost/shared";
import type { Db, Executor } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { notFound } from "../../lib/errors.js";
import type { QueueService } from "../queue/index.js";
import { catalogRepository, type ServiceRecord } from "./catalog.repository.js";
import { hoursOf, type CentreDirectory } from "./centre-directory.js";

export function createCatalogService({
  db,
  clock,
  centres,
  queue,
}: {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "find" | "all">;
  queue: Pick<QueueService, "state">;
}) {
  let waitsCache: { at: number; value: PublicWaits } | null = null;
  return {
    /** The services a centre offers, in its order; inside a transaction, through its executor. */
    servicesOfCentre: (ex: Executor, centreId: string): Promise<ServiceRecord[]> =>
      catalogRepository.servicesOfCentre(ex, centreId),

    /** One service as the centre offers it, or null when it does not offer it. */
    serviceOfCentre: (ex: Executor, centreId: string, serviceId: string): Promise<ServiceRecord | null> =>
      catalogRepository.serviceOfCentre(ex, centreId, serviceId),

    async centres(): Promise<Centre[]> {
      // A centre being set up (or closed down) is not listed to the public.
      return (await centres.all(db))
        .filter((c) => c.active)
        .map(({ id, code, name, timezone }) => ({ id, code, name, timezone }));
    },

    /**
     * The centre's services with how many wait and what a newcomer can expect, and whether kiosks
     * take tickets now (until or from when).
     */
    async services(centreRef: string): Promise<{ services: Service[]; issuing: Issuing }> {
      const centre = await centres.find(db, centreRef);
      if (!centre) throw notFound("Centre");
      const now = clock.now();
      const [rows, queueState] = await Promise.all([
        catalogRepository.servicesOfCentre(db, centre.id),
        queue.state(db, centre),
      ]);
      const figures = new Map(queueState.services().map((s) => [s.serviceId, s]));
      const state = issuingState(now, hoursOf(centre));
      const issuing = {
        open: state.open,
        lastTicketAt: state.lastTicketAt?.toISOString() ?? null,
        opensAt: state.opensAt?.toISOString() ?? null,
      };
      const services = rows.map((s) => ({
        id: s.id,
        code: s.code,
        prefix: s.prefix,
        name: s.name,
        category: s.category,
        documents: s.documents,
        appointmentEnabled: s.appointmentEnabled,
        targetWaitMinutes: s.targetWaitMinutes,
        waiting: figures.get(s.id)?.waiting ?? 0,
        estimatedWaitMinutes: figures.get(s.id)?.estimatedWaitMinutes ?? 0,
      }));
      return { services, issuing };
    },

    /**
     * Every active centre's queues for the public (open data): computed at most once per
     * PUBLIC_WAITS_CACHE_MS of the service's clock, however many ask.
     */
    async publicWaits(): Promise<PublicWaits> {
      const now = clock.now();
      if (
        waitsCache &&
        now.getTime() - waitsCache.at < PUBLIC_WAITS_CACHE_MS &&
        now.getTime() >= waitsCache.at
      )
        return waitsCache.value;
      const all = (await centres.all(db)).filter((c) => c.active);
      const list = await Promise.all(
        all.map(async (centre) => {
          const [rows, state] = await Promise.all([
            catalogRepository.servicesOfCentre(db, centre.id),
            queue.state(db, centre),
          ]);
          const figures = new Map(state.services().map((s) => [s.serviceId, s]));
          const today = serviceDay(now, centre.timezone);
          return {
            code: centre.code,
            name: centre.name,
            openNow: !centre.closedDates.has(today) && isOpenAt(centre.openingHours, now, centre.timezone),
            services: rows.map((s) => ({
              code: s.code,
              name: s.name,
              waiting: figures.get(s.id)?.waiting ?? 0,
              estimatedWaitMinutes: figures.get(s.id)?.estimatedWaitMinutes ?? 0,
              openCounters: state.openCounters(s.id),
            })),
          };
        }),
      );
      const value = { generatedAt: now.toISOString(), licence: OPEN_DATA_LICENCE, centres: list };
      waitsCache = { at: now.getTime(), value };
      return value;
    },
  };
}

/** The public waits are recomputed at most this often (and may be cached as long by anyone). */
export const PUBLIC_WAITS_CACHE_MS = 15_000;

export type CatalogService = ReturnType<typeof createCatalogService>;
