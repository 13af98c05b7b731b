import {
  addDays,
  dayVerdict,
  isBookableStart,
  serviceDay,
  slotCapacityAt,
  slotsOf,
  takesAppointments,
  type Slot,
  type SlotCapacity,
  type SlotRules,
} from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound } from "../../lib/errors.js";
import type { ServiceRecord } from "../catalog/index.js";
import type { CatalogService } from "../catalog/index.js";
import type { CentreDirectory, CentreRecord } from "../catalog/index.js";
import { appointmentsRepository as repo } from "./appointments.repository.js";

/** When a service of a centre can be booked: its slots, the days with room, one slot's check. */
export function createAvailability({
  db,
  clock,
  centres,
  catalog,
}: {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "find">;
  catalog: Pick<CatalogService, "serviceOfCentre">;
}) {
  async function bookable(
    centreRef: string,
    serviceId: string,
  ): Promise<{ centre: CentreRecord; service: ServiceRecord; capacity: SlotCapacity; slotMinutes: number }> {
    const centre = await centres.find(db, centreRef);
    if (!centre) throw notFound("Centre");
    const service = await catalog.serviceOfCentre(db, centre.id, serviceId);
    if (!service) throw notFound("Service");
    // Slot capacity as this centre offers it (its override, else the catalogue's), hour by hour.
    const capacity = {
      perSlot: service.slotCapacity,
      byHour: await repo.hourCapacities(db, centre.id, service.id),
    };
    if (!service.appointmentEnabled || !takesAppointments(capacity)) {
      throw conflict(
        "This service does not take appointments; take a ticket at the centre",
        "appointments_disabled",
      );
    }
    return { centre, service, capacity, slotMinutes: service.slotMinutes };
  }

  async function rulesFor(
    centre: CentreRecord,
    slotMinutes: number,
    from: string,
    to: string,
  ): Promise<SlotRules> {
    return {
      timeZone: centre.timezone,
      openingHours: centre.openingHours,
      closedDates: await repo.closedDatesBetween(db, centre.id, from, to),
      slotMinutes,
      bookingWindowDays: centre.bookingWindowDays,
      leadMinutes: centre.bookingLeadMinutes,
    };
  }

  return {
    bookable,
    /** The bookable slot starting at `startIso`, and its local day; 409 when there is none. */
    async slotAt(
      centre: CentreRecord,
      slotMinutes: number,
      startIso: string,
    ): Promise<{ slot: Slot; day: string }> {
      const start = new Date(startIso);
      const day = serviceDay(start, centre.timezone);
      const slot = isBookableStart(start, clock.now(), await rulesFor(centre, slotMinutes, day, day));
      if (!slot) throw conflict("That time cannot be booked; choose one of the free times", "slot_closed");
      return { slot, day };
    },

    async slots(centreRef: string, serviceId: string, date: string) {
      const { centre, capacity, slotMinutes } = await bookable(centreRef, serviceId);
      const now = clock.now();
      const rules = await rulesFor(centre, slotMinutes, date, date);
      const slots = slotsOf(date, now, rules);
      if (slots.length === 0) return [];
      const booked = await repo.bookedBetween(db, centre.id, serviceId, slots[0]!.start, slots.at(-1)!.end);
      return slots.map((s) => ({
        start: s.start.toISOString(),
        end: s.end.toISOString(),
        available: Math.max(
          0,
          slotCapacityAt(s.start, centre.timezone, capacity) - (booked.get(s.start.getTime()) ?? 0),
        ),
      }));
    },

    /** For a calendar: which days have room. */
    async calendar(centreRef: string, serviceId: string, from: string, days: number) {
      const { centre, capacity, slotMinutes } = await bookable(centreRef, serviceId);
      const now = clock.now();
      const to = addDays(from, days - 1);
      const rules = await rulesFor(centre, slotMinutes, from, to);
      const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
      const daySlots = dates.map((date) => slotsOf(date, now, rules));
      const all = daySlots.flat();
      const booked = all.length
        ? await repo.bookedBetween(db, centre.id, serviceId, all[0]!.start, all.at(-1)!.end)
        : new Map<number, number>();
      return dates.map((date, i) => {
        const verdict = dayVerdict(date, now, rules);
        const available = daySlots[i]!.reduce(
          (sum, s) =>
            sum +
            Math.max(
              0,
              slotCapacityAt(s.start, centre.timezone, capacity) - (booked.get(s.start.getTime()) ?? 0),
            ),
          0,
        );
        const status = verdict !== "open" ? verdict : available === 0 ? ("full" as const) : ("open" as const);
        return { date, status, available };
      });
    },
  };
}

export type Availability = ReturnType<typeof createAvailability>;
