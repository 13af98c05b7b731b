import { addDays, localTime } from "@dost/shared";
import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { CentreDirectory } from "../catalog/index.js";
import type { NotificationService } from "../notifications/index.js";
import { formatWhen, renderNotification } from "../notifications/index.js";
import type { QueueService } from "../queue/index.js";
import { appointmentsRepository as repo } from "./appointments.repository.js";

/** Reminders go out on the day before, from this local hour, never at night. */
const REMINDER_FROM_HOUR = 10;

export interface AppointmentJobsDeps {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "all">;
  notifications: Pick<NotificationService, "enqueue" | "dispatch" | "purgeBefore">;
  queue: Pick<QueueService, "state">;
  checkInAfterMinutes: number;
  retentionDays: number;
  turnNearPosition: number;
}

/** The appointment side of housekeeping: no-shows, reminders, "your turn is near", sending, purging. */
export function createAppointmentJobs(deps: AppointmentJobsDeps) {
  const { db, clock, notifications } = deps;

  async function enqueueReminders(now: Date): Promise<void> {
    for (const centre of await deps.centres.all(db)) {
      const local = localTime(now, centre.timezone);
      if (local.minutes < REMINDER_FROM_HOUR * 60) continue;
      for (const { appointment: a, serviceName } of await repo.remindersDue(
        db,
        centre.id,
        addDays(local.date, 1),
      )) {
        await notifications.enqueue(db, {
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
      const waiting = await repo.waitingWithPhone(db, centre.id);
      if (waiting.length === 0) continue;
      const queue = await deps.queue.state(db, centre, { placesFor: waiting.map((w) => w.ticket) });
      for (const w of waiting) {
        const place = queue.placeOf(w.ticket.id);
        if (!place || place.position > deps.turnNearPosition) continue;
        const a = w.appointment;
        await notifications.enqueue(db, {
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
      const noShows = await repo.markNoShows(db, new Date(now.getTime() - deps.checkInAfterMinutes * 60_000));
      await enqueueReminders(now);
      await enqueueTurnNear(now);
      const { sent } = await notifications.dispatch();
      const before = new Date(now.getTime() - deps.retentionDays * 86_400_000);
      const purged = await repo.purgePersonalData(db, before, now);
      await notifications.purgeBefore(before);
      return { noShows, purged, sent };
    },
  };
}

export type AppointmentJobs = ReturnType<typeof createAppointmentJobs>;
