import { and, eq, isNotNull } from "drizzle-orm";
import { addDays, localTime } from "@dost/shared";
import type { Db } from "../db/client.js";
import { appointments, services, tickets } from "../db/schema.js";
import type { Clock } from "../lib/clock.js";
import { appointmentsRepository } from "../modules/appointments/appointments.repository.js";
import type { CentreDirectory } from "../modules/catalog/centre-directory.js";
import type { Dispatcher } from "../modules/notifications/dispatcher.js";
import { notificationsRepository } from "../modules/notifications/notifications.repository.js";
import { formatWhen, renderNotification } from "../modules/notifications/templates.js";
import { QueueState } from "../modules/tickets/queue-state.js";

/** Reminders go out on the day before, from this local hour, never at night. */
const REMINDER_FROM_HOUR = 10;

export interface AppointmentJobsDeps {
  db: Db;
  clock: Clock;
  centres: CentreDirectory;
  dispatcher: Dispatcher;
  checkInAfterMinutes: number;
  retentionDays: number;
  turnNearPosition: number;
}

/** The appointment side of housekeeping: no-shows, reminders, "your turn is near", sending, purging. */
export function createAppointmentJobs(deps: AppointmentJobsDeps) {
  const { db, clock } = deps;

  async function enqueueReminders(now: Date): Promise<void> {
    for (const centre of await deps.centres.all(db)) {
      const local = localTime(now, centre.timezone);
      if (local.minutes < REMINDER_FROM_HOUR * 60) continue;
      const due = await db
        .select({ appointment: appointments, serviceName: services.name })
        .from(appointments)
        .innerJoin(services, eq(services.id, appointments.serviceId))
        .where(
          and(
            eq(appointments.centreId, centre.id),
            eq(appointments.status, "booked"),
            eq(appointments.serviceDay, addDays(local.date, 1)),
            isNotNull(appointments.citizenPhone),
          ),
        );
      for (const { appointment: a, serviceName } of due) {
        await notificationsRepository.enqueue(db, {
          appointmentId: a.id,
          kind: "reminder",
          recipient: a.citizenPhone,
          language: a.language,
          body: renderNotification("reminder", a.language, {
            centre: centre.name,
            service: serviceName,
            when: formatWhen(a.start, centre.timezone, a.language),
            code: a.code,
          }),
          nextAttemptAt: now,
          createdAt: now,
        });
      }
    }
  }

  async function enqueueTurnNear(now: Date): Promise<void> {
    for (const centre of await deps.centres.all(db)) {
      const waiting = await db
        .select({ ticket: tickets, appointment: appointments })
        .from(tickets)
        .innerJoin(appointments, eq(appointments.id, tickets.appointmentId))
        .where(
          and(
            eq(tickets.centreId, centre.id),
            eq(tickets.status, "waiting"),
            isNotNull(appointments.citizenPhone),
          ),
        );
      if (waiting.length === 0) continue;
      const queue = await QueueState.load(db, centre, now, { placesFor: waiting.map((w) => w.ticket) });
      for (const w of waiting) {
        const place = queue.placeOf(w.ticket.id);
        if (!place || place.position > deps.turnNearPosition) continue;
        const a = w.appointment;
        await notificationsRepository.enqueue(db, {
          appointmentId: a.id,
          kind: "turn_near",
          recipient: a.citizenPhone,
          language: a.language,
          body: renderNotification("turn_near", a.language, { code: a.code, ticketCode: w.ticket.code }),
          nextAttemptAt: now,
          createdAt: now,
        });
      }
    }
  }

  return {
    async run(): Promise<{ noShows: number; purged: number; sent: number }> {
      const now = clock.now();
      const noShows = await appointmentsRepository.markNoShows(
        db,
        new Date(now.getTime() - deps.checkInAfterMinutes * 60_000),
      );
      await enqueueReminders(now);
      await enqueueTurnNear(now);
      const { sent } = await deps.dispatcher.dispatch();
      const before = new Date(now.getTime() - deps.retentionDays * 86_400_000);
      const purged = await appointmentsRepository.purgePersonalData(db, before, now);
      await notificationsRepository.purgeBefore(db, before);
      return { noShows, purged, sent };
    },
  };
}

export type AppointmentJobs = ReturnType<typeof createAppointmentJobs>;
