import { suggestAppointmentCapacity, type AppointmentCapacityResponse } from "@dost/shared";
import type { Db } from "../../db/client.js";
import { notFound } from "../../lib/errors.js";
import type { AdminService, Caller } from "../admin/index.js";
import { loadForecast, loadHandlingMinutes } from "../alerts/index.js";
import type { CatalogService, CentreDirectory } from "../catalog/index.js";
import type { StaffingService } from "./staffing.service.js";

export interface AppointmentCapacityDeps {
  db: Db;
  centres: Pick<CentreDirectory, "find">;
  catalog: Pick<CatalogService, "servicesOfCentre">;
  staffing: Pick<StaffingService, "plan">;
  /** Suggestions are applied through the admin settings of slot capacity per hour: audited. */
  slotCapacity: Pick<AdminService["slotCapacity"], "configured" | "put">;
}

/**
 * Appointment capacity per service and hour beside the configured one (shared
 * `suggestAppointmentCapacity`): the counters the staffing plan has open each hour, less those the
 * forecast walk-ins need by Erlang C for the centre's target, leave room for so many appointments.
 * The forecast counts every visitor of past same weekdays, kept appointments included, as a walk-in:
 * the suggestion errs towards fewer appointments, on the walk-ins' side.
 */
export function createAppointmentCapacityService({
  db,
  centres,
  catalog,
  staffing,
  slotCapacity,
}: AppointmentCapacityDeps) {
  async function advise(centreRef: string, date: string): Promise<AppointmentCapacityResponse> {
    const centre = await centres.find(db, centreRef);
    if (!centre) throw notFound("Centre");
    const services = await catalog.servicesOfCentre(db, centre.id);
    const [plan, forecast, handlingMinutes, configured] = await Promise.all([
      staffing.plan(centre.id, date),
      loadForecast(db, centre, date),
      loadHandlingMinutes(db, centre.id, date, services),
      slotCapacity.configured(centre.id),
    ]);
    const hourCapacity = new Map(
      configured.map((s) => [s.serviceId, new Map(s.hours.map((h) => [h.hour, h.capacity]))]),
    );
    const bookable = services.filter((s) => s.appointmentEnabled);
    const handling = services.map((s) => s.handlingMinutes);
    const suggestion = suggestAppointmentCapacity({
      walkIns: forecast,
      demand: forecast,
      openingHours: centre.openingHours,
      appointmentServices: bookable.map((s) => ({
        serviceId: s.id,
        slotMinutes: s.slotMinutes,
        handlingMinutes: handlingMinutes.get(s.id) ?? s.handlingMinutes,
      })),
      handlingMinutes,
      defaultHandlingMinutes:
        handling.length > 0 ? handling.reduce((a, b) => a + b, 0) / handling.length : 10,
      targetWaitMinutes: plan.targetWaitMinutes,
      countersPlanned: Object.fromEntries(plan.hours.map((h) => [h.hour, h.countersOpen])),
    });
    const suggested = new Map(suggestion.services.map((s) => [s.serviceId, s.suggestedCapacity]));
    return {
      date,
      targetWaitMinutes: plan.targetWaitMinutes,
      basedOn: plan.basedOn,
      services: bookable.map((s) => ({
        serviceId: s.id,
        configuredCapacity: s.slotCapacity,
        suggestedCapacity: suggested.get(s.id) ?? 0,
        hours: suggestion.hours.flatMap((h) =>
          h.services
            .filter((x) => x.serviceId === s.id)
            .map((x) => ({
              hour: h.hour,
              slots: x.slots,
              configuredCapacity: hourCapacity.get(s.id)?.get(h.hour) ?? s.slotCapacity,
              suggestedCapacity: x.suggestedCapacity,
            })),
        ),
      })),
    };
  }

  return {
    advise,

    /**
     * Sets each bookable service's capacity in every hour it has slots to that hour's suggestion, in
     * one audited change; its hours without slots, and its own figure, stay as they were.
     */
    async apply(caller: Caller, centreRef: string, date: string): Promise<AppointmentCapacityResponse> {
      const advice = await advise(centreRef, date);
      const centre = await centres.find(db, centreRef);
      if (!centre) throw notFound("Centre");
      const current = new Map((await slotCapacity.configured(centre.id)).map((s) => [s.serviceId, s]));
      await slotCapacity.put(caller, centre.id, {
        services: advice.services.map((s) => {
          const suggested = new Map(s.hours.map((h) => [h.hour, h.suggestedCapacity]));
          const kept = (current.get(s.serviceId)?.hours ?? []).filter((h) => !suggested.has(h.hour));
          return {
            serviceId: s.serviceId,
            hours: [...kept, ...[...suggested].map(([hour, capacity]) => ({ hour, capacity }))].sort(
              (a, b) => a.hour - b.hour,
            ),
          };
        }),
      });
      return advise(centre.id, date);
    },
  };
}

export type AppointmentCapacityService = ReturnType<typeof createAppointmentCapacityService>;
