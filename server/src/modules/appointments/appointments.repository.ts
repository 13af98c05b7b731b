import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  appointmentSlots,
  appointments,
  closedDates,
  serviceHourCapacities,
  services,
  tickets,
} from "../../db/schema.js";

export type AppointmentRow = typeof appointments.$inferSelect;

export const appointmentsRepository = {
  async closedDatesBetween(ex: Executor, centreId: string, from: string, to: string): Promise<Set<string>> {
    const rows = await ex
      .select({ date: closedDates.date })
      .from(closedDates)
      .where(
        and(
          or(isNull(closedDates.centreId), eq(closedDates.centreId, centreId)),
          gte(closedDates.date, from),
          sql`${closedDates.date} <= ${to}`,
        ),
      );
    return new Set(rows.map((r) => r.date));
  },

  /** The centre's slot capacity for the service by local hour, where it set one. */
  async hourCapacities(ex: Executor, centreId: string, serviceId: string): Promise<Map<number, number>> {
    const rows = await ex
      .select({ hour: serviceHourCapacities.hour, capacity: serviceHourCapacities.capacity })
      .from(serviceHourCapacities)
      .where(
        and(eq(serviceHourCapacities.centreId, centreId), eq(serviceHourCapacities.serviceId, serviceId)),
      );
    return new Map(rows.map((r) => [r.hour, r.capacity]));
  },

  /** Seats taken per slot start between two instants. */
  async bookedBetween(
    ex: Executor,
    centreId: string,
    serviceId: string,
    from: Date,
    to: Date,
  ): Promise<Map<number, number>> {
    const rows = await ex
      .select({ start: appointmentSlots.start, booked: appointmentSlots.booked })
      .from(appointmentSlots)
      .where(
        and(
          eq(appointmentSlots.centreId, centreId),
          eq(appointmentSlots.serviceId, serviceId),
          gte(appointmentSlots.start, from),
          lt(appointmentSlots.start, to),
        ),
      );
    return new Map(rows.map((r) => [r.start.getTime(), r.booked]));
  },

  /**
   * Takes a seat in a slot if one is free; false when the slot is full. One statement, race-free.
   * The slot's row takes the capacity in force now, so a capacity lowered after the first booking
   * (an hour's own, or the service's) holds for the bookings after it.
   */
  async takeSeat(
    ex: Executor,
    slot: { centreId: string; serviceId: string; start: Date; capacity: number },
  ): Promise<boolean> {
    if (slot.capacity <= 0) return false;
    const rows = await ex
      .insert(appointmentSlots)
      .values({ ...slot, booked: 1 })
      .onConflictDoUpdate({
        target: [appointmentSlots.centreId, appointmentSlots.serviceId, appointmentSlots.start],
        set: { booked: sql`${appointmentSlots.booked} + 1`, capacity: sql`excluded.capacity` },
        setWhere: sql`${appointmentSlots.booked} < excluded.capacity`,
      })
      .returning({ booked: appointmentSlots.booked });
    return rows.length > 0;
  },

  async releaseSeat(ex: Executor, slot: { centreId: string; serviceId: string; start: Date }): Promise<void> {
    await ex
      .update(appointmentSlots)
      .set({ booked: sql`greatest(${appointmentSlots.booked} - 1, 0)` })
      .where(
        and(
          eq(appointmentSlots.centreId, slot.centreId),
          eq(appointmentSlots.serviceId, slot.serviceId),
          eq(appointmentSlots.start, slot.start),
        ),
      );
  },

  async insert(ex: Executor, values: typeof appointments.$inferInsert): Promise<AppointmentRow> {
    const [row] = await ex.insert(appointments).values(values).returning();
    if (!row) throw new Error("appointment insert returned nothing");
    return row;
  },

  async findByCode(ex: Executor, code: string, lock = false): Promise<AppointmentRow | null> {
    const query = ex.select().from(appointments).where(eq(appointments.code, code));
    const [row] = await (lock ? query.for("update") : query);
    return row ?? null;
  },

  async update(
    ex: Executor,
    id: string,
    changes: Partial<typeof appointments.$inferInsert>,
  ): Promise<AppointmentRow> {
    const [row] = await ex.update(appointments).set(changes).where(eq(appointments.id, id)).returning();
    if (!row) throw new Error("appointment update returned nothing");
    return row;
  },

  async listOfDay(ex: Executor, centreId: string, serviceDay: string): Promise<AppointmentRow[]> {
    return ex
      .select()
      .from(appointments)
      .where(and(eq(appointments.centreId, centreId), eq(appointments.serviceDay, serviceDay)))
      .orderBy(asc(appointments.start), asc(appointments.code));
  },

  /** Booked appointments whose check-in window has closed become no-shows. */
  async markNoShows(ex: Executor, closedBefore: Date): Promise<number> {
    const rows = await ex
      .update(appointments)
      .set({ status: "no_show" })
      .where(and(eq(appointments.status, "booked"), lt(appointments.start, closedBefore)))
      .returning({ id: appointments.id });
    return rows.length;
  },

  /** Personal data leaves appointments that started before `before`. */
  async purgePersonalData(ex: Executor, before: Date, now: Date): Promise<number> {
    const rows = await ex
      .update(appointments)
      .set({ citizenName: null, citizenPhone: null, citizenPin: null, purgedAt: now })
      .where(and(lt(appointments.start, before), isNull(appointments.purgedAt)))
      .returning({ id: appointments.id });
    return rows.length;
  },

  async withStatus(ex: Executor, ids: string[]): Promise<AppointmentRow[]> {
    return ids.length ? ex.select().from(appointments).where(inArray(appointments.id, ids)) : [];
  },

  /** Bookings of `day` with a phone to remind, and their service's name. */
  remindersDue(ex: Executor, centreId: string, day: string) {
    return ex
      .select({ appointment: appointments, serviceName: services.name })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .where(
        and(
          eq(appointments.centreId, centreId),
          eq(appointments.status, "booked"),
          eq(appointments.serviceDay, day),
          isNotNull(appointments.citizenPhone),
        ),
      );
  },

  /** Checked-in visitors still waiting whose booking has a phone to text when their turn nears. */
  waitingWithPhone(ex: Executor, centreId: string) {
    return ex
      .select({ ticket: tickets, appointment: appointments })
      .from(tickets)
      .innerJoin(appointments, eq(appointments.id, tickets.appointmentId))
      .where(
        and(
          eq(tickets.centreId, centreId),
          eq(tickets.status, "waiting"),
          isNotNull(appointments.citizenPhone),
        ),
      );
  },
};
