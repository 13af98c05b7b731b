import { issuingState, type Centre, type Issuing, type Service } from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { notFound } from "../../lib/errors.js";
import { QueueState } from "../tickets/queue-state.js";
import { catalogRepository } from "./catalog.repository.js";
import { hoursOf, type CentreDirectory } from "./centre-directory.js";

export function createCatalogService({
  db,
  clock,
  centres,
}: {
  db: Db;
  clock: Clock;
  centres: CentreDirectory;
}) {
  return {
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
      const [rows, queue] = await Promise.all([
        catalogRepository.servicesOfCentre(db, centre.id),
        QueueState.load(db, centre, now),
      ]);
      const figures = new Map(queue.services().map((s) => [s.serviceId, s]));
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
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
