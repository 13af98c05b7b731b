import type { ClosedDate } from "@dost/shared";
import { sql } from "drizzle-orm";
import { forbidden } from "../../lib/errors.js";
import { auditLog } from "../audit/index.js";
import { assertCentreInScope, isAdmin, type AdminDeps, type Caller } from "./context.js";
import { closedDatesRepository as repo } from "./closed-dates.repository.js";

/**
 * Days without service: a centre's own (set by its manager) and the national holidays (by an
 * admin). Booking and slots read both; a PUT replaces the whole list.
 */
export function createClosedDatesAdmin({ db, clock, centres }: Pick<AdminDeps, "db" | "clock" | "centres">) {
  async function replace(
    caller: Caller,
    centreId: string | null,
    dates: ClosedDate[],
  ): Promise<ClosedDate[]> {
    const sorted = [...dates].sort((a, b) => a.date.localeCompare(b.date));
    const saved = await db.transaction(async (tx) => {
      // One editor of a list at a time: the second waits and then replaces the first one's list.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(7254010, hashtext(${centreId ?? "national"}))`);
      const before = await repo.list(tx, centreId);
      await repo.replace(tx, centreId, sorted);
      await auditLog.record(tx, caller.actor, {
        kind: centreId ? "closed_dates.updated" : "holidays.updated",
        at: clock.now(),
        centreId,
        target: centreId ? { type: "centre", id: centreId } : null,
        before,
        after: sorted,
      });
      return sorted;
    });
    // The centre directory carries closed dates (issuing hours read them): the next request sees these.
    await centres.invalidate();
    return saved;
  }

  return {
    async list(caller: Caller, centreId: string): Promise<ClosedDate[]> {
      assertCentreInScope(caller, centreId);
      return repo.list(db, centreId);
    },
    async put(caller: Caller, centreId: string, dates: ClosedDate[]): Promise<ClosedDate[]> {
      assertCentreInScope(caller, centreId);
      return replace(caller, centreId, dates);
    },
    async holidays(): Promise<ClosedDate[]> {
      return repo.list(db, null);
    },
    async putHolidays(caller: Caller, dates: ClosedDate[]): Promise<ClosedDate[]> {
      if (!isAdmin(caller)) throw forbidden("Only an administrator sets national holidays", "admin_only");
      return replace(caller, null, dates);
    },
  };
}

export type ClosedDatesAdmin = ReturnType<typeof createClosedDatesAdmin>;
