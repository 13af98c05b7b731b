import type { PutSlotCapacityBody, SlotCapacityResponse } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { invalid } from "../../lib/errors.js";
import { auditLog } from "../audit/index.js";
import { assertCentreInScope, type AdminDeps, type Caller } from "./context.js";
import { offerRepository } from "./offer.repository.js";
import { slotCapacityRepository as repo } from "./slot-capacity.repository.js";

/**
 * Slot capacity hour by hour: for a service the centre offers, the slots starting in a given local
 * hour take the hour's own capacity instead of the service's. Set by the centre's managers (the
 * appointment-capacity advice applies its suggestions through here), each change audited.
 */
export function createSlotCapacityAdmin({ db, clock }: Pick<AdminDeps, "db" | "clock">) {
  async function read(ex: Executor, centreId: string): Promise<SlotCapacityResponse["services"]> {
    const [offered, hours] = await Promise.all([repo.offered(ex, centreId), repo.hours(ex, centreId)]);
    return offered.map((s) => ({
      serviceId: s.serviceId,
      slotCapacity: Number(s.slotCapacity),
      hours: hours
        .filter((h) => h.serviceId === s.serviceId)
        .map((h) => ({ hour: h.hour, capacity: h.capacity })),
    }));
  }

  return {
    /** For a route whose access rule has already admitted the caller to the centre (viewers too). */
    configured(centreId: string): Promise<SlotCapacityResponse["services"]> {
      return read(db, centreId);
    },

    async get(caller: Caller, centreId: string): Promise<SlotCapacityResponse["services"]> {
      assertCentreInScope(caller, centreId);
      return read(db, centreId);
    },

    async put(
      caller: Caller,
      centreId: string,
      body: PutSlotCapacityBody,
    ): Promise<SlotCapacityResponse["services"]> {
      assertCentreInScope(caller, centreId);
      const listed = new Set<string>();
      body.services.forEach((s, i) => {
        if (listed.has(s.serviceId))
          throw invalid("A service is listed twice", [
            { path: `services.${i}.serviceId`, message: "listed twice" },
          ]);
        listed.add(s.serviceId);
        const hours = new Set<number>();
        s.hours.forEach((h, j) => {
          if (hours.has(h.hour))
            throw invalid("An hour is listed twice", [
              { path: `services.${i}.hours.${j}.hour`, message: "listed twice" },
            ]);
          hours.add(h.hour);
        });
      });
      return db.transaction(async (tx) => {
        await offerRepository.lockCentre(tx, centreId);
        const before = await read(tx, centreId);
        const offered = new Set(before.map((s) => s.serviceId));
        const unknown = body.services.findIndex((s) => !offered.has(s.serviceId));
        if (unknown >= 0)
          throw invalid("The centre does not offer this service", [
            { path: `services.${unknown}.serviceId`, message: "not offered by the centre" },
          ]);
        await repo.replace(
          tx,
          centreId,
          [...listed],
          body.services.flatMap((s) => s.hours.map((h) => ({ serviceId: s.serviceId, ...h }))),
        );
        const after = await read(tx, centreId);
        await auditLog.record(tx, caller.actor, {
          kind: "slot_capacity.updated",
          at: clock.now(),
          centreId,
          target: { type: "centre", id: centreId },
          before: before.filter((s) => listed.has(s.serviceId)),
          after: after.filter((s) => listed.has(s.serviceId)),
        });
        return after;
      });
    },
  };
}

export type SlotCapacityAdmin = ReturnType<typeof createSlotCapacityAdmin>;
