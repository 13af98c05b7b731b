import type { AdminCounter } from "@dost/shared";
import { conflict, notFound } from "../../lib/errors.js";
import { auditLog } from "../audit/index.js";
import { assertCentreInScope, guardUnique, type AdminDeps, type Caller } from "./context.js";
import { counterSetupRepository as repo, type CounterSetupRow } from "./counters.repository.js";

export function toAdminCounter(row: CounterSetupRow): AdminCounter {
  return {
    id: row.id,
    centreId: row.centreId,
    label: row.label,
    zone: row.zone,
    active: row.active,
    status: row.status,
  };
}

const labelTaken = (label: string) =>
  conflict(`This centre already has a counter ${label}`, "label_taken", { params: { label } });

/** A centre's counters and the zones its hall displays are split by. */
export function createCounterAdmin({ db, clock, publisher }: Pick<AdminDeps, "db" | "clock" | "publisher">) {
  const changed = (row: CounterSetupRow) =>
    publisher.publish([{ name: "counter:changed", payload: { centreId: row.centreId, counterId: row.id } }]);

  return {
    async list(caller: Caller, centreId: string): Promise<AdminCounter[]> {
      assertCentreInScope(caller, centreId);
      return (await repo.list(db, centreId)).map(toAdminCounter);
    },

    async create(
      caller: Caller,
      centreId: string,
      body: { label: string; zone: string },
    ): Promise<AdminCounter> {
      assertCentreInScope(caller, centreId);
      const row = await guardUnique(
        () =>
          db.transaction(async (tx) => {
            if (await repo.labelTaken(tx, centreId, body.label)) throw labelTaken(body.label);
            const row = await repo.insert(tx, { centreId, label: body.label, zone: body.zone });
            await auditLog.record(tx, caller.actor, {
              kind: "counter.created",
              at: clock.now(),
              centreId,
              target: { type: "counter", id: row.id },
              after: toAdminCounter(row),
            });
            return row;
          }),
        { counters_centre_label: () => labelTaken(body.label) },
      );
      changed(row);
      return toAdminCounter(row);
    },

    async update(
      caller: Caller,
      counterId: string,
      patch: { label?: string | undefined; zone?: string | undefined; active?: boolean | undefined },
    ): Promise<AdminCounter> {
      const row = await guardUnique(
        () =>
          db.transaction(async (tx) => {
            const current = await repo.lock(tx, counterId);
            if (!current) throw notFound("Counter");
            assertCentreInScope(caller, current.centreId);
            if (patch.label && (await repo.labelTaken(tx, current.centreId, patch.label, counterId)))
              throw labelTaken(patch.label);
            if (patch.active === false && current.status !== "closed")
              throw conflict("Someone works at this counter; close it first", "counter_in_use");
            if (Object.keys(patch).length === 0) return current;
            const row = await repo.update(tx, counterId, patch);
            await auditLog.record(tx, caller.actor, {
              kind: "counter.updated",
              at: clock.now(),
              centreId: row.centreId,
              target: { type: "counter", id: row.id },
              before: toAdminCounter(current),
              after: toAdminCounter(row),
            });
            return row;
          }),
        { counters_centre_label: () => labelTaken(patch.label ?? "") },
      );
      changed(row);
      return toAdminCounter(row);
    },
  };
}

export type CounterAdmin = ReturnType<typeof createCounterAdmin>;
