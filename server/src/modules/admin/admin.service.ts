import type { AuditQuery } from "@dost/shared";
import { auditLog } from "../audit/index.js";
import { createCatalogueAdmin } from "./catalogue.service.js";
import { createCentreAdmin } from "./centres.service.js";
import { createClosedDatesAdmin } from "./closed-dates.service.js";
import type { AdminDeps } from "./context.js";
import { createCounterAdmin } from "./counters.service.js";
import { createDeviceAdmin } from "./devices.service.js";
import { createOfferAdmin } from "./offer.service.js";
import { createSlotCapacityAdmin } from "./slot-capacity.service.js";
import { createUserAdmin } from "./users.service.js";

/**
 * Everything a ministry configures, by area. The routes, the installer (`admin:create`) and the demo
 * seed all go through these, so the seed exercises what a real installation uses.
 */
export function createAdminService(deps: AdminDeps) {
  return {
    centres: createCentreAdmin(deps),
    catalogue: createCatalogueAdmin(deps),
    offer: createOfferAdmin(deps),
    slotCapacity: createSlotCapacityAdmin(deps),
    counters: createCounterAdmin(deps),
    users: createUserAdmin(deps),
    devices: createDeviceAdmin(deps),
    closedDates: createClosedDatesAdmin(deps),
    /** `centreId`: the one the access rule resolved (a manager's own), or null for every centre. */
    audit(centreId: string | null, query: AuditQuery) {
      return auditLog.list(deps.db, {
        centreId,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        actor: query.actor,
        kind: query.kind,
        before: query.cursor ? Number(query.cursor) : undefined,
        limit: query.limit,
      });
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
