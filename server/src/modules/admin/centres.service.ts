import {
  DomainError,
  MANAGER_CENTRE_FIELDS,
  type AdminCentre,
  type CreateCentreBody,
  type PatchCentreBody,
} from "@dost/shared";
import { conflict, forbidden, notFound } from "../../lib/errors.js";
import { auditLog } from "../audit/index.js";
import {
  assertCentreInScope,
  guardUnique,
  isAdmin,
  scopedCentre,
  type AdminDeps,
  type Caller,
} from "./context.js";
import { centresRepository as repo, type CentreRow } from "./centres.repository.js";

export function toAdminCentre(row: CentreRow): AdminCentre {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    timezone: row.timezone,
    openingHours: row.openingHours,
    bookingWindowDays: row.bookingWindowDays,
    bookingLeadMinutes: row.bookingLeadMinutes,
    lastTicketMinutesBeforeClosing: row.lastTicketMinutesBeforeClosing,
    policy: row.policy,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

const codeTaken = (code: string) =>
  conflict(`A centre with code ${code} already exists`, "code_taken", { params: { code } });

/** Centres: their hours (with breaks), timezone, booking rules, issuing hours, queue policy. */
export function createCentreAdmin({ db, clock, centres }: Pick<AdminDeps, "db" | "clock" | "centres">) {
  return {
    async list(caller: Caller): Promise<AdminCentre[]> {
      const own = scopedCentre(caller);
      return (await repo.list(db, own ? [own] : undefined)).map(toAdminCentre);
    },

    async get(caller: Caller, centreId: string): Promise<AdminCentre> {
      assertCentreInScope(caller, centreId);
      const [row] = await repo.list(db, [centreId]);
      if (!row) throw notFound("Centre");
      return toAdminCentre(row);
    },

    async create(caller: Caller, body: CreateCentreBody): Promise<AdminCentre> {
      if (!isAdmin(caller)) throw forbidden("Only an administrator creates centres", "admin_only");
      const created = await guardUnique(
        () =>
          db.transaction(async (tx) => {
            if (await repo.codeTaken(tx, body.code)) throw codeTaken(body.code);
            const row = await repo.insert(tx, body);
            const after = toAdminCentre(row);
            await auditLog.record(tx, caller.actor, {
              kind: "centre.created",
              at: clock.now(),
              centreId: row.id,
              target: { type: "centre", id: row.id },
              after,
            });
            return after;
          }),
        { centres_code: () => codeTaken(body.code) },
      );
      await centres.invalidate();
      return created;
    },

    /** A manager may change its centre's hours only; everything else is the ministry's. */
    async update(caller: Caller, centreId: string, patch: PatchCentreBody): Promise<AdminCentre> {
      assertCentreInScope(caller, centreId);
      if (!isAdmin(caller)) {
        const allowed: readonly string[] = MANAGER_CENTRE_FIELDS;
        const refused = Object.keys(patch).filter((k) => !allowed.includes(k));
        if (refused.length > 0) {
          throw new DomainError("FORBIDDEN", `Only an administrator changes ${refused.join(", ")}`, {
            reason: "admin_only",
            details: refused.map((path) => ({ path: `body.${path}`, message: "administrators only" })),
          });
        }
      }
      const updated = await guardUnique(
        () =>
          db.transaction(async (tx) => {
            const current = await repo.lock(tx, centreId);
            if (!current) throw notFound("Centre");
            if (patch.code && patch.code !== current.code && (await repo.codeTaken(tx, patch.code, centreId)))
              throw codeTaken(patch.code);
            const before = toAdminCentre(current);
            if (Object.keys(patch).length === 0) return before;
            const after = toAdminCentre(await repo.update(tx, centreId, patch));
            await auditLog.record(tx, caller.actor, {
              kind: "centre.updated",
              at: clock.now(),
              centreId,
              target: { type: "centre", id: centreId },
              before,
              after,
            });
            return after;
          }),
        { centres_code: () => codeTaken(patch.code ?? "") },
      );
      // The next request in any process sees the change.
      await centres.invalidate();
      return updated;
    },
  };
}

export type CentreAdmin = ReturnType<typeof createCentreAdmin>;
