import type { OfferedService, PutOfferBody } from "@dost/shared";
import { conflict, invalid } from "../../lib/errors.js";
import { auditLog } from "../audit/index.js";
import { catalogueRepository } from "./catalogue.repository.js";
import { assertCentreInScope, type AdminDeps, type Caller } from "./context.js";
import { offerRepository as repo } from "./offer.repository.js";
import { slotCapacityRepository } from "./slot-capacity.repository.js";

/**
 * What a centre offers: the services in their order on the kiosk, each with the centre's own prefix
 * (unique among them: ticket codes use it) and optional overrides of slot capacity and target wait.
 */
export function createOfferAdmin({ db, clock }: Pick<AdminDeps, "db" | "clock">) {
  return {
    async get(caller: Caller, centreId: string): Promise<OfferedService[]> {
      assertCentreInScope(caller, centreId);
      return repo.list(db, centreId);
    },

    async put(caller: Caller, centreId: string, body: PutOfferBody): Promise<OfferedService[]> {
      assertCentreInScope(caller, centreId);
      const ids = body.services.map((s) => s.serviceId);
      const seen = new Set<string>();
      body.services.forEach((s, i) => {
        if (seen.has(s.serviceId))
          throw invalid("A service is listed twice", [
            { path: `services.${i}.serviceId`, message: "listed twice" },
          ]);
        seen.add(s.serviceId);
      });
      return db.transaction(async (tx) => {
        await repo.lockCentre(tx, centreId);
        const catalogue = new Map((await catalogueRepository.list(tx, ids)).map((s) => [s.id, s]));
        const unknown = body.services.findIndex((s) => !catalogue.has(s.serviceId));
        if (unknown >= 0)
          throw invalid("No such service in the catalogue", [
            { path: `services.${unknown}.serviceId`, message: "not in the catalogue" },
          ]);
        const rows = body.services.map((s) => ({
          serviceId: s.serviceId,
          prefix: s.prefix ?? catalogue.get(s.serviceId)!.prefix,
          slotCapacity: s.slotCapacity ?? null,
          targetWaitMinutes: s.targetWaitMinutes ?? null,
        }));
        const byPrefix = new Map<string, number>();
        rows.forEach((r, i) => {
          const other = byPrefix.get(r.prefix);
          if (other !== undefined) {
            throw conflict(
              `Prefix ${r.prefix} is used by two services of this centre; give one its own`,
              "prefix_taken",
              {
                params: { prefix: r.prefix },
                details: [{ path: `services.${i}.prefix`, message: `also used by services.${other}` }],
              },
            );
          }
          byPrefix.set(r.prefix, i);
        });
        const before = await repo.list(tx, centreId);
        const dropped = before.map((s) => s.serviceId).filter((id) => !seen.has(id));
        const now = clock.now();
        const busy = await repo.inUse(tx, centreId, dropped, now);
        if (busy.length > 0) {
          throw conflict(
            "Visitors still wait for, or have booked, a service this would remove",
            "service_in_use",
            { details: busy.map((id) => ({ path: "services", message: `in use: ${id}` })) },
          );
        }
        await repo.replace(tx, centreId, rows);
        await slotCapacityRepository.keepOnly(tx, centreId, ids);
        const after = await repo.list(tx, centreId);
        await auditLog.record(tx, caller.actor, {
          kind: "offer.updated",
          at: now,
          centreId,
          target: { type: "centre", id: centreId },
          before,
          after,
        });
        return after;
      });
    },
  };
}

export type OfferAdmin = ReturnType<typeof createOfferAdmin>;
