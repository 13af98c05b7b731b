import {
  feedbackRefusal,
  localTime,
  scrubComment,
  type FeedbackBody,
  type FeedbackReason,
  type FeedbackClosedWhy,
} from "@dost/shared";
import type { DevicePrincipal } from "../../core/principal.js";
import type { Db } from "../../db/client.js";
import { violatedUnique } from "../../db/errors.js";
import type { Clock } from "../../lib/clock.js";
import { conflict, notFound } from "../../lib/errors.js";
import type { CentreDirectory } from "../catalog/index.js";
import { feedbackRepository as repo, type FeedbackRow, type RatedVisit } from "./feedback.repository.js";

/** How long after a visit ends a counter tablet still offers to rate it. */
export const COUNTER_TABLET_MINUTES = 15;

const CLOSED_MESSAGE: Record<FeedbackClosedWhy, string> = {
  not_done: "Only a completed visit can be rated",
  already_given: "This visit has already been rated",
  too_late: "A visit can be rated only within 24 hours of its end",
};

const closed = (why: FeedbackClosedWhy) =>
  conflict(CLOSED_MESSAGE[why], "feedback_closed", { params: { why } });

const view = (row: FeedbackRow) => ({
  score: row.score,
  reasons: row.reasons as FeedbackReason[],
  comment: row.comment,
  at: row.at.toISOString(),
});

export function createFeedbackService({
  db,
  clock,
  centres,
}: {
  db: Db;
  clock: Clock;
  centres: Pick<CentreDirectory, "find">;
}) {
  async function record(visit: RatedVisit, body: FeedbackBody, deviceId: string | null) {
    const now = clock.now();
    const given = await repo.ofTicket(db, visit.id);
    const why = feedbackRefusal(visit, given !== null, now);
    if (why) throw closed(why);
    // Checked above, so finishedAt is set: the day and hour the visit ended, in the centre's time.
    const ended = localTime(visit.finishedAt ?? now, visit.timezone);
    const staff = await repo.completion(db, visit.id);
    const comment = body.comment === undefined ? "" : scrubComment(body.comment);
    try {
      const row = await repo.insert(db, {
        ticketId: visit.id,
        centreId: visit.centreId,
        serviceId: visit.serviceId,
        counterId: staff.counterId ?? visit.counterId,
        userId: staff.userId,
        day: ended.date,
        hour: Math.floor(ended.minutes / 60),
        score: body.score,
        reasons: body.reasons ?? [],
        comment: comment === "" ? null : comment,
        deviceId,
        at: now,
      });
      return view(row);
    } catch (error) {
      // Two answers at once for the same visit: the second finds the first's row.
      if (violatedUnique(error) !== null) throw closed("already_given");
      throw error;
    }
  }

  return {
    /** The visitor rates the visit from the ticket's status page. */
    async giveByPublicId(publicId: string, body: FeedbackBody) {
      const visit = await repo.visitByPublicId(db, publicId);
      if (!visit) throw notFound("Ticket");
      return record(visit, body, null);
    },

    /** The rating already given for a ticket, so the status page does not ask twice. */
    async ofPublicId(publicId: string) {
      const visit = await repo.visitByPublicId(db, publicId);
      if (!visit) throw notFound("Ticket");
      const row = await repo.ofTicket(db, visit.id);
      return row ? view(row) : null;
    },

    /** A counter tablet rates a visit that ended at its own counter. */
    async giveAtCounter(device: DevicePrincipal["device"], ticketId: string, body: FeedbackBody) {
      const visit = await repo.visitById(db, ticketId);
      // Another counter's or centre's visit is not this tablet's to know about.
      if (!visit || !device.counterId || visit.counterId !== device.counterId) throw notFound("Ticket");
      return record(visit, body, device.id);
    },

    /** The visit a counter tablet should ask about now: the last one ended there, if recent and unrated. */
    async pendingAtCounter(device: DevicePrincipal["device"]) {
      const centre = await centres.find(db, device.centreId);
      if (!device.counterId || !centre) return null;
      const now = clock.now();
      const row = await repo.lastUnratedAtCounter(db, {
        centreId: device.centreId,
        serviceDay: localTime(now, centre.timezone).date,
        counterId: device.counterId,
        since: new Date(now.getTime() - COUNTER_TABLET_MINUTES * 60_000),
      });
      return row ? { id: row.id, code: row.code, finishedAt: row.finishedAt.toISOString() } : null;
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
