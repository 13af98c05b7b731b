import type { ArrivalForecast } from "./arrival-forecast.js";
import { countersNeeded, DEFAULT_SERVICE_LEVEL } from "./erlang-c.js";
import { toMinutes, type OpeningHours } from "./service-day.js";
import { mixHandlingMinutes } from "./staffing.js";
import { weekdayOf } from "./zoned-time.js";

/**
 * How many appointments each slot can take without pushing walk-ins past their target.
 *
 * A checked-in appointment is called at its slot time ahead of walk-ins, so from the walk-ins' side
 * appointment work is counter time taken away. The rule, hour by hour:
 *  1. the walk-ins alone need `countersNeeded` (Erlang C on their forecast) of the planned counters;
 *  2. the rest are spare; appointments may fill `occupancy` (85 %) of their open minutes, the margin
 *     absorbing late check-ins and visits that run long;
 *  3. that budget is shared among the services that take appointments, by their share of the hour's
 *     demand; a service's capacity is how many appointments in every one of its slots starting that
 *     hour the share pays for (slots × handling minutes each), whole leftovers going to the largest
 *     remainders while the budget lasts.
 * Reserving whole counters is conservative: pooled with the walk-ins, appointments would leave a
 * little more room. That slack is what covers an appointment's visitor arriving a few minutes late.
 */
export interface AppointmentService {
  serviceId: string;
  slotMinutes: number;
  /** Mean handling minutes of one appointment of this service. */
  handlingMinutes: number;
}

export interface AppointmentCapacityInput {
  /** Walk-ins expected (from history of issued tickets minus appointment check-ins). */
  walkIns: ArrivalForecast;
  /** All visitors expected, appointments included; shares the budget. Defaults to `walkIns`. */
  demand?: ArrivalForecast;
  /** The centre's weekly hours: slots start from each period's opening, as booking offers them. */
  openingHours: OpeningHours;
  appointmentServices: readonly AppointmentService[];
  /** Mean handling minutes per service for the walk-ins' mix. */
  handlingMinutes: ReadonlyMap<string, number>;
  defaultHandlingMinutes: number;
  targetWaitMinutes: number;
  serviceLevel?: number;
  countersPlanned: number | Readonly<Record<number, number>>;
  occupancy?: number;
}

export interface ServiceHourCapacity {
  serviceId: string;
  /** Slots of this service starting in this hour. */
  slots: number;
  suggestedCapacity: number;
}

export interface HourCapacity {
  hour: number;
  countersPlanned: number;
  countersForWalkIns: number;
  /** Counter minutes appointments may use this hour. */
  appointmentMinutes: number;
  services: ServiceHourCapacity[];
}

export interface AppointmentCapacity {
  hours: HourCapacity[];
  /** One figure per service for the whole day, its tightest hour: what holds if one figure serves all hours. */
  services: { serviceId: string; suggestedCapacity: number }[];
}

export const APPOINTMENT_OCCUPANCY = 0.85;

export function suggestAppointmentCapacity(input: AppointmentCapacityInput): AppointmentCapacity {
  const occupancy = input.occupancy ?? APPOINTMENT_OCCUPANCY;
  if (!(occupancy > 0 && occupancy <= 1)) throw new RangeError("occupancy must be in (0, 1]");
  const periods = input.openingHours[weekdayOf(input.walkIns.date)];
  const slotsPerHour = new Map(
    input.appointmentServices.map((s) => [s.serviceId, slotStartsPerHour(periods, s.slotMinutes)]),
  );
  const demandAt = new Map((input.demand ?? input.walkIns).hours.map((h) => [h.hour, h]));
  const target = {
    targetWaitSeconds: input.targetWaitMinutes * 60,
    serviceLevel: input.serviceLevel ?? DEFAULT_SERVICE_LEVEL,
  };

  const hours = input.walkIns.hours.map((hour): HourCapacity => {
    const planned = plannedAt(input.countersPlanned, hour.hour);
    const walkInQueue = {
      arrivalsPerHour: (hour.total * 60) / hour.openMinutes,
      handlingSeconds: mixHandlingMinutes(hour, input) * 60,
    };
    const forWalkIns = countersNeeded(walkInQueue, target);
    const appointmentMinutes = Math.max(0, planned - forWalkIns) * hour.openMinutes * occupancy;
    const offered = input.appointmentServices
      .map((service) => ({ service, slots: slotsPerHour.get(service.serviceId)?.[hour.hour] ?? 0 }))
      .filter((o) => o.slots > 0);
    const demand = demandAt.get(hour.hour);
    const weights = offered.map(
      (o) => demand?.services.find((s) => s.serviceId === o.service.serviceId)?.arrivals ?? 0,
    );
    const capacities = share(
      appointmentMinutes,
      offered.map((o) => o.slots * o.service.handlingMinutes),
      weights,
    );
    return {
      hour: hour.hour,
      countersPlanned: planned,
      countersForWalkIns: forWalkIns,
      appointmentMinutes,
      services: offered.map((o, i) => ({
        serviceId: o.service.serviceId,
        slots: o.slots,
        suggestedCapacity: capacities[i] ?? 0,
      })),
    };
  });

  const services = input.appointmentServices.map((s) => {
    const perHour = hours.flatMap((h) => h.services.filter((x) => x.serviceId === s.serviceId));
    const tightest = perHour.reduce((min, x) => Math.min(min, x.suggestedCapacity), Infinity);
    return { serviceId: s.serviceId, suggestedCapacity: Number.isFinite(tightest) ? tightest : 0 };
  });
  return { hours, services };
}

/**
 * Whole units bought from `budget` minutes, where one unit of item i costs `costs[i]`: each item is
 * first given the units its weighted share pays for, then leftover money buys one more unit for the
 * largest fractional remainders, as long as it lasts. Equal shares when every weight is zero.
 */
function share(budget: number, costs: number[], weights: number[]): number[] {
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => (totalWeight > 0 ? w / totalWeight : 1 / weights.length));
  const exact = costs.map((cost, i) => (cost > 0 ? (budget * (shares[i] ?? 0)) / cost : 0));
  const units = exact.map(Math.floor);
  let left = budget - units.reduce((sum, u, i) => sum + u * (costs[i] ?? 0), 0);
  const byRemainder = exact
    .map((e, i) => ({ i, remainder: e - Math.floor(e) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { i, remainder } of byRemainder) {
    const cost = costs[i] ?? 0;
    if (remainder > 0 && cost <= left + 1e-9) {
      units[i] = (units[i] ?? 0) + 1;
      left -= cost;
    }
  }
  return units;
}

/** How many slots of `slotMinutes` start in each hour, cut from the periods as booking cuts them. */
export function slotStartsPerHour(periods: OpeningHours[keyof OpeningHours], slotMinutes: number): number[] {
  if (!(Number.isInteger(slotMinutes) && slotMinutes > 0)) {
    throw new RangeError("slotMinutes must be a whole number > 0");
  }
  const counts = new Array<number>(24).fill(0);
  for (const period of periods) {
    const close = toMinutes(period.close);
    for (let m = toMinutes(period.open); m + slotMinutes <= close; m += slotMinutes) {
      const hour = Math.floor(m / 60);
      counts[hour] = (counts[hour] ?? 0) + 1;
    }
  }
  return counts;
}

function plannedAt(planned: AppointmentCapacityInput["countersPlanned"], hour: number): number {
  const value = typeof planned === "number" ? planned : (planned[hour] ?? 0);
  return Math.max(0, Math.floor(value));
}
