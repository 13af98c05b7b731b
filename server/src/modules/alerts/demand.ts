import {
  addDays,
  FORECAST_WEEKS,
  forecastArrivals,
  handlingMinutesFromHistory,
  type ArrivalForecast,
  type OpeningHours,
} from "@dost/shared";
import type { Executor } from "../../db/client.js";
import { alertsRepository as repo } from "./alerts.repository.js";

/**
 * A centre's expected arrivals for `date`, per hour and service, from the same weekday of the last
 * FORECAST_WEEKS weeks (holidays and the centre's closed dates left out), as the shared forecast
 * weighs them.
 */
export async function loadForecast(
  ex: Executor,
  centre: { id: string; openingHours: OpeningHours },
  date: string,
): Promise<ArrivalForecast> {
  const weeks = Array.from({ length: FORECAST_WEEKS }, (_, k) => addDays(date, -7 * (k + 1)));
  const [history, closedDates] = await Promise.all([
    repo.arrivals(ex, centre.id, weeks),
    repo.closedAmong(ex, centre.id, [date, ...weeks]),
  ]);
  return forecastArrivals({ date, history, closedDates, openingHours: centre.openingHours });
}

/**
 * Forecasts kept per centre and date: the history behind one does not change during the day, so the
 * alerts' every evaluation reads it once. Bounded: entries of other dates are dropped as days pass.
 */
export function createForecastCache() {
  const cache = new Map<string, Promise<ArrivalForecast>>();
  return (ex: Executor, centre: { id: string; openingHours: OpeningHours }, date: string) => {
    const key = `${centre.id}|${date}`;
    let hit = cache.get(key);
    if (!hit) {
      for (const k of cache.keys()) if (!k.endsWith(`|${date}`)) cache.delete(k);
      hit = loadForecast(ex, centre, date);
      // A failed read is not remembered: the next evaluation tries again.
      hit.catch(() => cache.delete(key));
      cache.set(key, hit);
    }
    return hit;
  };
}

/**
 * Mean handling minutes per service over the FORECAST_WEEKS weeks before `date`, each blended with
 * the configured figure (`handlingMinutesFromHistory`), so a service with few timed visits keeps
 * close to what the catalogue says.
 */
export async function loadHandlingMinutes(
  ex: Executor,
  centreId: string,
  date: string,
  configured: readonly { id: string; handlingMinutes: number }[],
): Promise<Map<string, number>> {
  const history = await repo.handling(ex, centreId, addDays(date, -7 * FORECAST_WEEKS), addDays(date, -1));
  return new Map(
    configured.map((s) => [s.id, handlingMinutesFromHistory(history.get(s.id), s.handlingMinutes)]),
  );
}
