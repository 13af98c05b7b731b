import { asc, eq, isNull } from "drizzle-orm";
import type { ClosedDate } from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { closedDates } from "../../db/schema.js";

/** A centre's own closed dates, or with `centreId` null the national holidays. */
export const closedDatesRepository = {
  async list(ex: Executor, centreId: string | null): Promise<ClosedDate[]> {
    const rows = await ex
      .select({ date: closedDates.date, reason: closedDates.name })
      .from(closedDates)
      .where(centreId ? eq(closedDates.centreId, centreId) : isNull(closedDates.centreId))
      .orderBy(asc(closedDates.date));
    return rows;
  },

  async replace(ex: Executor, centreId: string | null, dates: readonly ClosedDate[]): Promise<void> {
    await ex
      .delete(closedDates)
      .where(centreId ? eq(closedDates.centreId, centreId) : isNull(closedDates.centreId));
    if (dates.length === 0) return;
    await ex.insert(closedDates).values(dates.map((d) => ({ centreId, date: d.date, name: d.reason })));
  },
};
