import {
  DOST_LIKE_DAY,
  generateDay,
  type DayCounterSpec,
  type DayModelConfig,
  type DayPlan,
} from "@dost/shared";

/**
 * The day to play: a DOST-like centre day (shared/domain/day-model: a morning peak, the catalogue's
 * service mix and handling times with a lognormal spread, about 12% priority visitors, booked
 * appointments with no-shows, absent visitors, people who give up, staggered breaks), drawn from a
 * seed. The demand is drawn for the reference staffing of 20 counters at 85% utilisation (times
 * `demandScale`), so asking for other counters keeps the same visitors: "what if I open two more at
 * 10:00?" changes only who serves them.
 */
export interface PlanOptions {
  date: string;
  seed: number;
  demandScale: number;
  /** Counters open in each hour from opening (09:00, 10:00, …); null: the reference staffing. */
  countersPerHour: number[] | null;
}

const HOUR_MINUTES = 60;

export function planDay(options: PlanOptions): { config: DayModelConfig; plan: DayPlan } {
  const demand: DayModelConfig = {
    ...DOST_LIKE_DAY,
    utilisation: DOST_LIKE_DAY.utilisation * options.demandScale,
  };
  const plan = generateDay(demand, options.date, options.seed);
  if (!options.countersPerHour) return { config: demand, plan };
  // The same visitors, other counters: their shifts and breaks drawn by the same model.
  const config: DayModelConfig = { ...demand, counters: countersFor(options.countersPerHour) };
  const staffed = generateDay(config, options.date, options.seed);
  return { config, plan: { ...plan, counters: staffed.counters } };
}

/**
 * Counter n (0-based) works the hours in which more than n counters are asked for, from the first
 * to the last of them, with the work profile of the reference centre's counter n (profiles repeat
 * past 20), a staggered lunch when its shift spans midday, and a short afternoon break on long shifts.
 */
export function countersFor(perHour: readonly number[]): DayCounterSpec[] {
  const most = Math.max(0, ...perHour);
  const reference = DOST_LIKE_DAY.counters;
  const counters: DayCounterSpec[] = [];
  for (let n = 0; n < most; n++) {
    const hours = perHour.flatMap((count, h) => (count > n ? [h] : []));
    const opens = DOST_LIKE_DAY.opens + hours[0]! * HOUR_MINUTES;
    const closes = DOST_LIKE_DAY.opens + (hours[hours.length - 1]! + 1) * HOUR_MINUTES;
    const lunch = 12 * HOUR_MINUTES + (n % 6) * 25;
    const breaks: DayCounterSpec["breaks"] = [];
    if (opens <= lunch && closes >= lunch + 60 && closes - opens >= 5 * HOUR_MINUTES)
      breaks.push({ reason: "lunch", at: lunch, minutes: 45 });
    const short = 15 * HOUR_MINUTES + 30 + (n % 4) * 15;
    if (n % 2 === 0 && opens <= short && closes >= short + 30 && closes - opens >= 6 * HOUR_MINUTES)
      breaks.push({ reason: "short", at: short, minutes: 15 });
    counters.push({
      id: `C${n + 1}`,
      serviceIds: reference[n % reference.length]!.serviceIds,
      opens,
      closes,
      breaks,
    });
  }
  return counters;
}
