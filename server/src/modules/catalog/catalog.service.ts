import type { Centre, Service } from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { notFound } from "../../lib/errors.js";
import { QueueState } from "../tickets/queue-state.js";
import { catalogRepository } from "./catalog.repository.js";
import type { CentreDirectory } from "./centre-directory.js";

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
      return (await centres.all()).map(({ id, code, name, timezone }) => ({ id, code, name, timezone }));
    },

    /** The centre's services with how many wait and what a newcomer can expect. */
    async services(centreRef: string): Promise<Service[]> {
      const centre = await centres.find(centreRef);
      if (!centre) throw notFound("Centre");
      const [rows, queue] = await Promise.all([
        catalogRepository.servicesOfCentre(db, centre.id),
        QueueState.load(db, centre, clock.now()),
      ]);
      const figures = new Map(queue.services().map((s) => [s.serviceId, s]));
      return rows.map((s) => ({
        id: s.id,
        code: s.code,
        prefix: s.prefix,
        name: s.name,
        category: s.category,
        appointmentEnabled: s.appointmentEnabled,
        targetWaitMinutes: s.targetWaitMinutes,
        waiting: figures.get(s.id)?.waiting ?? 0,
        estimatedWaitMinutes: figures.get(s.id)?.estimatedWaitMinutes ?? 0,
      }));
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
