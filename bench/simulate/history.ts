import { randomBytes, randomUUID } from "node:crypto";
import {
  addDays,
  generateDay,
  serviceDay,
  simulateDay,
  type DayModelConfig,
  type DayPlan,
} from "@dost/shared";
import { sql } from "drizzle-orm";
import { tickets } from "../../server/src/db/schema.js";
import type { Db } from "../../server/src/db/client.js";
import { queryRows } from "../../server/src/db/rows.js";

/**
 * The centre's past: the same weekday of the `weeks` weeks before the simulated day, each drawn
 * from the same day model with its own seed (never the simulated day's own draws) and played
 * through the call policy offline (`simulateDay`), written into the fresh database as finished
 * tickets, as a centre that has been open for a while has them. The server learns from these what
 * it learns from any centre's history (handling times, priority arrivals, and the counters' usual
 * openings, lunches and closings), so the simulated day measures the estimator as it runs in a
 * centre with a past, not on its first day.
 */
export async function loadHistory(
  db: Db,
  args: {
    centreCode: string;
    config: DayModelConfig;
    /** The simulated day's plan: its counters are the centre's counters in label order. */
    plan: DayPlan;
    seed: number;
    weeks: number;
    serviceIds: Map<string, string>;
  },
): Promise<number> {
  const [centre] = await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM centres WHERE code = ${args.centreCode}`,
  );
  if (!centre) throw new Error(`no centre ${args.centreCode}`);
  const counterRows = await queryRows<{ id: string; label: string }>(
    db,
    sql`SELECT id, label FROM counters WHERE centre_id = ${centre.id} AND active`,
  );
  // The order the simulated staff take their counters in (bench/lib/staff.ts countersOf).
  counterRows.sort((a, b) => Number(a.label) - Number(b.label) || a.label.localeCompare(b.label));
  const counterOf = new Map(args.plan.counters.map((c, i) => [c.id, counterRows[i]?.id ?? null]));
  const prefixRows = await queryRows<{ id: string; prefix: string }>(
    db,
    sql`SELECT id, prefix FROM services`,
  );
  const prefixOf = new Map(prefixRows.map((r) => [r.id, r.prefix]));

  let written = 0;
  for (let week = 1; week <= args.weeks; week++) {
    const date = addDays(args.plan.date, -7 * week);
    const plan = generateDay(args.config, date, args.seed + 1000 + week);
    const outcome = simulateDay(plan, {
      weights: args.config.weights,
      turnaroundSeconds: args.config.turnaroundSeconds,
      checkInAfterMinutes: args.config.checkInWindow.afterMinutes,
    });
    const numbers = new Map<string, number>();
    const rows = outcome.visitors.flatMap((o) => {
      const serviceId = args.serviceIds.get(o.visitor.serviceId);
      const prefix = serviceId ? prefixOf.get(serviceId) : undefined;
      if (!serviceId || !prefix) return [];
      const number = (numbers.get(prefix) ?? 0) + 1;
      numbers.set(prefix, number);
      const counterId = o.counterId ? (counterOf.get(o.counterId) ?? null) : null;
      const called = o.calledAt !== null && counterId !== null;
      const finished = called ? new Date(o.calledAt! + o.visitor.occupancySeconds * 1000) : null;
      return [
        {
          id: randomUUID(),
          publicId: randomBytes(16).toString("base64url"),
          centreId: centre.id,
          serviceId,
          serviceDay: serviceDay(new Date(o.issuedAt), args.config.timeZone),
          prefix,
          number,
          code: `${prefix}${String(number).padStart(3, "0")}`,
          status: called
            ? o.visitor.absent
              ? ("no_show" as const)
              : ("done" as const)
            : o.outcome === "abandoned"
              ? ("cancelled" as const)
              : ("expired" as const),
          priority: o.visitor.priority,
          issuedAt: new Date(o.issuedAt),
          queuedAt: new Date(o.issuedAt),
          appointmentAt: o.visitor.appointmentAt === null ? null : new Date(o.visitor.appointmentAt),
          calledAt: called ? new Date(o.calledAt!) : null,
          startedAt: called && !o.visitor.absent ? new Date(o.calledAt!) : null,
          finishedAt: finished,
          counterId: called ? counterId : null,
          callCount: called ? 1 : 0,
        },
      ];
    });
    for (let i = 0; i < rows.length; i += 200) await db.insert(tickets).values(rows.slice(i, i + 200));
    written += rows.length;
  }
  return written;
}
