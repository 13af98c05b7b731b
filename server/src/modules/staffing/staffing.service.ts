import { localTime, planStaffing, type ArrivalForecast, type StaffingResponse } from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { notFound } from "../../lib/errors.js";
import { loadForecast, loadHandlingMinutes } from "../alerts/index.js";
import type { CatalogService, CentreDirectory } from "../catalog/index.js";
import { staffingRepository as repo } from "./staffing.repository.js";

export interface StaffingServiceDeps {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "find">;
  catalog: Pick<CatalogService, "servicesOfCentre">;
}

/**
 * Counters needed each hour of a date against those open or planned: Erlang C (shared staffing.ts)
 * on the same-weekday forecast, with handling times from history.
 */
export function createStaffingService({ db, clock, centres, catalog }: StaffingServiceDeps) {
  return {
    async plan(centreRef: string, date: string): Promise<StaffingResponse> {
      const centre = await centres.find(db, centreRef);
      if (!centre) throw notFound("Centre");
      const now = localTime(clock.now(), centre.timezone);
      const services = await catalog.servicesOfCentre(db, centre.id);
      const [forecast, handlingMinutes] = await Promise.all([
        loadForecast(db, centre, date),
        loadHandlingMinutes(db, centre.id, date, services),
      ]);
      const configured = services.map((s) => s.handlingMinutes);
      const defaultHandlingMinutes =
        configured.length > 0 ? configured.reduce((a, b) => a + b, 0) / configured.length : 10;
      return planStaffing({
        forecast,
        handlingMinutes,
        defaultHandlingMinutes,
        targetWaitMinutes: centreTarget(forecast, services),
        countersOpen: await countersOpen(date, now, forecast, centre),
      });
    },
  };

  /**
   * Past hours: the counters that called somebody then. The current hour and later ones today: the
   * counters staffed now. A later date: those that worked the same weekday last (its roster as the
   * plan), for want of a rota in the system.
   */
  async function countersOpen(
    date: string,
    now: { date: string; minutes: number },
    forecast: ArrivalForecast,
    centre: { id: string; timezone: string },
  ): Promise<Record<number, number>> {
    if (date < now.date) return repo.countersWorked(db, centre.id, date, centre.timezone);
    if (date > now.date) {
      const last = forecast.basedOn[0];
      return last ? repo.countersWorked(db, centre.id, last, centre.timezone) : {};
    }
    const [worked, staffed] = await Promise.all([
      repo.countersWorked(db, centre.id, date, centre.timezone),
      repo.countersStaffed(db, centre.id),
    ]);
    const hourNow = Math.floor(now.minutes / 60);
    const out: Record<number, number> = {};
    for (let hour = 0; hour < 24; hour++) out[hour] = hour < hourNow ? (worked[hour] ?? 0) : staffed;
    return out;
  }
}

/**
 * The centre's target wait: each service's own target weighted by the visitors it is expected to
 * have that day (the contract speaks of one target per centre; services carry their own). Without
 * a forecast, the plain mean of the services' targets.
 */
function centreTarget(
  forecast: ArrivalForecast,
  services: readonly { id: string; targetWaitMinutes: number }[],
): number {
  const targetOf = new Map(services.map((s) => [s.id, s.targetWaitMinutes]));
  let weighted = 0;
  let arrivals = 0;
  for (const hour of forecast.hours) {
    for (const s of hour.services) {
      const target = targetOf.get(s.serviceId);
      if (target === undefined) continue;
      weighted += s.arrivals * target;
      arrivals += s.arrivals;
    }
  }
  if (arrivals > 0) return Math.round((weighted / arrivals) * 10) / 10;
  const all = services.map((s) => s.targetWaitMinutes);
  return all.length > 0 ? Math.round((all.reduce((a, b) => a + b, 0) / all.length) * 10) / 10 : 15;
}

export type StaffingService = ReturnType<typeof createStaffingService>;
