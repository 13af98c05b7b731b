import { toMinutes, type OpeningHours } from "./service-day.js";
import { addDays, weekdayOf } from "./zoned-time.js";

/**
 * How many visitors a centre should expect each hour of a given date, per service, from the same
 * weekday of recent weeks: Mondays look like Mondays, not like Saturdays or like the last few days.
 *
 * Recent weeks count more: week k back weighs `decay^(k−1)`. With the defaults (8 weeks, decay 0.75)
 * last week weighs 1 and eight weeks ago 0.13; the weights add up to 3.6 and are worth about 5.7
 * equally weighted weeks ((Σw)² / Σw²). So one odd week (a pension payment day, a local event)
 * moves the forecast by at most 28 %, yet a lasting change (a new programme, the season turning)
 * is mostly taken in within three weeks: the same trade-off as exponential smoothing with α = 0.25,
 * the usual choice for weekly demand.
 */
export interface HourlyArrivals {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Local hour, 0–23. */
  hour: number;
  serviceId: string;
  arrivals: number;
}

export interface ArrivalForecastInput {
  /** The local date to forecast, YYYY-MM-DD. */
  date: string;
  /**
   * Counts per (date, hour, service) of earlier dates; hours and services with no row had no
   * arrivals. Rows of other weekdays, of closed dates and of hours outside opening are ignored.
   */
  history: readonly HourlyArrivals[];
  /** The centre's closed dates and the national holidays: never evidence of an ordinary day. */
  closedDates: ReadonlySet<string>;
  /** The centre's weekly opening hours; the forecast covers the hours open on `date`'s weekday. */
  openingHours: OpeningHours;
  /** How many same weekdays back to look. */
  weeks?: number;
  /** Weight of each week relative to the one after it, in (0, 1]. */
  decay?: number;
}

export interface ServiceArrivals {
  serviceId: string;
  arrivals: number;
}

export interface HourForecast {
  hour: number;
  /** Minutes of this hour the centre is open: 60, or fewer where a period starts or ends inside it. */
  openMinutes: number;
  /** Expected arrivals over all services. */
  total: number;
  /** Expected arrivals per service, services with none left out. */
  services: ServiceArrivals[];
}

export interface ArrivalForecast {
  date: string;
  /** The past dates the forecast rests on, newest first; empty when there is no usable history. */
  basedOn: string[];
  hours: HourForecast[];
}

export const FORECAST_WEEKS = 8;
export const FORECAST_DECAY = 0.75;

/** The hours of a day with opening `periods`, and how many minutes of each are open. */
export function openHoursOf(
  periods: OpeningHours[keyof OpeningHours],
): { hour: number; openMinutes: number }[] {
  const minutes = new Array<number>(24).fill(0);
  for (const period of periods) {
    const open = toMinutes(period.open);
    const close = toMinutes(period.close);
    for (let hour = Math.floor(open / 60); hour * 60 < close && hour < 24; hour++) {
      const overlap = Math.min(close, hour * 60 + 60) - Math.max(open, hour * 60);
      minutes[hour] = Math.min(60, (minutes[hour] ?? 0) + Math.max(0, overlap));
    }
  }
  return minutes.flatMap((openMinutes, hour) => (openMinutes > 0 ? [{ hour, openMinutes }] : []));
}

export function forecastArrivals(input: ArrivalForecastInput): ArrivalForecast {
  const weeks = input.weeks ?? FORECAST_WEEKS;
  const decay = input.decay ?? FORECAST_DECAY;
  if (!(Number.isInteger(weeks) && weeks >= 1)) throw new RangeError("weeks must be a whole number ≥ 1");
  if (!(decay > 0 && decay <= 1)) throw new RangeError("decay must be in (0, 1]");

  // Nobody is expected on a day the centre is closed.
  const openHours = input.closedDates.has(input.date)
    ? []
    : openHoursOf(input.openingHours[weekdayOf(input.date)]);
  const isOpenHour = new Set(openHours.map((h) => h.hour));

  // Candidate weeks: same weekday, open, newest first, with their weights.
  const weightOf = new Map<string, number>();
  for (let k = 1; k <= weeks; k++) {
    const day = addDays(input.date, -7 * k);
    if (!input.closedDates.has(day)) weightOf.set(day, decay ** (k - 1));
  }

  // A candidate date without a single row is taken as unrecorded (before the centre went live, or
  // data lost), not as a day nobody came: a DOST centre open all day with no visitor does not happen.
  const sums = new Map<number, Map<string, number>>();
  const recorded = new Set<string>();
  for (const row of input.history) {
    const weight = weightOf.get(row.date);
    if (weight === undefined) continue;
    recorded.add(row.date);
    if (!isOpenHour.has(row.hour) || row.arrivals <= 0) continue;
    let perService = sums.get(row.hour);
    if (!perService) sums.set(row.hour, (perService = new Map()));
    perService.set(row.serviceId, (perService.get(row.serviceId) ?? 0) + weight * row.arrivals);
  }

  const basedOn = [...weightOf.keys()].filter((day) => recorded.has(day));
  const totalWeight = basedOn.reduce((sum, day) => sum + (weightOf.get(day) ?? 0), 0);

  const hours = openHours.map(({ hour, openMinutes }): HourForecast => {
    const services: ServiceArrivals[] = [];
    let total = 0;
    for (const [serviceId, weighted] of sums.get(hour) ?? []) {
      const arrivals = weighted / totalWeight;
      services.push({ serviceId, arrivals });
      total += arrivals;
    }
    return { hour, openMinutes, total, services };
  });
  return { date: input.date, basedOn, hours };
}

/** What the history says about one service's visits: how many were timed, and their total length. */
export interface HandlingHistory {
  servedCount: number;
  serviceSeconds: number;
}

/**
 * Below about this many timed visits the configured figure is as good a guess as the sample mean
 * (visit lengths spread about as widely as their mean, so 20 visits leave the mean ±22 % uncertain).
 */
export const HANDLING_PRIOR_VISITS = 20;

/**
 * The mean handling time of a service in minutes: the history's mean, blended with the configured
 * `handlingMinutes` as if that were `HANDLING_PRIOR_VISITS` visits of its own. No history gives the
 * configured figure; 20 visits give the halfway point; 200 give 91 % the history's.
 */
export function handlingMinutesFromHistory(
  history: HandlingHistory | undefined,
  configuredMinutes: number,
  priorVisits: number = HANDLING_PRIOR_VISITS,
): number {
  const served = Math.max(0, history?.servedCount ?? 0);
  const seconds = Math.max(0, history?.serviceSeconds ?? 0);
  if (served === 0) return configuredMinutes;
  return (seconds / 60 + priorVisits * configuredMinutes) / (served + priorVisits);
}
