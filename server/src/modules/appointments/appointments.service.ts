import {
  checkInVerdict,
  serviceDay,
  slotCapacityAt,
  type Appointment,
  type Language,
  type Ticket,
} from "@dost/shared";
import type { Db, Executor } from "../../db/client.js";
import { violatedUnique } from "../../db/errors.js";
import { ONE_BOOKING_PER_PHONE, UNIQUE_APPOINTMENT_CODE, type TicketRow } from "../../db/schema.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound } from "../../lib/errors.js";
import { canAccessCentre, type Principal } from "../../core/principal.js";
import type { ServiceRecord } from "../catalog/index.js";
import type { CatalogService } from "../catalog/index.js";
import type { CentreDirectory, CentreRecord } from "../catalog/index.js";
import type { NotificationService } from "../notifications/index.js";
import { formatWhen, renderNotification, type NotificationKind } from "../notifications/index.js";
import type { TicketService } from "../tickets/index.js";
import { assertPhoneHolder, newAppointmentCode } from "./appointment-code.js";
import { toAppointment } from "./appointment-view.js";
import { appointmentsRepository as repo, type AppointmentRow } from "./appointments.repository.js";
import { createAvailability } from "./availability.js";
import { appointmentIcs } from "./ics.js";

export interface AppointmentServiceDeps {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "find">;
  catalog: Pick<CatalogService, "serviceOfCentre">;
  tickets: Pick<TicketService, "announceIssued" | "viewById" | "issueWithin">;
  notifications: Pick<NotificationService, "enqueue">;
  checkIn: { beforeMinutes: number; afterMinutes: number };
}

export interface BookingRequest {
  centreId: string;
  serviceId: string;
  start: string;
  citizen: { name: string; phone: string; pin?: string | undefined };
  language: Language;
}

const hhmm = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    d,
  );

export function createAppointmentService({
  db,
  clock,
  centres,
  catalog,
  tickets,
  notifications,
  checkIn,
}: AppointmentServiceDeps) {
  const availability = createAvailability({ db, clock, centres, catalog });
  const { bookable } = availability;
  async function notify(
    ex: Executor,
    kind: Exclude<NotificationKind, "turn_near" | "ticket_called">,
    row: AppointmentRow,
    centre: CentreRecord,
    service: { name: ServiceRecord["name"]; documents?: ServiceRecord["documents"] },
  ) {
    if (!row.citizenPhone) return;
    await notifications.enqueue(ex, {
      appointmentId: row.id,
      kind,
      recipient: row.citizenPhone,
      language: row.language,
      body: renderNotification(kind, row.language, {
        centre: centre.name,
        service: service.name,
        when: formatWhen(row.start, centre.timezone, row.language),
        code: row.code,
        // Only the confirmation says what to bring; a cancellation has no use for it.
        documents: kind === "booking_confirmed" ? service.documents : undefined,
      }),
      nextAttemptAt: clock.now(),
      createdAt: clock.now(),
    });
  }

  async function findOwn(code: string): Promise<AppointmentRow> {
    const row = await repo.findByCode(db, code);
    if (!row) throw notFound("Appointment");
    return row;
  }

  return {
    slots: availability.slots,
    calendar: availability.calendar,

    /** Books a seat; 409 when the time is not bookable, full, or the phone already has one that day. */
    async book(request: BookingRequest): Promise<Appointment> {
      const { centre, service, capacity, slotMinutes } = await bookable(request.centreId, request.serviceId);
      const now = clock.now();
      const { slot, day } = await availability.slotAt(centre, slotMinutes, request.start);
      for (let attempt = 0; ; attempt++) {
        try {
          const row = await db.transaction(async (tx) => {
            if (
              !(await repo.takeSeat(tx, {
                centreId: centre.id,
                serviceId: service.id,
                start: slot.start,
                capacity: slotCapacityAt(slot.start, centre.timezone, capacity),
              }))
            ) {
              throw conflict("That time is fully booked; choose another", "slot_full");
            }
            const row = await repo.insert(tx, {
              code: newAppointmentCode(),
              centreId: centre.id,
              serviceId: service.id,
              serviceDay: day,
              start: slot.start,
              end: slot.end,
              language: request.language,
              citizenName: request.citizen.name,
              citizenPhone: request.citizen.phone,
              citizenPin: request.citizen.pin ?? null,
              createdAt: now,
            });
            await notify(tx, "booking_confirmed", row, centre, service);
            return row;
          });
          return toAppointment(row, "public");
        } catch (e) {
          if (violatedUnique(e) === ONE_BOOKING_PER_PHONE) {
            throw conflict(
              "This phone number already has a booking for this service on that day",
              "already_booked",
            );
          }
          // A code already taken: 1 in 10^11, but try again with a new one rather than fail.
          if (violatedUnique(e) === UNIQUE_APPOINTMENT_CODE && attempt < 3) continue;
          throw e;
        }
      }
    },

    async get(code: string): Promise<Appointment> {
      return toAppointment(await findOwn(code), "public");
    },

    /** Cancels by the public code; the caller proves it holds the booking with the phone's last four digits. */
    async cancel(code: string, phoneLast4: string): Promise<Appointment> {
      const row = await db.transaction(async (tx) => {
        const row = await repo.findByCode(tx, code, true);
        if (!row) throw notFound("Appointment");
        assertPhoneHolder(row.citizenPhone, phoneLast4);
        if (row.status !== "booked")
          throw conflict(
            `This appointment is ${row.status.replace("_", " ")} and cannot be cancelled`,
            "appointment_state",
            {
              params: { status: row.status },
            },
          );
        await repo.releaseSeat(tx, row);
        const updated = await repo.update(tx, row.id, { status: "cancelled", cancelledAt: clock.now() });
        const centre = await centres.find(tx, row.centreId);
        const service = await catalog.serviceOfCentre(tx, row.centreId, row.serviceId);
        if (centre && service) await notify(tx, "booking_cancelled", updated, centre, service);
        return updated;
      });
      return toAppointment(row, "public");
    },

    /** Moves a booking to another free time of the same service, keeping its code. */
    async reschedule(code: string, startIso: string, phoneLast4: string): Promise<Appointment> {
      const current = await findOwn(code);
      assertPhoneHolder(current.citizenPhone, phoneLast4);
      const { centre, capacity, slotMinutes } = await bookable(current.centreId, current.serviceId);
      const { slot, day } = await availability.slotAt(centre, slotMinutes, startIso);
      try {
        const row = await db.transaction(async (tx) => {
          const row = await repo.findByCode(tx, code, true);
          if (!row) throw notFound("Appointment");
          if (row.status !== "booked")
            throw conflict(
              `This appointment is ${row.status.replace("_", " ")} and cannot be moved`,
              "appointment_state",
              {
                params: { status: row.status },
              },
            );
          if (row.start.getTime() === slot.start.getTime()) return row;
          if (
            !(await repo.takeSeat(tx, {
              centreId: row.centreId,
              serviceId: row.serviceId,
              start: slot.start,
              capacity: slotCapacityAt(slot.start, centre.timezone, capacity),
            }))
          ) {
            throw conflict("That time is fully booked; choose another", "slot_full");
          }
          await repo.releaseSeat(tx, row);
          return repo.update(tx, row.id, { start: slot.start, end: slot.end, serviceDay: day });
        });
        return toAppointment(row, "public");
      } catch (e) {
        if (violatedUnique(e) === ONE_BOOKING_PER_PHONE) {
          throw conflict(
            "This phone number already has a booking for this service on that day",
            "already_booked",
          );
        }
        throw e;
      }
    },

    async ics(code: string): Promise<string> {
      const row = await findOwn(code);
      const centre = await centres.find(db, row.centreId);
      const service = await catalog.serviceOfCentre(db, row.centreId, row.serviceId);
      if (!centre || !service) throw notFound("Appointment");
      return appointmentIcs({
        code: row.code,
        start: row.start,
        end: row.end,
        centre: centre.name,
        service: service.name,
        language: row.language,
        now: clock.now(),
      });
    },

    /**
     * Turns a booking into a ticket that the queue policy calls at its slot time ahead of walk-ins.
     * Checking in twice returns the same ticket.
     */
    async checkIn(
      principal: Principal,
      centreId: string,
      code: string,
      address: string | null = null,
    ): Promise<{ ticket: Ticket; created: boolean }> {
      const now = clock.now();
      const centre = await centres.find(db, centreId);
      if (!centre) throw notFound("Centre");
      const outcome = await db.transaction(
        async (tx): Promise<{ existing: string } | { ticket: TicketRow }> => {
          const row = await repo.findByCode(tx, code, true);
          if (!row) throw notFound("Appointment");
          if (row.centreId !== centre.id) {
            // The visitor holds the code, so telling them where the booking is helps and reveals nothing.
            const booked = await centres.find(tx, row.centreId);
            throw conflict("This appointment is booked at another centre", "check_in_wrong_centre", {
              params: { centre: booked?.code ?? "" },
            });
          }
          if (!canAccessCentre(principal, row.centreId)) throw notFound("Appointment");
          if (row.status === "checked_in" && row.ticketId) return { existing: row.ticketId };
          if (row.status === "cancelled")
            throw conflict(
              "This appointment was cancelled. Please take a ticket for the queue.",
              "appointment_state",
              {
                params: { status: "cancelled" },
              },
            );
          if (row.status === "no_show")
            throw conflict(
              "The time of this appointment has passed. Please take a ticket for the queue.",
              "check_in_too_late",
            );
          const verdict = checkInVerdict(row.start, now, checkIn);
          if (verdict === "early") {
            const opens = new Date(row.start.getTime() - checkIn.beforeMinutes * 60_000);
            throw conflict(
              `Too early: check-in opens at ${hhmm(opens, centre.timezone)}. Please come back then.`,
              "check_in_too_early",
              { params: { opensAt: opens.toISOString() } },
            );
          }
          if (verdict === "late") {
            throw conflict(
              "The time of this appointment has passed. Please take a ticket for the queue.",
              "check_in_too_late",
            );
          }
          const service = await catalog.serviceOfCentre(tx, row.centreId, row.serviceId);
          if (!service) throw notFound("Service");
          const ticket = await tickets.issueWithin(tx, {
            centreId: row.centreId,
            serviceDay: serviceDay(now, centre.timezone),
            service,
            priority: "none",
            language: row.language,
            now,
            principal,
            appointment: { id: row.id, start: row.start },
            address,
          });
          await repo.update(tx, row.id, { status: "checked_in", checkedInAt: now, ticketId: ticket.id });
          return { ticket };
        },
      );
      if ("existing" in outcome) {
        return { ticket: await tickets.viewById(outcome.existing), created: false };
      }
      return { ticket: await tickets.announceIssued(outcome.ticket), created: true };
    },

    /** A centre's appointments of one day, with check-in state and personal data, for its staff. */
    async listOfDay(centreId: string, date?: string): Promise<Appointment[]> {
      const centre = await centres.find(db, centreId);
      if (!centre) throw notFound("Centre");
      const rows = await repo.listOfDay(db, centre.id, date ?? serviceDay(clock.now(), centre.timezone));
      return rows.map((r) => toAppointment(r, "staff"));
    },
  };
}

export type AppointmentService = ReturnType<typeof createAppointmentService>;
