import {
  localTime,
  openHoursOf,
  type ArrivalForecast,
  type CentreSnapshot,
  type CounterSnapshot,
  type ServiceSnapshot,
} from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { CatalogService, CentreRecord } from "../catalog/index.js";
import type { CounterService } from "../counters/index.js";
import type { QueueService } from "../queue/index.js";
import { alertsRepository as repo } from "./alerts.repository.js";

export interface SnapshotDeps {
  db: Db;
  catalog: Pick<CatalogService, "servicesOfCentre">;
  counters: Pick<CounterService, "withState">;
  queue: Pick<QueueService, "state">;
  forecast(ex: Db, centre: CentreRecord, date: string): Promise<ArrivalForecast>;
}

const seconds = (from: Date, to: Date): number =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** One centre as the alert rules read it, at `now`: its queues, its counters, this hour's demand. */
export async function centreSnapshot(
  deps: SnapshotDeps,
  centre: CentreRecord,
  now: Date,
  /** The queue as the announcer just read it, instead of reading it again. */
  queue?: Awaited<ReturnType<QueueService["state"]>>,
): Promise<CentreSnapshot> {
  const local = localTime(now, centre.timezone);
  const hour = Math.floor(local.minutes / 60);
  const [state, services, counterRows, lastFinished, today, forecast] = await Promise.all([
    queue ?? deps.queue.state(deps.db, centre),
    deps.catalog.servicesOfCentre(deps.db, centre.id),
    deps.counters.withState(centre.id),
    repo.lastFinished(deps.db, centre.id, local.date),
    repo.arrivals(deps.db, centre.id, [local.date]),
    deps.forecast(deps.db, centre, local.date),
  ]);
  const queueOf = new Map(state.services().map((q) => [q.serviceId, q]));
  const arrivalsOf = new Map(today.filter((r) => r.hour === hour).map((r) => [r.serviceId, r.arrivals]));
  const forecastHour = forecast.hours.find((h) => h.hour === hour);
  // Without any same-weekday history there is nothing to call a surge against.
  const hasForecast = forecast.basedOn.length > 0 && forecastHour !== undefined;
  const forecastOf = new Map(forecastHour?.services.map((s) => [s.serviceId, s.arrivals]) ?? []);

  const serviceSnapshots = services.map((s): ServiceSnapshot => {
    const q = queueOf.get(s.id);
    return {
      serviceId: s.id,
      waiting: q?.waiting ?? 0,
      longestWaitSeconds: q?.longestWaitSeconds ?? 0,
      targetWaitMinutes: s.targetWaitMinutes,
      estimatedWaitSeconds: q ? q.estimatedWaitMinutes * 60 : null,
      handlingSeconds: s.handlingMinutes * 60,
      // The 90th percentile of visit lengths is not kept per service yet: the rule's stand-in applies.
      usualVisitSeconds: null,
      arrivalsThisHour: arrivalsOf.get(s.id) ?? 0,
      forecastThisHour: hasForecast ? (forecastOf.get(s.id) ?? 0) : null,
    };
  });

  const counterSnapshots = counterRows
    .filter(({ counter }) => counter.active)
    .map(({ counter, ticket }): CounterSnapshot => {
      const since = [lastFinished.get(counter.id)?.getTime() ?? 0, counter.statusSince?.getTime() ?? 0];
      const visitFrom = ticket ? (ticket.calledAt ?? ticket.startedAt) : null;
      return {
        counterId: counter.id,
        label: counter.label,
        status: counter.status,
        serviceIds: counter.serviceIds,
        idleSeconds: counter.status === "open" && !ticket ? seconds(new Date(Math.max(...since)), now) : null,
        visit:
          ticket && visitFrom
            ? { serviceId: ticket.serviceId, ticketId: ticket.id, elapsedSeconds: seconds(visitFrom, now) }
            : null,
      };
    });

  return {
    services: serviceSnapshots,
    counters: counterSnapshots,
    hourElapsedShare: hourElapsedShare(centre, local.weekday, local.minutes),
  };
}

/** How much of this hour's open time has gone by: 10:15 in an hour open from 10:00 is 0.25. */
function hourElapsedShare(
  centre: CentreRecord,
  weekday: keyof CentreRecord["openingHours"],
  minutes: number,
) {
  const hour = Math.floor(minutes / 60);
  const open = openHoursOf(centre.openingHours[weekday]).find((h) => h.hour === hour);
  if (!open) return 0;
  // The open part of a partly open hour is at its start (a 09:30 opening) or its end (a 17:30 close);
  // either way the minutes gone by are counted against the open minutes, capped at all of them.
  const into = minutes - hour * 60;
  return Math.min(1, into / open.openMinutes);
}
