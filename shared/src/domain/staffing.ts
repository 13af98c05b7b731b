import type { ArrivalForecast, HourForecast } from "./arrival-forecast.js";
import { countersNeeded, DEFAULT_SERVICE_LEVEL, serviceLevel } from "./erlang-c.js";

/**
 * Counters a centre needs each hour to call most visitors within its target wait: Erlang C on the
 * hour's forecast arrivals over all services, with the handling time each service takes weighted by
 * its share of the hour's arrivals (the load, arrivals × handling, comes out exact).
 *
 * One pooled queue is the model: every counter could serve every visitor. Counters tied to narrow
 * work profiles do worse than that, so read the figure as the least the hour needs.
 */
export interface StaffingInput {
  forecast: ArrivalForecast;
  /** Mean handling minutes per service, e.g. from `handlingMinutesFromHistory`. */
  handlingMinutes: ReadonlyMap<string, number>;
  /** For a service missing from `handlingMinutes`, and for hours nobody is expected. */
  defaultHandlingMinutes: number;
  targetWaitMinutes: number;
  /** Share of visitors to call within the target; 80 % by default. */
  serviceLevel?: number;
  maxAverageWaitMinutes?: number;
  /** Counters open (past and present hours) or planned (later hours): per hour, or one figure for all. */
  countersOpen: number | Readonly<Record<number, number>>;
}

export interface StaffingHour {
  hour: number;
  /** Expected arrivals in this hour (its open part), to one decimal. */
  forecastArrivals: number;
  /** Mean handling minutes over the hour's service mix, to one decimal. */
  handlingMinutes: number;
  countersNeeded: number;
  countersOpen: number;
  /** Share of visitors expected to be called within the target with `countersOpen` (0–100). */
  withinTargetPercent: number;
}

export interface StaffingPlan {
  targetWaitMinutes: number;
  serviceLevelPercent: number;
  /** The past dates the forecast rests on; empty when there is no history yet. */
  basedOn: string[];
  hours: StaffingHour[];
}

export function planStaffing(input: StaffingInput): StaffingPlan {
  const level = input.serviceLevel ?? DEFAULT_SERVICE_LEVEL;
  const target = {
    targetWaitSeconds: input.targetWaitMinutes * 60,
    serviceLevel: level,
    ...(input.maxAverageWaitMinutes === undefined
      ? {}
      : { maxAverageWaitSeconds: input.maxAverageWaitMinutes * 60 }),
  };
  const hours = input.forecast.hours.map((hour): StaffingHour => {
    const handlingMinutes = mixHandlingMinutes(hour, input);
    // A half-open hour's arrivals come in half the time: the rate is what loads the counters.
    const queue = {
      arrivalsPerHour: (hour.total * 60) / hour.openMinutes,
      handlingSeconds: handlingMinutes * 60,
    };
    const open = countersOpenAt(input.countersOpen, hour.hour);
    return {
      hour: hour.hour,
      forecastArrivals: round1(hour.total),
      handlingMinutes: round1(handlingMinutes),
      countersNeeded: countersNeeded(queue, target),
      countersOpen: open,
      withinTargetPercent: round1(100 * serviceLevel(queue, open, target.targetWaitSeconds)),
    };
  });
  return {
    targetWaitMinutes: input.targetWaitMinutes,
    serviceLevelPercent: Math.round(level * 100),
    basedOn: input.forecast.basedOn,
    hours,
  };
}

/** Handling minutes weighted by each service's share of the hour's arrivals. */
export function mixHandlingMinutes(
  hour: HourForecast,
  input: Pick<StaffingInput, "handlingMinutes" | "defaultHandlingMinutes">,
): number {
  if (hour.total <= 0) return input.defaultHandlingMinutes;
  let work = 0;
  for (const s of hour.services) {
    work += s.arrivals * (input.handlingMinutes.get(s.serviceId) ?? input.defaultHandlingMinutes);
  }
  return work / hour.total;
}

function countersOpenAt(countersOpen: StaffingInput["countersOpen"], hour: number): number {
  const value = typeof countersOpen === "number" ? countersOpen : (countersOpen[hour] ?? 0);
  return Math.max(0, Math.floor(value));
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
