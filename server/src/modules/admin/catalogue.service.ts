import type { AdminService, CreateServiceBody, PatchServiceBody } from "@dost/shared";
import { conflict, notFound } from "../../lib/errors.js";
import { auditLog } from "../audit/index.js";
import { guardUnique, type AdminDeps, type Caller } from "./context.js";
import { catalogueRepository as repo, type ServiceRow } from "./catalogue.repository.js";

export function toAdminService(row: ServiceRow): AdminService {
  return {
    id: row.id,
    code: row.code,
    prefix: row.prefix,
    name: row.name,
    category: row.category,
    documents: row.documents,
    handlingMinutes: row.handlingMinutes,
    targetWaitMinutes: row.targetWaitMinutes,
    appointmentEnabled: row.appointmentEnabled,
    slotMinutes: row.slotMinutes,
    slotCapacity: row.slotCapacity,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

const codeTaken = (code: string) =>
  conflict(`A service with code ${code} already exists`, "code_taken", { params: { code } });

/**
 * The national service catalogue. A service's `prefix` here is the default a centre takes when it
 * starts offering it; each centre's own prefix lives with its offer.
 */
export function createCatalogueAdmin({ db, clock }: Pick<AdminDeps, "db" | "clock">) {
  return {
    async list(): Promise<AdminService[]> {
      return (await repo.list(db)).map(toAdminService);
    },

    async create(caller: Caller, body: CreateServiceBody): Promise<AdminService> {
      return guardUnique(
        () =>
          db.transaction(async (tx) => {
            if (await repo.codeTaken(tx, body.code)) throw codeTaken(body.code);
            const after = toAdminService(await repo.insert(tx, body));
            await auditLog.record(tx, caller.actor, {
              kind: "service.created",
              at: clock.now(),
              target: { type: "service", id: after.id },
              after,
            });
            return after;
          }),
        { services_code: () => codeTaken(body.code) },
      );
    },

    async update(caller: Caller, serviceId: string, patch: PatchServiceBody): Promise<AdminService> {
      return guardUnique(
        () =>
          db.transaction(async (tx) => {
            const current = await repo.lock(tx, serviceId);
            if (!current) throw notFound("Service");
            if (patch.code && (await repo.codeTaken(tx, patch.code, serviceId))) throw codeTaken(patch.code);
            const before = toAdminService(current);
            if (Object.keys(patch).length === 0) return before;
            const after = toAdminService(await repo.update(tx, serviceId, patch));
            await auditLog.record(tx, caller.actor, {
              kind: "service.updated",
              at: clock.now(),
              target: { type: "service", id: serviceId },
              before,
              after,
            });
            return after;
          }),
        { services_code: () => codeTaken(patch.code ?? "") },
      );
    },
  };
}

export type CatalogueAdmin = ReturnType<typeof createCatalogueAdmin>;
